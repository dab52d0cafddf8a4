import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { LicensingModule } from '@lookbook/licensing';
import { IntellectualPropertyEntity } from './ips/ip.entity';
import { IpRepository } from './ips/ip.repository';
import { SubgraphLocks } from './ips/subgraph-locks.service';
import { IpBindingResolver } from './remixes/ip-binding.resolver';
import { LineageEdgeResolver, RemixResolver } from './remixes/remix.resolver';
import { RemixService } from './remixes/remix.service';
import { LicenseCheckController } from './sales/license-check.controller';
import { LicenseSubjectResolver } from './sales/license-subject.resolver';
import { LicenseRollupService } from './sales/license-rollup.service';
import { RoyaltyLineage } from './sales/royalty-lineage.service';
import { TemplateSaleResolver } from './sales/template-sale.resolver';
import { TemplateSubjects } from './sales/template-subjects';
import { TemplateController } from './templates/template.controller';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';
import { TemplateResolver, TemplateVersionResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';
import { TemplatesFacade } from './templates.facade';

/**
 * Workflow templates (ComfyUI): import, parameter slots (App Mode), publish, render; IPs with remix terms, remixes
 * and their lineage; template licences (sold through licensing, registered as a licensable subject), the split plan
 * commerce records for every sale, and the `Subject` union a licence, order line or sale is resolved to.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TemplateEntity, TemplateVersionEntity, TemplateImageEntity, IntellectualPropertyEntity]),
    CatalogModule,
    IdentityModule,
    LicensingModule,
  ],
  controllers: [TemplateController, LicenseCheckController],
  providers: [
    TemplateRepository,
    IpRepository,
    SubgraphLocks,
    TemplateService,
    TemplateResolver,
    TemplateVersionResolver,
    RemixService,
    RemixResolver,
    LineageEdgeResolver,
    IpBindingResolver,
    TemplateSubjects,
    TemplateSaleResolver,
    LicenseSubjectResolver,
    RoyaltyLineage,
    LicenseRollupService,
    TemplatesFacade,
  ],
  exports: [TemplatesFacade],
})
export class TemplatesModule {}
