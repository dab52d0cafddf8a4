import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor, Page } from '@lookbook/core';
import {
  ConnectionArgs,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  preload,
  Public,
  selectedFields,
  selectedFieldsAt,
  UUIDScalar,
} from '@lookbook/core';
import type { VersionBundle, VersionParts } from '../versions/model-version.repository';
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
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StyleModel> {
    const model = toStyleModel(await this.models.visibleModel(viewer, id));
    await this.preloadVersions([model], viewer, loaders, selectedFieldsAt(info, ['versions']));
    return model;
  }

  @Public()
  @Query(() => StyleModelConnection, {
    description: 'Published models, newest first; your own include drafts when filtered by your id.',
  })
  async styleModels(
    @CurrentActor() viewer: Actor | undefined,
    @Args() args: ConnectionArgs,
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true }) filter?: StyleModelFilter,
  ): Promise<Page<StyleModel>> {
    const page = await this.models.list(
      viewer,
      {
        ownerId: filter?.ownerId ?? undefined,
        type: filter?.type ?? undefined,
        baseModelId: filter?.baseModelId ?? undefined,
        ownerHandle: filter?.ownerHandle ?? undefined,
        tag: filter?.tag ?? undefined,
      },
      args,
      toStyleModel,
    );
    const selection = [
      selectedFieldsAt(info, ['nodes', 'versions']),
      selectedFieldsAt(info, ['edges', 'node', 'versions']),
    ];
    await this.preloadVersions(
      page.nodes,
      viewer,
      loaders,
      selection.some(Boolean) ? new Set(selection.flatMap((s) => [...(s ?? [])])) : null,
    );
    return page;
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
    const bundles = await this.loaders.versionBundles(loaders, partsFor(selectedFields(info))).load(model.id);
    return this.visibleVersions(model, viewer, bundles);
  }

  /**
   * Reads the versions the query asks for below these models — with their selected children, in one statement —
   * and preloads them, so neither `versions` nor its children run a resolver per card. `selection`: what is asked
   * under `versions` (null: not asked).
   */
  private async preloadVersions(
    models: StyleModel[],
    viewer: Actor | undefined,
    loaders: LoaderRegistry,
    selection: Set<string> | null,
  ): Promise<void> {
    if (!selection || !models.length) return;
    const visible = models.filter((m) => canSeeModel(m, viewer));
    const bundles = await this.loaders.versionBundles(loaders, partsFor(selection)).loadMany(visible.map((m) => m.id));
    visible.forEach((model, i) => {
      const found = bundles[i];
      if (found instanceof Error) throw found;
      preload(model, { versions: this.visibleVersions(model, viewer, found ?? []) });
    });
  }

  /** Drafts only for the owner and staff, newest first (the bundles' order). */
  private visibleVersions(model: StyleModel, viewer: Actor | undefined, bundles: VersionBundle[]): ModelVersion[] {
    const mine = isOwner(model, viewer) || isStaff(viewer);
    return bundles
      .filter((b) => mine || b.version.status === 'PUBLISHED')
      .map((bundle) =>
        Object.assign(
          toBundledVersion(bundle, (key) => this.media.url(key)),
          { modelOwnerId: model.ownerId },
        ),
      );
  }
}

const partsFor = (selected: Set<string>): VersionParts => ({
  files: selected.has('files'),
  samples: selected.has('sampleImages'),
  parents: selected.has('parents'),
});
