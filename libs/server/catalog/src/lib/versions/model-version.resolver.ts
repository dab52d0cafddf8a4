import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, UUIDScalar } from '@lookbook/core';
import { CatalogLoaders } from '../catalog.loaders';
import { ModelFile } from '../graphql/catalog-files.objects';
import { SampleImage } from '../graphql/catalog-samples.objects';
import { ModelVersion, VersionParent } from '../graphql/catalog-versions.objects';
import type { KeyValueInput } from '../graphql/catalog.inputs';
import { CreateModelVersionInput, UpdateModelVersionInput } from '../graphql/catalog.inputs';
import { toModelFile, toModelVersion, toSampleImage, toVersionParent } from '../graphql/catalog.mapper';
import { PublicMedia } from '@lookbook/storage';
import { ModelVersionService } from './model-version.service';
import { VersionPublisher } from './version-publisher.service';

const settings = (input: KeyValueInput[] | null | undefined) =>
  input ? Object.fromEntries(input.map(({ key, value }) => [key, value])) : undefined;

@Resolver(() => ModelVersion)
export class ModelVersionResolver {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly publisher: VersionPublisher,
    private readonly media: PublicMedia,
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
    return toModelVersion((await this.publisher.publish(actor, id)).version);
  }

  // Read with the version on list pages (StyleModel.versions preloads them); these load them otherwise.
  @ResolveField(() => [ModelFile])
  async files(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<ModelFile[]> {
    return (await this.loaders.filesByVersion(loaders).load(version.id)).map(toModelFile);
  }

  @ResolveField(() => [SampleImage])
  async sampleImages(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<SampleImage[]> {
    const mediaUrl = (key: string) => this.media.url(key);
    const images = await this.loaders.samplesByVersion(loaders).load(version.id);
    const linked = await this.loaders.linkedVersions(loaders).loadMany(images.map((i) => i.id));
    return images.map((image, index) =>
      toSampleImage(image, mediaUrl, Array.isArray(linked[index]) ? linked[index] : []),
    );
  }

  @ResolveField(() => [VersionParent])
  async parents(@Parent() version: ModelVersion, @Loaders() loaders: LoaderRegistry): Promise<VersionParent[]> {
    return (await this.loaders.parents(loaders).load(version.id)).map(toVersionParent);
  }
}
