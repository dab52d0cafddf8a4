import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { CounterRepository } from '../counters/counter.repository';
import type { CollectionVisibility } from './collection';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionRepository } from './collection.repository';

describe('CollectionRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let collections: CollectionRepository;
  let items: CollectionItemRepository;
  let counters: CounterRepository;
  let blocks: BlockRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    collections = new CollectionRepository(bed.dataSource);
    items = new CollectionItemRepository(bed.dataSource);
    counters = new CounterRepository(bed.dataSource);
    blocks = new BlockRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const tx = <T>(work: (manager: EntityManager) => Promise<T>) => bed.dataSource.transaction(work);
  const image = async (versionId: string, at: string) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO catalog.sample_image (id, version_id, content_type, width, height, byte_size, storage_key, created_at)
       VALUES ($1, $2, 'image/png', 640, 800, 100, $3, $4)`,
      [id, versionId, `media/${id}.png`, at],
    );
    return id;
  };
  const create = async (ownerId: string, visibility: CollectionVisibility, title = 'Botanical plates') => {
    const id = randomUUID();
    await tx((m) =>
      collections.insert(m, {
        id,
        ownerId,
        title,
        description: '',
        visibility,
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    return id;
  };
  const put = async (cid: string, kind: 'MODEL' | 'IMAGE', itemId: string, position: number, by: string) =>
    tx(async (m) => {
      const rowId = randomUUID();
      await items.insert(
        m,
        { id: rowId, collectionId: cid, kind, itemId, position, note: '', addedBy: by },
        new Date(),
      );
      await collections.touch(m, cid, 1, new Date());
      return rowId;
    });

  it('creates, locks, updates and counts items with the collection row, and deletes with its counters', async () => {
    const owner = await bed.seed.user();
    const { modelId } = await bed.seed.publishedVersion();
    const cid = await create(owner.id, 'PRIVATE');
    expect(await tx((m) => collections.countOwnedBy(m, owner.id))).toBe(1);
    const rowId = await put(cid, 'MODEL', modelId, 1024, owner.id);
    await tx((m) =>
      collections.update(
        m,
        cid,
        { title: 'Plates', description: 'd', visibility: 'PUBLIC', coverItemId: rowId },
        new Date(),
      ),
    );
    const locked = await tx((m) => collections.lock(m, cid));
    expect(locked).toMatchObject({ title: 'Plates', visibility: 'PUBLIC', itemCount: 1, coverItemId: rowId });
    // Removing the cover item falls back to the first item with an image.
    await tx(async (m) => {
      await items.delete(m, cid, rowId);
      await collections.touch(m, cid, -1, new Date());
    });
    expect(await tx((m) => collections.lock(m, cid))).toMatchObject({ itemCount: 0, coverItemId: null });
    await tx((m) => counters.bump(m, 0, [{ kind: 'COLLECTION', id: cid, metric: 'FOLLOWERS', delta: 2 }]));
    await tx((m) => collections.delete(m, cid));
    expect(await tx((m) => collections.lock(m, cid))).toBeNull();
    expect((await counters.countsOf('COLLECTION', [cid])).get(cid)!.FOLLOWERS).toBe(0);
  });

  it('covers a collection with the chosen item, else the first item with an image', async () => {
    const owner = await bed.seed.user();
    const { modelId, versionId } = await bed.seed.publishedVersion();
    const first = await image(versionId, '2026-01-01');
    await image(versionId, '2026-01-02');
    const other = await bed.seed.publishedVersion();
    const loose = await image(other.versionId, '2026-01-03');
    const cid = await create(owner.id, 'PUBLIC');
    expect((await collections.cards([cid], null))[0]!.cover).toBeNull();
    await put(cid, 'MODEL', modelId, 1024, owner.id);
    const looseRow = await put(cid, 'IMAGE', loose, 2048, owner.id);
    expect((await collections.cards([cid], null))[0]!.cover).toMatchObject({ storageKey: `media/${first}.png` });
    await tx((m) =>
      collections.update(
        m,
        cid,
        { title: 't', description: '', visibility: 'PUBLIC', coverItemId: looseRow },
        new Date(),
      ),
    );
    expect((await collections.cards([cid], null))[0]!.cover).toMatchObject({ storageKey: `media/${loose}.png` });
  });

  it('lists mine (owned, edited, invited), a member’s public ones, and which hold an item', async () => {
    const [ada, mira, viewer] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const { modelId } = await bed.seed.publishedVersion();
    const pub = await create(ada.id, 'PUBLIC');
    const priv = await create(ada.id, 'PRIVATE');
    const invited = await create(viewer.id, 'PRIVATE');
    await tx(async (m) => {
      expect(await collections.invite(m, priv, mira.id, ada.id, new Date())).toBe(true);
      expect(await collections.invite(m, priv, mira.id, ada.id, new Date())).toBe(false);
      expect(await collections.accept(m, priv, mira.id, new Date())).toBe(true);
      expect(await collections.accept(m, priv, mira.id, new Date())).toBe(false);
      await collections.invite(m, invited, mira.id, viewer.id, new Date());
    });
    expect(await collections.membership(priv, mira.id)).toBe('ACTIVE');
    expect(await collections.membership(invited, mira.id)).toBe('INVITED');
    expect(await collections.membership(pub, mira.id)).toBeNull();
    expect(await tx((m) => collections.countMembers(m, priv))).toBe(1);
    expect((await collections.ofMember(mira.id, 50)).map((c) => c.id).sort()).toEqual([priv, invited].sort());
    expect((await collections.ofMember(mira.id, 50, false)).map((c) => c.id)).toEqual([priv]);
    expect((await collections.members([priv, invited])).map((m) => [m.collectionId, m.status])).toEqual(
      expect.arrayContaining([
        [priv, 'ACTIVE'],
        [invited, 'INVITED'],
      ]),
    );
    expect((await collections.publicOf(ada.id, viewer.id, 10)).map((c) => c.id)).toEqual([pub]);
    await tx((m) => blocks.insert(m, ada.id, viewer.id, new Date()));
    expect(await collections.publicOf(ada.id, viewer.id, 10)).toEqual([]);
    await put(priv, 'MODEL', modelId, 1024, mira.id);
    expect(await collections.holding(mira.id, 'MODEL', modelId)).toEqual([priv]);
    expect(await collections.holding(viewer.id, 'MODEL', modelId)).toEqual([]);
    expect(await tx((m) => collections.removeMember(m, priv, mira.id))).toBe(true);
    expect(await collections.holding(mira.id, 'MODEL', modelId)).toEqual([]);
  });

  it('follows once, and features the most followed public collections with enough items', async () => {
    const [ada, fan] = [await bed.seed.user(), await bed.seed.user()];
    const title = `featured-${randomUUID()}`;
    const big = await create(ada.id, 'PUBLIC', title);
    const followed = await create(ada.id, 'PUBLIC', title);
    const small = await create(ada.id, 'PUBLIC', title);
    const hidden = await create(ada.id, 'PRIVATE', title);
    for (const cid of [big, followed, hidden])
      for (let i = 0; i < (cid === big ? 4 : 3); i++) await put(cid, 'MODEL', await bed.seed.model(ada.id), i, ada.id);
    await put(small, 'MODEL', await bed.seed.model(ada.id), 1, ada.id);
    expect(await tx((m) => collections.follow(m, fan.id, followed, new Date()))).toBe(true);
    expect(await tx((m) => collections.follow(m, fan.id, followed, new Date()))).toBe(false);
    await tx((m) => counters.bump(m, 1, [{ kind: 'COLLECTION', id: followed, metric: 'FOLLOWERS', delta: 1 }]));
    expect([...(await collections.followedAmong(fan.id, [big, followed]))]).toEqual([followed]);
    const featured = (await collections.featured(null, 3, 50)).filter((c) => c.title === title).map((c) => c.id);
    expect(featured).toEqual([followed, big]);
    expect(await tx((m) => collections.unfollow(m, fan.id, followed))).toBe(true);
    expect(await tx((m) => collections.unfollow(m, fan.id, followed))).toBe(false);
  });
});
