import { Clock, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import type { CollectionCardRow, CollectionVisibility } from './collection';
import { MAX_COLLECTIONS_PER_OWNER } from './collection';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionLimits } from './collection-limits';
import { CollectionRepository } from './collection.repository';
import { CollectionService } from './collection.service';

const owner = '00000000-0000-4000-8000-0000000000a1';
const mira = '00000000-0000-4000-8000-0000000000b2';
const stranger = '00000000-0000-4000-8000-0000000000f1';
const cid = '00000000-0000-4000-8000-00000000c011';
const client = { ip: '203.0.113.9', userAgent: null };

const card = (visibility: CollectionVisibility, id = cid): CollectionCardRow => ({
  id,
  ownerId: owner,
  title: 'Rainy neon nights',
  description: '',
  visibility,
  coverItemId: null,
  itemCount: 3,
  createdAt: new Date(),
  updatedAt: new Date(),
  cover: null,
});

interface World {
  visibility?: CollectionVisibility;
  membership?: 'INVITED' | 'ACTIVE' | null;
  blocked?: boolean;
  owned?: number;
  hasItem?: boolean;
}

function setUp(world: World = {}) {
  const { sut, mock } = newTestService(CollectionService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CollectionLimits).consume.mockResolvedValue(undefined);
  mock(BlockRepository).between.mockResolvedValue(world.blocked ?? false);
  mock(IdentityFacade).userByHandle.mockResolvedValue({ id: owner, handle: 'ada', displayName: 'Ada' });
  const collections = mock(CollectionRepository);
  const row = card(world.visibility ?? 'PRIVATE');
  collections.cards.mockImplementation(async (ids) => ids.map((id) => ({ ...row, id })));
  collections.lock.mockResolvedValue(row);
  collections.membership.mockResolvedValue(world.membership ?? null);
  collections.countOwnedBy.mockResolvedValue(world.owned ?? 0);
  collections.insert.mockResolvedValue(undefined);
  collections.update.mockResolvedValue(undefined);
  collections.delete.mockResolvedValue(undefined);
  collections.members.mockResolvedValue([]);
  collections.featured.mockResolvedValue([card('PUBLIC')]);
  mock(CollectionItemRepository).has.mockResolvedValue(world.hasItem ?? true);
  return { sut, collections };
}

describe('CollectionService', () => {
  it('creates a collection with clean text, private unless asked', async () => {
    const { sut, collections } = setUp();
    await sut.create(anActor(owner), client, { title: '  Botanical plates ', visibility: 'PRIVATE' });
    expect(collections.insert).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ ownerId: owner, title: 'Botanical plates', description: '', visibility: 'PRIVATE' }),
    );
  });

  it.each([
    ['a blank title', { title: ' ' }, {}, 'INVALID_TEXT'],
    ['a title over 100 characters', { title: 't'.repeat(101) }, {}, 'INVALID_TEXT'],
    ['a description over 1,000', { title: 'ok', description: 'd'.repeat(1001) }, {}, 'INVALID_TEXT'],
    ['one collection too many', { title: 'ok' }, { owned: MAX_COLLECTIONS_PER_OWNER }, 'TOO_MANY_COLLECTIONS'],
  ] as [string, { title: string; description?: string }, World, string][])(
    'refuses %s, creating nothing',
    async (_, input, world, code) => {
      const { sut, collections } = setUp(world);
      await expect(sut.create(anActor(owner), client, { ...input, visibility: 'PUBLIC' })).rejects.toMatchObject({
        code,
      });
      expect(collections.insert).not.toHaveBeenCalled();
    },
  );

  it('lets the owner change settings, keeping what was not given', async () => {
    const { sut, collections } = setUp();
    await sut.update(anActor(owner), client, cid, { visibility: 'PUBLIC' });
    expect(collections.update).toHaveBeenCalledWith(
      TEST_MANAGER,
      cid,
      { title: 'Rainy neon nights', description: '', visibility: 'PUBLIC', coverItemId: null },
      expect.any(Date),
    );
  });

  it.each([
    ['an editor', mira, { membership: 'ACTIVE' }, {}, 'NOT_COLLECTION_OWNER'],
    ['a stranger to a private collection', stranger, {}, {}, 'COLLECTION_NOT_FOUND'],
    ['a cover that is not an item of it', owner, { hasItem: false }, { coverItemId: cid }, 'COLLECTION_ITEM_NOT_FOUND'],
  ] as [string, string, World, object, string][])(
    'refuses settings from %s, changing nothing',
    async (_, who, world, change, code) => {
      const { sut, collections } = setUp(world);
      await expect(sut.update(anActor(who), client, cid, { title: 'New', ...change })).rejects.toMatchObject({ code });
      expect(collections.update).not.toHaveBeenCalled();
    },
  );

  it('deletes for the owner only', async () => {
    const ok = setUp();
    expect(await ok.sut.delete(anActor(owner), client, cid)).toBe(true);
    expect(ok.collections.delete).toHaveBeenCalledWith(TEST_MANAGER, cid);
    const no = setUp({ membership: 'ACTIVE' });
    await expect(no.sut.delete(anActor(mira), client, cid)).rejects.toMatchObject({ code: 'NOT_COLLECTION_OWNER' });
    expect(no.collections.delete).not.toHaveBeenCalled();
  });

  describe('who sees a collection', () => {
    it.each([
      ['the owner, private', owner, {}, 'OWNER'],
      ['an editor, private', mira, { membership: 'ACTIVE' }, 'EDITOR'],
      ['an invitee, private', mira, { membership: 'INVITED' }, 'INVITED'],
      ['a stranger, public', stranger, { visibility: 'PUBLIC' }, 'NONE'],
      ['a signed-out reader, public', null, { visibility: 'PUBLIC' }, 'NONE'],
    ] as [string, string | null, World, string][])('%s', async (_, who, world, role) => {
      const { sut } = setUp(world);
      expect((await sut.view(who ? anActor(who) : undefined, cid)).role).toBe(role);
    });

    it.each([
      ['a stranger, private', stranger, {}],
      ['a signed-out reader, private', null, {}],
      ['a stranger across a block, public', stranger, { visibility: 'PUBLIC', blocked: true }],
    ] as [string, string | null, World][])('not %s: COLLECTION_NOT_FOUND', async (_, who, world) => {
      const { sut } = setUp(world);
      await expect(sut.view(who ? anActor(who) : undefined, cid)).rejects.toMatchObject({
        code: 'COLLECTION_NOT_FOUND',
      });
    });
  });

  it('asks for featured collections with at least three items, clamping the page size', async () => {
    const { sut, collections } = setUp();
    await sut.featured(undefined, 500);
    await sut.featured(anActor(stranger), 0);
    expect(collections.featured).toHaveBeenNthCalledWith(1, null, 3, 50);
    expect(collections.featured).toHaveBeenNthCalledWith(2, stranger, 3, 1);
  });
});
