import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, RequireScope, Roles, UUIDScalar } from '@lookbook/core';
import { CatalogLoaders } from './catalog.loaders';
import { DownloadService } from './downloads/download.service';
import {
  CreatedUpload,
  CreateModelVersionInput,
  CreateUploadInput,
  DownloadLink,
  KeyValueInput,
  ModelFile,
  ModelVersion,
  PartUrl,
  SampleImage,
  UpdateModelVersionInput,
  UploadedPart,
  VersionParent,
} from './graphql/catalog.objects';
import type { ParentRelationValue } from './graphql/catalog.objects';
import { toFileUpload, toModelFile, toModelVersion, toSampleImage } from './graphql/catalog.mapper';
import { ModelVersionService } from './models/model-version.service';
import { SampleImageService } from './samples/sample-image.service';
import { UploadService } from './uploads/upload.service';

const settings = (input: KeyValueInput[] | null | undefined) =>
  input ? Object.fromEntries(input.map(({ key, value }) => [key, value])) : undefined;

@Resolver(() => ModelVersion)
export class ModelVersionResolver {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly uploads: UploadService,
    private readonly downloads: DownloadService,
    private readonly samples: SampleImageService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => ModelVersion, { description: 'A version by id. Drafts are visible to the owner only.' })
  async modelVersion(
    @CurrentActor() viewer: Actor | undefined,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<ModelVersion> {
    return toModelVersion((await this.versions.visibleVersion(viewer, id)).version);
  }

  @Mutation(() => ModelVersion, { description: 'Add a draft version to one of your models.' })
  async createModelVersion(
    @CurrentActor() actor: Actor,
    @Args('modelId', { type: () => UUIDScalar }) modelId: string,
    @Args('input') input: CreateModelVersionInput,
  ): Promise<ModelVersion> {
    return toModelVersion(
      await this.versions.create(actor, modelId, {
        ...input,
        recommendedSettings: settings(input.recommendedSettings),
        parents: input.parents?.map((p) => ({ versionId: p.versionId, relation: p.relation })),
      }),
    );
  }

  @Mutation(() => ModelVersion, { description: 'Edit a draft version.' })
  async updateModelVersion(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: UpdateModelVersionInput,
  ): Promise<ModelVersion> {
    return toModelVersion(
      await this.versions.update(actor, id, { ...input, recommendedSettings: settings(input.recommendedSettings) }),
    );
  }

  @Mutation(() => ModelVersion, {
    description: 'Publish: needs READY files and a sample image; a draft model goes public with it.',
  })
  async publishModelVersion(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<ModelVersion> {
    return toModelVersion((await this.versions.publish(actor, id)).version);
  }

  @Mutation(() => CreatedUpload, { description: 'Start a resumable upload of a .safetensors file to a draft version.' })
  async createModelFileUpload(
    @CurrentActor() actor: Actor,
    @Args('versionId', { type: () => UUIDScalar }) versionId: string,
    @Args('input') input: CreateUploadInput,
  ): Promise<CreatedUpload> {
    const { file, upload } = await this.uploads.create(actor, versionId, input);
    return Object.assign(new CreatedUpload(), { file: toModelFile(file), upload: toFileUpload(upload) });
  }

  @Mutation(() => [PartUrl], {
    description: 'Short-lived URLs to PUT the given parts straight to storage (ask again when they expire).',
  })
  requestUploadPartUrls(
    @CurrentActor() actor: Actor,
    @Args('uploadId', { type: () => UUIDScalar }) uploadId: string,
    @Args('partNumbers', { type: () => [Int] }) partNumbers: number[],
  ): Promise<PartUrl[]> {
    return this.uploads.partUrls(actor, uploadId, partNumbers);
  }

  @Query(() => [UploadedPart], { description: 'Parts storage has received: resume by sending the others.' })
  uploadedParts(
    @CurrentActor() actor: Actor,
    @Args('uploadId', { type: () => UUIDScalar }) uploadId: string,
  ): Promise<UploadedPart[]> {
    return this.uploads.uploadedParts(actor, uploadId);
  }

  @Mutation(() => ModelFile, {
    description: 'Finish an upload; the file is then checked (scanStatus PENDING → READY or REJECTED).',
  })
  async completeModelFileUpload(
    @CurrentActor() actor: Actor,
    @Args('uploadId', { type: () => UUIDScalar }) uploadId: string,
  ): Promise<ModelFile> {
    return toModelFile(await this.uploads.complete(actor, uploadId));
  }

  @Mutation(() => Boolean)
  async abortModelFileUpload(
    @CurrentActor() actor: Actor,
    @Args('uploadId', { type: () => UUIDScalar }) uploadId: string,
  ): Promise<boolean> {
    await this.uploads.abort(actor, uploadId);
    return true;
  }

  @Public()
  @RequireScope('download')
  @Mutation(() => DownloadLink, {
    description: 'A 5-minute download URL for a file you may download (free, yours, or licensed).',
  })
  requestModelFileDownload(
    @CurrentActor() viewer: Actor | undefined,
    @Args('fileId', { type: () => UUIDScalar }) fileId: string,
  ): Promise<DownloadLink> {
    return this.downloads.link(viewer, fileId);
  }

  @Roles('admin', 'moderator')
  @Mutation(() => Boolean, { description: 'Moderators: refuse these exact bytes in every future upload.' })
  async blockFileHash(@Args('sha256') sha256: string, @Args('reason') reason: string): Promise<boolean> {
    await this.uploads.blockHash(sha256, reason);
    return true;
  }

  @ResolveField(() => [ModelFile])
  async files(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<ModelFile[]> {
    return (await this.loaders.filesByVersion(loaders).load(version.id)).map(toModelFile);
  }

  @ResolveField(() => [SampleImage])
  async sampleImages(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<SampleImage[]> {
    const images = await this.loaders.samplesByVersion(loaders).load(version.id);
    const linked = await this.loaders.linkedVersions(loaders).loadMany(images.map((i) => i.id));
    return Promise.all(
      images.map(async (image, index) =>
        toSampleImage(image, await this.samples.urls(image), Array.isArray(linked[index]) ? linked[index] : []),
      ),
    );
  }

  @ResolveField(() => [VersionParent])
  async parents(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<VersionParent[]> {
    return (await this.loaders.parents(loaders).load(version.id)).map((p) =>
      Object.assign(new VersionParent(), { versionId: p.parentVersionId, relation: p.relation as ParentRelationValue }),
    );
  }
}
