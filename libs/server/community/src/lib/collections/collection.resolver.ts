import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders, Public, SafeIntScalar, UUIDScalar } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';
import { CommunityLoaders } from '../community.loaders';
import type { CollectionItemKind } from './collection';
import { CollectionItemService } from './collection-item.service';
import { CollectionLoaders } from './collection.loaders';
import { toCollection, toCollectionItem } from './collection.mapper';
import {
  Collection,
  CollectionEditor,
  CollectionItem,
  CollectionItemKindEnum,
  CollectionPerson,
} from './collection.objects';
import { CollectionService } from './collection.service';

@Resolver(() => Collection)
export class CollectionResolver {
  constructor(
    private readonly collections: CollectionService,
    private readonly itemService: CollectionItemService,
    private readonly loaders: CollectionLoaders,
    private readonly community: CommunityLoaders,
    private readonly media: PublicMedia,
  ) {}

  @Public()
  @Query(() => Collection, {
    description: 'A collection you may see (a private one only as its owner, an editor or an invited member).',
  })
  async collection(
    @CurrentActor() viewer: Actor | undefined,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<Collection> {
    return this.map(await this.collections.view(viewer, id));
  }

  @Query(() => [Collection], {
    description: 'Your collections: owned, edited, and invitations to edit; most recently updated first.',
  })
  async myCollections(@CurrentActor() actor: Actor): Promise<Collection[]> {
    return (await this.collections.mine(actor)).map((v) => this.map(v));
  }

  @Public()
  @Query(() => [Collection], { description: 'A member’s public collections, most recently updated first.' })
  async memberCollections(
    @CurrentActor() viewer: Actor | undefined,
    @Args('handle') handle: string,
    @Args('first', { type: () => Int, defaultValue: 24, description: 'At most 50.' }) first: number,
  ): Promise<Collection[]> {
    return (await this.collections.publicOf(viewer, handle, first)).map((v) => this.map(v));
  }

  @Public()
  @Query(() => [Collection], {
    description:
      'Featured collections: among the 500 most recently updated public collections with at least three items, the ' +
      'most followed, then the fullest, then the most recently updated.',
  })
  async featuredCollections(
    @CurrentActor() viewer: Actor | undefined,
    @Args('first', { type: () => Int, defaultValue: 6, description: 'At most 50.' }) first: number,
  ): Promise<Collection[]> {
    return (await this.collections.featured(viewer, first)).map((v) => this.map(v));
  }

  @Query(() => [ID], { description: 'Which of your collections (owned or edited) hold this item.' })
  collectionsHolding(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => CollectionItemKindEnum }) kind: CollectionItemKind,
    @Args('itemId', { type: () => UUIDScalar }) itemId: string,
  ): Promise<string[]> {
    return this.collections.holding(actor, kind, itemId);
  }

  @ResolveField(() => CollectionPerson, { nullable: true, description: 'Null for a former member.' })
  owner(@Parent() collection: Collection, @Loaders() loaders: LoaderRegistry): Promise<CollectionPerson | null> {
    return this.loaders.people(loaders).load(collection.ownerId);
  }

  @ResolveField(() => [CollectionEditor], {
    description: 'Active editors; invitations too when you own it or are invited.',
  })
  async editors(@Parent() collection: Collection, @Loaders() loaders: LoaderRegistry): Promise<CollectionEditor[]> {
    const members = await this.loaders.members(loaders).load(collection.id);
    const shown = members.filter(
      (m) => m.status === 'ACTIVE' || collection.viewerCan.manageEditors || collection.viewerRole === 'INVITED',
    );
    const people = await this.loaders.people(loaders).loadMany(shown.map((m) => m.userId));
    return shown.flatMap((m, i) => {
      const person = people[i];
      return person && !(person instanceof Error) ? [{ ...person, status: m.status }] : [];
    });
  }

  @ResolveField(() => [CollectionItem], {
    description:
      'In order (at most 500). Taken-down or unpublished items and items by someone across a block are left out; ' +
      'owners and editors see them marked unavailable, to remove them.',
  })
  async items(@Parent() collection: Collection, @CurrentActor() viewer: Actor | undefined): Promise<CollectionItem[]> {
    const rows = await this.itemService.list(collection.view, viewer?.userId ?? null);
    return rows.map((r) => toCollectionItem(r, (key) => this.media.url(key)));
  }

  @ResolveField(() => SafeIntScalar)
  async followerCount(@Parent() collection: Collection, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.community.counts(loaders, 'COLLECTION').load(collection.id)).FOLLOWERS;
  }

  @ResolveField(() => Boolean, { description: 'Whether you follow it (false when signed out).' })
  viewerFollows(
    @Parent() collection: Collection,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> | boolean {
    return viewer ? this.loaders.followed(loaders, viewer.userId).load(collection.id) : false;
  }

  private map(view: Parameters<typeof toCollection>[0]): Collection {
    return toCollection(view, (key) => this.media.url(key));
  }
}
