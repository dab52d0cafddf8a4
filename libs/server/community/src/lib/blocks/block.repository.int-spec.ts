import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BlockRepository, visibleTo } from './block.repository';

describe('BlockRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let blocks: BlockRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    blocks = new BlockRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('records a block once, sees it from both sides, lists and removes it', async () => {
    const [a, b, c] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const at = new Date('2026-12-01T00:00:00Z');
    expect(await bed.dataSource.transaction((m) => blocks.insert(m, a.id, b.id, at))).toBe(true);
    expect(await bed.dataSource.transaction((m) => blocks.insert(m, a.id, b.id, at))).toBe(false);
    await bed.dataSource.transaction((m) => blocks.insert(m, a.id, c.id, new Date('2026-12-02T00:00:00Z')));
    expect(await blocks.between(a.id, b.id)).toBe(true);
    expect(await blocks.between(b.id, a.id)).toBe(true);
    expect(await blocks.between(b.id, c.id)).toBe(false);
    expect((await blocks.blockedBy(a.id, 10)).map((r) => r.userId)).toEqual([c.id, b.id]);
    expect(await blocks.blockedBy(b.id, 10)).toEqual([]);
    expect(await bed.dataSource.transaction((m) => blocks.delete(m, a.id, b.id))).toBe(true);
    expect(await bed.dataSource.transaction((m) => blocks.delete(m, a.id, b.id))).toBe(false);
    expect(await blocks.between(a.id, b.id)).toBe(false);
  });

  it('refuses a self-block in the database too', async () => {
    const a = await bed.seed.user();
    await expect(bed.dataSource.transaction((m) => blocks.insert(m, a.id, a.id, new Date()))).rejects.toThrow(
      /user_block_not_self/,
    );
  });

  it('visibleTo hides authors on either side of a block, and nobody from a signed-out reader', async () => {
    const [viewer, blockedByViewer, blockerOfViewer, other] = [
      await bed.seed.user(),
      await bed.seed.user(),
      await bed.seed.user(),
      await bed.seed.user(),
    ];
    await bed.dataSource.transaction(async (m) => {
      await blocks.insert(m, viewer.id, blockedByViewer.id, new Date());
      await blocks.insert(m, blockerOfViewer.id, viewer.id, new Date());
    });
    const authors = [blockedByViewer.id, blockerOfViewer.id, other.id];
    const visible = async (who: string | null) =>
      (
        await bed.db.query<{ id: string }>(
          `SELECT a AS id FROM unnest($2::uuid[]) a WHERE ${visibleTo('$1', 'a')} ORDER BY array_position($2, a)`,
          [who, authors],
        )
      ).map((r) => r.id);
    expect(await visible(viewer.id)).toEqual([other.id]);
    expect(await visible(other.id)).toEqual(authors);
    expect(await visible(null)).toEqual(authors);
  });
});
