import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@lookbook/identity';
import { BaseModelEntity } from './base-models/base-model.entity';
import { BaseModelRepository } from './base-models/base-model.repository';
import { BaseModelResolver } from './base-models/base-model.resolver';
import { BaseModelService } from './base-models/base-model.service';
import { KnownModelFileEntity } from './base-models/known-model-file.entity';
import { KnownModelFileRepository } from './base-models/known-model-file.repository';
import { KnownModelFileResolver } from './base-models/known-model-file.resolver';
import { KnownModelFileService } from './base-models/known-model-file.service';
import { CatalogFacade } from './catalog.facade';
import { CatalogLoaders } from './catalog.loaders';
import { DownloadController } from './downloads/download.controller';
import { DownloadResolver } from './downloads/download.resolver';
import { DownloadService } from './downloads/download.service';
import { BlockedHashEntity } from './files/blocked-hash.entity';
import { BlockedHashService } from './files/blocked-hash.service';
import { ModelFileEntity } from './files/model-file.entity';
import { ModelFileRepository } from './files/model-file.repository';
import { ModelFileResolver } from './files/model-file.resolver';
import { IngestModelFileJob } from './ingest/ingest-model-file.job';
import { StyleModelEntity } from './models/style-model.entity';
import { StyleModelRepository } from './models/style-model.repository';
import { StyleModelResolver } from './models/style-model.resolver';
import { StyleModelService } from './models/style-model.service';
import { CatalogPolicies } from './policies/catalog-policies';
import { SampleImageController } from './samples/sample-image.controller';
import { SampleImageEntity } from './samples/sample-image.entity';
import { SampleImageRepository } from './samples/sample-image.repository';
import { SampleImageService } from './samples/sample-image.service';
import { SyncModelMediaJob } from './samples/sync-model-media.job';
import { SweepUploadsJob } from './uploads/sweep-uploads.job';
import { UploadController } from './uploads/upload.controller';
import { UploadEntity } from './uploads/upload.entity';
import { UploadRepository } from './uploads/upload.repository';
import { UploadResolver } from './uploads/upload.resolver';
import { UploadService } from './uploads/upload.service';
import { ModelVersionEntity, VersionParentEntity } from './versions/model-version.entity';
import { ModelVersionRepository } from './versions/model-version.repository';
import { ModelVersionResolver } from './versions/model-version.resolver';
import { ModelVersionService } from './versions/model-version.service';
import { VersionFactsService } from './versions/version-facts.service';
import { VersionPublisher } from './versions/version-publisher.service';

/** Needs StorageModule (OBJECT_STORAGE, PublicMedia) from the application. The licensing domain installs its CatalogPolicies. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      BaseModelEntity,
      KnownModelFileEntity,
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
  controllers: [DownloadController, UploadController, SampleImageController],
  providers: [
    BaseModelRepository,
    KnownModelFileRepository,
    StyleModelRepository,
    ModelVersionRepository,
    ModelFileRepository,
    UploadRepository,
    SampleImageRepository,
    CatalogLoaders,
    BaseModelService,
    KnownModelFileService,
    StyleModelService,
    ModelVersionService,
    VersionFactsService,
    VersionPublisher,
    UploadService,
    SampleImageService,
    DownloadService,
    BlockedHashService,
    CatalogPolicies,
    IngestModelFileJob,
    SweepUploadsJob,
    SyncModelMediaJob,
    BaseModelResolver,
    KnownModelFileResolver,
    StyleModelResolver,
    ModelVersionResolver,
    UploadResolver,
    DownloadResolver,
    ModelFileResolver,
    CatalogFacade,
  ],
  exports: [CatalogFacade, CatalogPolicies],
})
export class CatalogModule {}
