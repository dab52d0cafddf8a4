import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import type { CollectionItemKind } from './collection';
import { CollectionItemRepository } from './collection-item.repository';
import { CollectionRepository } from './collection.repository';

describe('CollectionItemRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let items: CollectionItemRepository;
  let collections: CollectionRepository;
  let blocks: BlockRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    items = new CollectionItemRepository(bed.dataSource);
    collections = new CollectionRepository(bed.dataSource);
    blocks = new BlockRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const tx = <T>(work: (manager: EntityManager) => Promise<T>) => bed.dataSource.transaction(work);
  const image = async (versionId: string) => {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO catalog.sample_image (id, version_id, content_type, width, height, byte_size, storage_key, created_at)
       VALUES ($1, $2, 'image/png', 640, 800, 100, $3, now())`,
      [id, versionId, `media/${id}.png`],
    );
    return id;
  };
  const newCollection = async (ownerId: string) => {
    const id = randomUUID();
    await tx((m) =>
      collections.insert(m, {
        id,
        ownerId,
        title: 'Rainy neon nights',
        description: '',
        visibility: 'PUBLIC',
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    return id;
  };
  const add = (cid: string, kind: CollectionItemKind, itemId: string, position: number, by: string) =>
    tx((m) =>
      items.insert(
        m,
        { id: randomUUID(), collectionId: cid, kind, itemId, position, note: '', addedBy: by },
        new Date(),
      ),
    );

  it('holds an item once per collection and kind (a repeat inserts nothing), and finds and removes it', async () => {
    const { ownerId, modelId } = await bed.seed.publishedVersion();
    const cid = await newCollection(ownerId);
    expect(await add(cid, 'MODEL', modelId, 1024, ownerId)).toBe(true);
    expect(await add(cid, 'MODEL', modelId, 2048, ownerId)).toBe(false);
    expect(await add(cid, 'TEMPLATE', modelId, 2048, ownerId)).toBe(true);
    const row = await tx((m) => items.find(m, cid, 'MODEL', modelId));
    expect(row).toEqual(expect.any(String));
    expect(await tx((m) => items.has(m, cid, row!))).toBe(true);
    expect(await tx((m) => items.lastPosition(m, cid))).toBe(2048);
    expect(await tx((m) => items.setNote(m, cid, row!, '<b>wet</b> asphalt'))).toBe(true);
    expect(await tx((m) => items.delete(m, cid, row!))).toBe(true);
    expect(await tx((m) => items.delete(m, cid, row!))).toBe(false);
    expect(await tx((m) => items.find(m, cid, 'MODEL', modelId))).toBeNull();
  });

  it('answers neighbours for a move, leaving the moved item out, and renumbers in order', async () => {
    const { ownerId } = await bed.seed.publishedVersion();
    const cid = await newCollection(ownerId);
    const ids: string[] = [];
    for (const [i, p] of [10, 11, 12, 20].entries()) {
      const modelId = await bed.seed.model(ownerId);
      await add(cid, 'MODEL', modelId, p, ownerId);
      ids[i] = (await tx((m) => items.find(m, cid, 'MODEL', modelId)))!;
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    expect(await tx((m) => items.neighbours(m, cid, d, a))).toEqual({ found: true, before: 10, after: 11 });
    expect(await tx((m) => items.neighbours(m, cid, b, a))).toEqual({ found: true, before: 10, after: 12 });
    expect(await tx((m) => items.neighbours(m, cid, d, null))).toEqual({ found: true, before: null, after: 10 });
    expect(await tx((m) => items.neighbours(m, cid, a, d))).toEqual({ found: true, before: 20, after: null });
    expect((await tx((m) => items.neighbours(m, cid, a, randomUUID()))).found).toBe(false);
    expect((await tx((m) => items.neighbours(m, cid, randomUUID(), a))).found).toBe(false);
    await tx((m) => items.setPosition(m, d, 5));
    await tx((m) => items.renumber(m, cid, 1024));
    const listed = await items.list(cid, null);
    expect(listed.map((r) => r.id)).toEqual([d, a, b, c]);
    expect(listed.map((r) => r.position)).toEqual([1024, 2048, 3072, 4096]);
  });

  it('lists in order, marking unpublished items and items by someone across a block unavailable', async () => {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const curator = await bed.seed.user();
    const viewer = await bed.seed.user();
    const draft = await bed.seed.model(ownerId, { status: 'DRAFT' });
    const draftVersion = await bed.seed.version(modelId, { status: 'DRAFT' });
    const shown = await image(versionId);
    const hidden = await image(draftVersion);
    const cid = await newCollection(curator.id);
    await add(cid, 'IMAGE', shown, 1, curator.id);
    await add(cid, 'MODEL', modelId, 2, curator.id);
    await add(cid, 'MODEL', draft, 3, curator.id);
    await add(cid, 'IMAGE', hidden, 4, curator.id);
    await add(cid, 'TEMPLATE', randomUUID(), 5, curator.id);
    const asAnyone = await items.list(cid, viewer.id);
    expect(asAnyone.map((r) => [r.kind, r.available])).toEqual([
      ['IMAGE', true],
      ['MODEL', true],
      ['MODEL', false],
      ['IMAGE', false],
      ['TEMPLATE', false],
    ]);
    expect(asAnyone[0]).toMatchObject({ modelId, image: { storageKey: `media/${shown}.png`, width: 640 } });
    expect(asAnyone[3]).toMatchObject({ modelId: null, image: null });
    await tx((m) => blocks.insert(m, ownerId, viewer.id, new Date()));
    expect((await items.list(cid, viewer.id)).map((r) => r.available)).toEqual([false, false, false, false, false]);
    expect((await items.list(cid, null)).map((r) => r.available)).toEqual([true, true, false, false, false]);
  });
});
