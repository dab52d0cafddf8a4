import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TemplateController } from './templates/template.controller';
import { TemplateEntity, TemplateVersionEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';
import { TemplateResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';

/**
 * Workflow templates (ComfyUI): import, parameter slots (App Mode), publish, render; lineage, IP terms and the
 * royalty cascade are pure rules here (lineage/) until their tables are wired in.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TemplateEntity, TemplateVersionEntity])],
  controllers: [TemplateController],
  providers: [TemplateRepository, TemplateService, TemplateResolver],
})
export class TemplatesModule {}
