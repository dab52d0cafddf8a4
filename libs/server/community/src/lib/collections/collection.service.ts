import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityErrors } from '../community.errors';
import type { CollectionCardRow, CollectionItemKind, CollectionRole, CollectionVisibility } from './collection';
import { MAX_COLLECTIONS_PER_OWNER } from './collection';
import { lockFor } from './collection-access';
import { CollectionErrors } from './collection.errors';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionLimits } from './collection-limits';
import { CollectionRepository } from './collection.repository';
import type { CollectionPermissions } from './collection-rules';
import { checkDescription, checkTitle, collectionPermissions, roleOf } from './collection-rules';

/** A collection as one viewer sees it: the row with its cover, their role and what they may do. */
export interface CollectionView {
  collection: CollectionCardRow;
  role: CollectionRole;
  can: CollectionPermissions;
}

export interface CollectionSettings {
  title?: string | null;
  description?: string | null;
  visibility?: CollectionVisibility | null;
  /** An item of the collection to show as its cover; null: the first item with an image. */
  coverItemId?: string | null;
}

/** Collections were featured from the public ones with at least this many items. */
export const FEATURED_MIN_ITEMS = 3;

/**
 * Collections: create, change, delete, and the reads (one, mine, a member's public ones, featured, which of mine
 * hold an item). Private collections are visible to their owner, editors and invited members only; to anyone else
 * they do not exist. A collection whose owner is on either side of a block with the viewer is hidden from them too.
 */
@Injectable()
export class CollectionService {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly items: CollectionItemRepository,
    private readonly blocks: BlockRepository,
    private readonly identity: IdentityFacade,
    private readonly transactions: Transactions,
    private readonly limits: CollectionLimits,
    private readonly clock: Clock,
  ) {}

  async create(
    actor: Actor,
    client: ClientInfo | undefined,
    input: { title: string; description?: string | null; visibility?: CollectionVisibility | null },
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'create');
    const title = checkTitle(input.title);
    const description = checkDescription(input.description ?? '');
    const id = randomUUID();
    await this.transactions.run(async (manager) => {
      if ((await this.collections.countOwnedBy(manager, actor.userId)) >= MAX_COLLECTIONS_PER_OWNER)
        throw CollectionErrors.tooMany();
      const at = this.clock.now();
      await this.collections.insert(manager, {
        id,
        ownerId: actor.userId,
        title,
        description,
        visibility: input.visibility ?? 'PRIVATE',
        createdAt: at,
        updatedAt: at,
      });
    });
    return this.view(actor, id);
  }

  async update(
    actor: Actor,
    client: ClientInfo | undefined,
    id: string,
    change: CollectionSettings,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'edit');
    const title = change.title != null ? checkTitle(change.title) : null;
    const description = change.description != null ? checkDescription(change.description) : null;
    await this.transactions.run(async (manager) => {
      const { collection } = await lockFor(this.collections, manager, actor.userId, id, 'editSettings');
      let coverItemId = collection.coverItemId;
      if (change.coverItemId !== undefined) {
        if (change.coverItemId !== null && !(await this.items.has(manager, id, change.coverItemId)))
          throw CollectionErrors.itemNotFound();
        coverItemId = change.coverItemId;
      }
      await this.collections.update(
        manager,
        id,
        {
          title: title ?? collection.title,
          description: description ?? collection.description,
          visibility: change.visibility ?? collection.visibility,
          coverItemId,
        },
        this.clock.now(),
      );
    });
    return this.view(actor, id);
  }

  async delete(actor: Actor, client: ClientInfo | undefined, id: string): Promise<boolean> {
    await this.limits.consume(actor, client, 'edit');
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, id, 'delete');
      await this.collections.delete(manager, id);
    });
    return true;
  }

  /** One collection as the viewer sees it, or COLLECTION_NOT_FOUND (also for a private one they may not see). */
  async view(viewer: Actor | undefined, id: string): Promise<CollectionView> {
    const viewerId = viewer?.userId ?? null;
    const [collection] = await this.collections.cards([id], viewerId);
    if (!collection) throw CollectionErrors.notFound();
    const membership =
      viewerId && viewerId !== collection.ownerId ? await this.collections.membership(id, viewerId) : null;
    const role = roleOf(viewerId, collection.ownerId, membership);
    const can = collectionPermissions(role, collection.visibility);
    if (!can.view) throw CollectionErrors.notFound();
    if (role === 'NONE' && viewerId && (await this.blocks.between(viewerId, collection.ownerId)))
      throw CollectionErrors.notFound();
    return { collection, role, can };
  }

  /** The actor's collections: owned, edited, and invitations (most recently updated first; at most 200). */
  async mine(actor: Actor): Promise<CollectionView[]> {
    const rows = await this.collections.ofMember(actor.userId, MAX_COLLECTIONS_PER_OWNER + 50);
    const members = await this.collections.members(rows.filter((r) => r.ownerId !== actor.userId).map((r) => r.id));
    const status = new Map(members.filter((m) => m.userId === actor.userId).map((m) => [m.collectionId, m.status]));
    return rows.map((collection) => {
      const role = roleOf(actor.userId, collection.ownerId, status.get(collection.id) ?? null);
      return { collection, role, can: collectionPermissions(role, collection.visibility) };
    });
  }

  /** A member's public collections (for their profile), or USER_NOT_FOUND. */
  async publicOf(viewer: Actor | undefined, handle: string, first: number): Promise<CollectionView[]> {
    const user = await this.identity.userByHandle(handle);
    if (!user) throw CommunityErrors.userNotFound();
    const rows = await this.collections.publicOf(user.id, viewer?.userId ?? null, clamp(first));
    return this.asViewed(viewer, rows);
  }

  /**
   * Featured collections: among the 500 most recently updated public collections with at least three items, the
   * most followed, then the fullest, then the most recently updated.
   */
  async featured(viewer: Actor | undefined, first: number): Promise<CollectionView[]> {
    const rows = await this.collections.featured(viewer?.userId ?? null, FEATURED_MIN_ITEMS, clamp(first));
    return this.asViewed(viewer, rows);
  }

  /** Which of the actor's collections (owned or edited) hold the item: the Save dialog's ticks. */
  holding(actor: Actor, kind: CollectionItemKind, itemId: string): Promise<string[]> {
    return this.collections.holding(actor.userId, kind, itemId);
  }

  /** Public lists: the viewer's role is looked up for the page in one statement. */
  private async asViewed(viewer: Actor | undefined, rows: CollectionCardRow[]): Promise<CollectionView[]> {
    const viewerId = viewer?.userId ?? null;
    const status = new Map(
      viewerId
        ? (await this.collections.members(rows.map((r) => r.id)))
            .filter((m) => m.userId === viewerId)
            .map((m) => [m.collectionId, m.status])
        : [],
    );
    return rows.map((collection) => {
      const role = roleOf(viewerId, collection.ownerId, status.get(collection.id) ?? null);
      return { collection, role, can: collectionPermissions(role, collection.visibility) };
    });
  }
}

function clamp(first: number): number {
  return Math.max(1, Math.min(50, Math.floor(first) || 1));
}
