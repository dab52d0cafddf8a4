import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@lookbook/identity';
import { CatalogController } from './catalog.controller';
import { CatalogFacade } from './catalog.facade';
import { CatalogLoaders } from './catalog.loaders';
import { CatalogRepository } from './catalog.repository';
import { CatalogPolicies } from './policies/catalog-policies';
import { DownloadService } from './downloads/download.service';
import { BaseModelEntity } from './entities/base-model.entity';
import { BlockedHashEntity } from './entities/blocked-hash.entity';
import { ModelFileEntity } from './entities/model-file.entity';
import { ModelVersionEntity, VersionParentEntity } from './entities/model-version.entity';
import { SampleImageEntity } from './entities/sample-image.entity';
import { StyleModelEntity } from './entities/style-model.entity';
import { UploadEntity } from './entities/upload.entity';
import { ModelVersionResolver } from './model-version.resolver';
import { ModelVersionService } from './models/model-version.service';
import { StyleModelService } from './models/style-model.service';
import { SampleImageRepository } from './samples/sample-image.repository';
import { SampleImageService } from './samples/sample-image.service';
import { StyleModelResolver } from './style-model.resolver';
import { IngestModelFileJob } from './uploads/ingest.job';
import { SweepUploadsJob } from './uploads/sweep-uploads.job';
import { UploadService } from './uploads/upload.service';

/** Needs StorageModule (OBJECT_STORAGE) from the application. The licensing domain installs its CatalogPolicies. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      BaseModelEntity,
      StyleModelEntity,
      ModelVersionEntity,
      VersionParentEntity,
      ModelFileEntity,
      UploadEntity,
      SampleImageEntity,
      BlockedHashEntity,
    ]),
    IdentityModule,
  ],
  controllers: [CatalogController],
  providers: [
    CatalogRepository,
    SampleImageRepository,
    CatalogLoaders,
    StyleModelService,
    ModelVersionService,
    UploadService,
    SampleImageService,
    DownloadService,
    CatalogPolicies,
    IngestModelFileJob,
    SweepUploadsJob,
    StyleModelResolver,
    ModelVersionResolver,
    CatalogFacade,
  ],
  exports: [CatalogFacade, CatalogPolicies],
})
export class CatalogModule {}
