import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, UUIDScalar } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';
import type { CollectionItemKind } from './collection';
import { CollectionItemService } from './collection-item.service';
import { toCollection } from './collection.mapper';
import { CollectionMemberService } from './collection-member.service';
import { Collection, CollectionItemKindEnum, CreateCollectionInput, UpdateCollectionInput } from './collection.objects';
import type { CollectionView } from './collection.service';
import { CollectionService } from './collection.service';

/** Collection writes: settings, items, editors. Each answers with the collection as it now stands. */
@Resolver(() => Collection)
export class CollectionMutationResolver {
  constructor(
    private readonly collections: CollectionService,
    private readonly items: CollectionItemService,
    private readonly members: CollectionMemberService,
    private readonly media: PublicMedia,
  ) {}

  @Mutation(() => Collection, { description: 'Start a collection (private unless you say otherwise).' })
  async createCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('input') input: CreateCollectionInput,
  ): Promise<Collection> {
    return this.map(await this.collections.create(actor, client, input));
  }

  @Mutation(() => Collection, { description: 'Change title, description, visibility or cover (the owner).' })
  async updateCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('input') input: UpdateCollectionInput,
  ): Promise<Collection> {
    return this.map(await this.collections.update(actor, client, id, input));
  }

  @Mutation(() => Boolean, { description: 'Delete a collection with its items, editors and follows (the owner).' })
  deleteCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<boolean> {
    return this.collections.delete(actor, client, id);
  }

  @Mutation(() => Collection, {
    description: 'Add a public model, template or image at the end (already there: no change). Owner or editor.',
  })
  async addToCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('kind', { type: () => CollectionItemKindEnum }) kind: CollectionItemKind,
    @Args('itemId', { type: () => UUIDScalar }) itemId: string,
    @Args('note', { type: () => String, nullable: true, description: 'Plain text, at most 500 characters.' })
    note: string | null,
  ): Promise<Collection> {
    return this.map(await this.items.add(actor, client, collectionId, kind, itemId, note));
  }

  @Mutation(() => Collection, { description: 'Take an item out (not there: no change). Owner or editor.' })
  async removeFromCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('kind', { type: () => CollectionItemKindEnum }) kind: CollectionItemKind,
    @Args('itemId', { type: () => UUIDScalar }) itemId: string,
  ): Promise<Collection> {
    return this.map(await this.items.remove(actor, client, collectionId, kind, itemId));
  }

  @Mutation(() => Collection, { description: 'Move an item right after another (none: to the top). Owner or editor.' })
  async moveCollectionItem(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('id', { type: () => ID, description: 'The CollectionItem id.' }) id: string,
    @Args('afterId', { type: () => ID, nullable: true }) afterId: string | null,
  ): Promise<Collection> {
    return this.map(await this.items.move(actor, client, collectionId, id, afterId ?? null));
  }

  @Mutation(() => Collection, { description: 'Change an item’s note (plain text, at most 500 characters).' })
  async setCollectionItemNote(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('id', { type: () => ID, description: 'The CollectionItem id.' }) id: string,
    @Args('note') note: string,
  ): Promise<Collection> {
    return this.map(await this.items.setNote(actor, client, collectionId, id, note));
  }

  @Mutation(() => Collection, { description: 'Invite a member to edit (the owner); they get a notification.' })
  async inviteCollectionEditor(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('handle') handle: string,
  ): Promise<Collection> {
    return this.map(await this.members.invite(actor, client, collectionId, handle));
  }

  @Mutation(() => Collection, { description: 'Accept an invitation to edit a collection.' })
  async acceptCollectionInvite(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
  ): Promise<Collection> {
    return this.map(await this.members.accept(actor, client, collectionId));
  }

  @Mutation(() => Boolean, { description: 'Stop editing a collection, or decline an invitation (idempotent).' })
  leaveCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
  ): Promise<boolean> {
    return this.members.leave(actor, client, collectionId);
  }

  @Mutation(() => Collection, { description: 'Remove an editor or withdraw an invitation (the owner; idempotent).' })
  async removeCollectionEditor(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('collectionId', { type: () => UUIDScalar }) collectionId: string,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
  ): Promise<Collection> {
    return this.map(await this.members.removeEditor(actor, client, collectionId, userId));
  }

  private map(view: CollectionView): Collection {
    return toCollection(view, (key) => this.media.url(key));
  }
}
