import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, UUIDScalar } from '@lookbook/core';
import { CreatedUpload, ModelFile, PartUrl, UploadedPart } from '../graphql/catalog-files.objects';
import { CreateUploadInput } from '../graphql/catalog.inputs';
import { toFileUpload, toModelFile } from '../graphql/catalog.mapper';
import { UploadService } from './upload.service';

/** Resumable uploads of model files: start, presigned part URLs, what arrived, complete, abort. */
@Resolver()
export class UploadResolver {
  constructor(private readonly uploads: UploadService) {}

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
}
