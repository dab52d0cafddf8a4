import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { LicensingModule } from '@lookbook/licensing';
import { IpBindingResolver } from './ips/ip-binding.resolver';
import { IntellectualPropertyEntity } from './ips/ip.entity';
import { IpRepository } from './ips/ip.repository';
import { IpResolver } from './ips/ip.resolver';
import { IpService } from './ips/ip.service';
import { SubgraphLocks } from './ips/subgraph-locks.service';
import { LineageEdgeResolver } from './lineage/lineage-edge.resolver';
import { LineageRepository } from './lineage/lineage.repository';
import { LineageResolver } from './lineage/lineage.resolver';
import { LineageService } from './lineage/lineage.service';
import { RemixResolver } from './remixes/remix.resolver';
import { RemixService } from './remixes/remix.service';
import { LicenseCheckController } from './sales/license-check.controller';
import { LicenseSubjectResolver } from './sales/license-subject.resolver';
import { LicenseRollupService } from './sales/license-rollup.service';
import { RoyaltyLineage } from './sales/royalty-lineage.service';
import { TemplateSaleResolver } from './sales/template-sale.resolver';
import { TemplateSubjects } from './sales/template-subjects';
import { TemplateVersionResolver } from './templates/template-version.resolver';
import { TemplateController } from './templates/template.controller';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './templates/template.entity';
import { TemplateRepository } from './templates/template.repository';
import { TemplateResolver } from './templates/template.resolver';
import { TemplateService } from './templates/template.service';
import { TemplatesFacade } from './templates.facade';
import { TemplatesLoaders } from './templates.loaders';

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
    LineageRepository,
    TemplatesLoaders,
    TemplateService,
    TemplateResolver,
    TemplateVersionResolver,
    IpService,
    SubgraphLocks,
    IpResolver,
    IpBindingResolver,
    LineageService,
    LineageResolver,
    LineageEdgeResolver,
    RemixService,
    RemixResolver,
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
