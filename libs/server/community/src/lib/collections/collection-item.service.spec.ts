import { Clock, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import type { CollectionRow, CollectionVisibility } from './collection';
import { MAX_ITEMS } from './collection';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionItemService } from './collection-item.service';
import { CollectionLimits } from './collection-limits';
import { CollectionRepository } from './collection.repository';
import { CollectionService } from './collection.service';

const owner = '00000000-0000-4000-8000-0000000000a1';
const editor = '00000000-0000-4000-8000-0000000000e1';
const stranger = '00000000-0000-4000-8000-0000000000f1';
const creator = '00000000-0000-4000-8000-0000000000c1';
const cid = '00000000-0000-4000-8000-00000000c011';
const model = '00000000-0000-4000-8000-00000000d001';
const client = { ip: '203.0.113.9', userAgent: null };

interface World {
  visibility?: CollectionVisibility;
  itemCount?: number;
  membership?: 'INVITED' | 'ACTIVE' | null;
  exists?: boolean;
  subject?: boolean;
  blocked?: boolean;
  already?: boolean;
  last?: number | null;
  neighbours?: { found: boolean; before: number | null; after: number | null }[];
  limited?: boolean;
}

function setUp(world: World = {}) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(CollectionItemService, [
    [Transactions, transactions],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  const limits = mock(CollectionLimits);
  if (world.limited) limits.consume.mockRejectedValue(new RateLimitedError(30));
  else limits.consume.mockResolvedValue(undefined);
  mock(SubjectRepository).publicSubject.mockImplementation(async (kind, id) =>
    world.subject === false ? null : { kind, id, ownerId: creator },
  );
  mock(BlockRepository).between.mockResolvedValue(world.blocked ?? false);
  const row: CollectionRow = {
    id: cid,
    ownerId: owner,
    title: 'Rainy neon nights',
    description: '',
    visibility: world.visibility ?? 'PUBLIC',
    coverItemId: null,
    itemCount: world.itemCount ?? 2,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const collections = mock(CollectionRepository);
  collections.lock.mockResolvedValue(world.exists === false ? null : row);
  collections.membership.mockResolvedValue(world.membership ?? null);
  collections.touch.mockResolvedValue(undefined);
  const items = mock(CollectionItemRepository);
  items.find.mockResolvedValue(world.already ? 'row-1' : null);
  items.lastPosition.mockResolvedValue(world.last === undefined ? 2048 : world.last);
  items.insert.mockResolvedValue(true);
  items.delete.mockResolvedValue(true);
  items.has.mockResolvedValue(true);
  items.setNote.mockResolvedValue(true);
  items.setPosition.mockResolvedValue(undefined);
  items.renumber.mockResolvedValue(undefined);
  for (const answer of world.neighbours ?? []) items.neighbours.mockResolvedValueOnce(answer);
  mock(CollectionService).view.mockResolvedValue({} as never);
  return { sut, collections, items, transactions };
}

describe('CollectionItemService', () => {
  describe('add', () => {
    it.each([
      ['the owner', owner, null, 2048, 3072],
      ['an editor', editor, 'ACTIVE', 2048, 3072],
      ['anyone allowed, to an empty collection', owner, null, null, 1024],
    ] as const)(
      '%s appends after the last position, counting it in the same transaction',
      async (_, who, m, last, at) => {
        const { sut, items, collections, transactions } = setUp({ membership: m, last });
        await sut.add(anActor(who), client, cid, 'MODEL', model, 'Wet asphalt');
        expect(items.insert).toHaveBeenCalledWith(
          TEST_MANAGER,
          expect.objectContaining({
            collectionId: cid,
            kind: 'MODEL',
            itemId: model,
            position: at,
            note: 'Wet asphalt',
          }),
          expect.any(Date),
        );
        expect(collections.touch).toHaveBeenCalledWith(TEST_MANAGER, cid, 1, expect.any(Date));
        expect(transactions.count).toBe(1);
      },
    );

    it('changes nothing when the collection already holds the item (idempotent)', async () => {
      const { sut, items, collections } = setUp({ already: true });
      await sut.add(anActor(owner), client, cid, 'MODEL', model);
      expect(items.insert).not.toHaveBeenCalled();
      expect(collections.touch).not.toHaveBeenCalled();
    });

    it.each([
      ['an unknown or unpublished item', { subject: false }, 'COLLECTION_ITEM_NOT_FOUND'],
      ['an item by someone across a block', { blocked: true }, 'COLLECTION_ITEM_NOT_FOUND'],
      ['a full collection', { itemCount: MAX_ITEMS }, 'COLLECTION_FULL'],
      ['no such collection', { exists: false }, 'COLLECTION_NOT_FOUND'],
      ['a stranger to a public collection', { who: stranger }, 'NOT_COLLECTION_EDITOR'],
      ['a stranger to a private collection', { who: stranger, visibility: 'PRIVATE' }, 'COLLECTION_NOT_FOUND'],
      ['an invitee who has not accepted', { who: editor, membership: 'INVITED' }, 'NOT_COLLECTION_EDITOR'],
      ['a note over 500 characters', { note: 'x'.repeat(501) }, 'INVALID_TEXT'],
      ['a burst over the limit', { limited: true }, 'RATE_LIMITED'],
    ] as [string, World & { who?: string; note?: string }, string][])(
      'refuses %s, writing nothing',
      async (_, world, code) => {
        const { sut, items, collections } = setUp(world);
        await expect(
          sut.add(anActor(world.who ?? owner), client, cid, 'MODEL', model, world.note),
        ).rejects.toMatchObject({ code });
        expect(items.insert).not.toHaveBeenCalled();
        expect(collections.touch).not.toHaveBeenCalled();
      },
    );
  });

  describe('move', () => {
    it('writes one row at the midpoint of its new neighbours (an active editor may)', async () => {
      const { sut, items } = setUp({ membership: 'ACTIVE', neighbours: [{ found: true, before: 1024, after: 2048 }] });
      await sut.move(anActor(editor), client, cid, 'item-3', 'item-1');
      expect(items.setPosition).toHaveBeenCalledWith(TEST_MANAGER, 'item-3', 1536);
      expect(items.renumber).not.toHaveBeenCalled();
    });

    it('refuses a move by someone who is not an editor', async () => {
      const { sut, items } = setUp({ neighbours: [{ found: true, before: 1024, after: 2048 }] });
      await expect(sut.move(anActor(stranger), client, cid, 'item-3', 'item-1')).rejects.toMatchObject({
        code: 'NOT_COLLECTION_EDITOR',
      });
      expect(items.setPosition).not.toHaveBeenCalled();
    });

    it('moves to the top before the first item', async () => {
      const { sut, items } = setUp({ neighbours: [{ found: true, before: null, after: 1024 }] });
      await sut.move(anActor(owner), client, cid, 'item-3', null);
      expect(items.setPosition).toHaveBeenCalledWith(TEST_MANAGER, 'item-3', 0);
    });

    it('renumbers the collection only when adjacent neighbours leave no room', async () => {
      const { sut, items } = setUp({
        neighbours: [
          { found: true, before: 7, after: 8 },
          { found: true, before: 1024, after: 2048 },
        ],
      });
      await sut.move(anActor(owner), client, cid, 'item-3', 'item-1');
      expect(items.renumber).toHaveBeenCalledWith(TEST_MANAGER, cid, 1024);
      expect(items.setPosition).toHaveBeenCalledWith(TEST_MANAGER, 'item-3', 1536);
    });

    it('refuses an item or anchor not in the collection, and ignores a move after itself', async () => {
      const missing = setUp({ neighbours: [{ found: false, before: null, after: null }] });
      await expect(missing.sut.move(anActor(owner), client, cid, 'x', 'y')).rejects.toMatchObject({
        code: 'COLLECTION_ITEM_NOT_FOUND',
      });
      expect(missing.items.setPosition).not.toHaveBeenCalled();
      const self = setUp();
      await self.sut.move(anActor(owner), client, cid, 'item-1', 'item-1');
      expect(self.items.setPosition).not.toHaveBeenCalled();
    });
  });

  describe('remove and note', () => {
    it('uncounts a removed item, and changes nothing for one not there', async () => {
      const there = setUp({ already: true });
      await there.sut.remove(anActor(owner), client, cid, 'MODEL', model);
      expect(there.collections.touch).toHaveBeenCalledWith(TEST_MANAGER, cid, -1, expect.any(Date));
      const gone = setUp({ already: false });
      await gone.sut.remove(anActor(owner), client, cid, 'MODEL', model);
      expect(gone.items.delete).not.toHaveBeenCalled();
      expect(gone.collections.touch).not.toHaveBeenCalled();
    });

    it('stores a note as typed (markup stays text) and refuses one from a stranger', async () => {
      const { sut, items } = setUp();
      await sut.setNote(anActor(owner), client, cid, 'item-1', '<img src=x onerror=alert(1)>');
      expect(items.setNote).toHaveBeenCalledWith(TEST_MANAGER, cid, 'item-1', '<img src=x onerror=alert(1)>');
      const other = setUp({ visibility: 'PRIVATE' });
      await expect(other.sut.setNote(anActor(stranger), client, cid, 'item-1', 'hi')).rejects.toMatchObject({
        code: 'COLLECTION_NOT_FOUND',
      });
      expect(other.items.setNote).not.toHaveBeenCalled();
    });
  });
});
