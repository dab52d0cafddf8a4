import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Transactions } from '@lookbook/core';
import { BlockRepository } from '../blocks/block.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import type { CollectionItemKind, CollectionItemRow } from './collection';
import { MAX_ITEMS } from './collection';
import { lockFor } from './collection-access';
import { CollectionErrors } from './collection.errors';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionLimits } from './collection-limits';
import { CollectionRepository } from './collection.repository';
import { checkNote, POSITION_GAP, positionBetween } from './collection-rules';
import type { CollectionView } from './collection.service';
import { CollectionService } from './collection.service';

/**
 * The items of a collection: add (idempotent: a repeat changes nothing), remove (idempotent), move, note. Only the
 * owner and active editors; every write locks the collection row, so the item count and the positions stay exact
 * under concurrent edits. An item must be public and not by someone on either side of a block with the actor.
 */
@Injectable()
export class CollectionItemService {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly items: CollectionItemRepository,
    private readonly subjects: SubjectRepository,
    private readonly blocks: BlockRepository,
    private readonly reads: CollectionService,
    private readonly transactions: Transactions,
    private readonly limits: CollectionLimits,
    private readonly clock: Clock,
  ) {}

  async add(
    actor: Actor,
    client: ClientInfo | undefined,
    collectionId: string,
    kind: CollectionItemKind,
    itemId: string,
    note?: string | null,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'add');
    const text = checkNote(note ?? '');
    const subject = await this.subjects.publicSubject(kind, itemId);
    if (!subject || (await this.blocks.between(actor.userId, subject.ownerId))) throw CollectionErrors.itemNotFound();
    await this.transactions.run(async (manager) => {
      const { collection } = await lockFor(this.collections, manager, actor.userId, collectionId, 'editItems');
      if (await this.items.find(manager, collectionId, kind, itemId)) return;
      if (collection.itemCount >= MAX_ITEMS) throw CollectionErrors.full();
      const last = await this.items.lastPosition(manager, collectionId);
      const item = {
        id: randomUUID(),
        collectionId,
        kind,
        itemId,
        position: positionBetween(last, null)!,
        note: text,
        addedBy: actor.userId,
      };
      if (await this.items.insert(manager, item, this.clock.now()))
        await this.collections.touch(manager, collectionId, 1, this.clock.now());
    });
    return this.reads.view(actor, collectionId);
  }

  /** Takes an item out (not there: no change). */
  async remove(
    actor: Actor,
    client: ClientInfo | undefined,
    collectionId: string,
    kind: CollectionItemKind,
    itemId: string,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'edit');
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, collectionId, 'editItems');
      const id = await this.items.find(manager, collectionId, kind, itemId);
      if (id && (await this.items.delete(manager, collectionId, id)))
        await this.collections.touch(manager, collectionId, -1, this.clock.now());
    });
    return this.reads.view(actor, collectionId);
  }

  /**
   * Places item `id` right after item `afterId` (null: first). One row changes, unless its new neighbours have no
   * integer between them: then this collection is renumbered first.
   */
  async move(
    actor: Actor,
    client: ClientInfo | undefined,
    collectionId: string,
    id: string,
    afterId: string | null,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'reorder');
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, collectionId, 'editItems');
      if (afterId === id) {
        if (!(await this.items.has(manager, collectionId, id))) throw CollectionErrors.itemNotFound();
        return;
      }
      let around = await this.items.neighbours(manager, collectionId, id, afterId);
      if (!around.found) throw CollectionErrors.itemNotFound();
      let position = positionBetween(around.before, around.after);
      if (position === null) {
        await this.items.renumber(manager, collectionId, POSITION_GAP);
        around = await this.items.neighbours(manager, collectionId, id, afterId);
        position = positionBetween(around.before, around.after)!;
      }
      await this.items.setPosition(manager, id, position);
      await this.collections.touch(manager, collectionId, 0, this.clock.now());
    });
    return this.reads.view(actor, collectionId);
  }

  async setNote(
    actor: Actor,
    client: ClientInfo | undefined,
    collectionId: string,
    id: string,
    note: string,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'edit');
    const text = checkNote(note);
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, collectionId, 'editItems');
      if (!(await this.items.setNote(manager, collectionId, id, text))) throw CollectionErrors.itemNotFound();
      await this.collections.touch(manager, collectionId, 0, this.clock.now());
    });
    return this.reads.view(actor, collectionId);
  }

  /**
   * The items as the viewer sees them, in order. Owners and editors also see the items no longer available (taken
   * down, unpublished, or by someone across a block), marked, so they can remove them; anyone else does not.
   */
  async list(view: CollectionView, viewerId: string | null): Promise<CollectionItemRow[]> {
    const rows = await this.items.list(view.collection.id, viewerId);
    return view.can.editItems ? rows : rows.filter((r) => r.available);
  }
}
