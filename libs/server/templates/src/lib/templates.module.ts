import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntellectualPropertyEntity } from './ips/ip.entity';
import { IpRepository } from './ips/ip.repository';
import { RemixResolver } from './remixes/remix.resolver';
import { RemixService } from './remixes/remix.service';
import { TemplateController } from './templates/template.controller';
import { TemplateEntity, TemplateVersionEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';
import { TemplateResolver, TemplateVersionResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';

/**
 * Workflow templates (ComfyUI): import, parameter slots (App Mode), publish, render; lineage, IP terms and the
 * royalty cascade are pure rules here (lineage/) until their tables are wired in.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TemplateEntity, TemplateVersionEntity, IntellectualPropertyEntity])],
  controllers: [TemplateController],
  providers: [
    TemplateRepository,
    IpRepository,
    TemplateService,
    TemplateResolver,
    TemplateVersionResolver,
    RemixService,
    RemixResolver,
  ],
})
export class TemplatesModule {}
