import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor, Page } from '@lookbook/core';
import {
  ConnectionArgs,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  Public,
  selectedFields,
  UUIDScalar,
} from '@lookbook/core';
import { CatalogLoaders } from '../catalog.loaders';
import {
  BaseModel,
  ModelOwner,
  ModelStatusEnum,
  StyleModel,
  StyleModelConnection,
} from '../graphql/catalog-models.objects';
import { ModelVersion } from '../graphql/catalog-versions.objects';
import { CreateStyleModelInput, StyleModelFilter, UpdateStyleModelInput } from '../graphql/catalog.inputs';
import { toBaseModel, toBundledVersion, toStyleModel } from '../graphql/catalog.mapper';
import { PublicMedia } from '@lookbook/storage';
import type { ModelStatus } from './model-status';
import { StyleModelService } from './style-model.service';
import { canSeeModel, isOwner, isStaff } from './visibility';

@Resolver(() => StyleModel)
export class StyleModelResolver {
  constructor(
    private readonly models: StyleModelService,
    private readonly loaders: CatalogLoaders,
    private readonly media: PublicMedia,
  ) {}

  @Public()
  @Query(() => StyleModel, { description: 'A model by id. Drafts are visible to their owner only.' })
  async styleModel(
    @CurrentActor() viewer: Actor | undefined,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<StyleModel> {
    return toStyleModel(await this.models.visibleModel(viewer, id));
  }

  @Public()
  @Query(() => StyleModelConnection, {
    description: 'Published models, newest first; your own include drafts when filtered by your id.',
  })
  styleModels(
    @CurrentActor() viewer: Actor | undefined,
    @Args() args: ConnectionArgs,
    @Args('filter', { nullable: true }) filter?: StyleModelFilter,
  ): Promise<Page<StyleModel>> {
    return this.models.list(
      viewer,
      {
        ownerId: filter?.ownerId ?? undefined,
        type: filter?.type ?? undefined,
        baseModelId: filter?.baseModelId ?? undefined,
      },
      args,
      toStyleModel,
    );
  }

  @Mutation(() => StyleModel, { description: 'Create a draft model.' })
  async createStyleModel(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateStyleModelInput,
  ): Promise<StyleModel> {
    return toStyleModel(await this.models.create(actor, input));
  }

  @Mutation(() => StyleModel)
  async updateStyleModel(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: UpdateStyleModelInput,
  ): Promise<StyleModel> {
    return toStyleModel(await this.models.update(actor, id, input));
  }

  @Mutation(() => StyleModel, {
    description: 'Publish, unpublish, archive (owners) or take down / restore (moderators).',
  })
  async changeStyleModelStatus(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('status', { type: () => ModelStatusEnum }) status: ModelStatus,
  ): Promise<StyleModel> {
    return toStyleModel(await this.models.changeStatus(actor, id, status));
  }

  @ResolveField(() => ModelOwner, { nullable: true })
  async owner(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<ModelOwner | null> {
    return this.loaders.owners(loaders).load(model.ownerId);
  }

  @ResolveField(() => BaseModel)
  async baseModel(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<BaseModel> {
    return toBaseModel((await this.loaders.baseModels(loaders).load(model.baseModelId))!);
  }

  @ResolveField(() => [ModelVersion], { description: 'Newest first. Drafts only for the owner.' })
  async versions(
    @Parent() model: StyleModel,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ModelVersion[]> {
    if (!canSeeModel(model, viewer)) return [];
    const selected = selectedFields(info);
    const all = await this.loaders
      .versionBundles(loaders, {
        files: selected.has('files'),
        samples: selected.has('sampleImages'),
        parents: selected.has('parents'),
      })
      .load(model.id);
    const mine = isOwner(model, viewer) || isStaff(viewer);
    return all
      .filter((b) => mine || b.version.status === 'PUBLISHED')
      .map((bundle) => toBundledVersion(bundle, (key) => this.media.url(key)));
  }
}
