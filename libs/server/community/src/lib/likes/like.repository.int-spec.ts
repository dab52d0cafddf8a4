import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { likeBumps } from './like.service';
import { LikeRepository } from './like.repository';

describe('LikeRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let likes: LikeRepository;
  let counters: CounterRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    likes = new LikeRepository(bed.dataSource);
    counters = new CounterRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('likes once, unlikes once, and answers which of a page the user likes', async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const other = await bed.seed.model((await bed.seed.user()).id);
    const fan = await bed.seed.user();
    const tx = bed.dataSource.transaction.bind(bed.dataSource);
    expect(await tx((m) => likes.insert(m, fan.id, 'MODEL', modelId, new Date()))).toBe(true);
    expect(await tx((m) => likes.insert(m, fan.id, 'MODEL', modelId, new Date()))).toBe(false);
    expect([...(await likes.likedAmong(fan.id, 'MODEL', [modelId, other]))]).toEqual([modelId]);
    // The same id as another kind is another like.
    expect([...(await likes.likedAmong(fan.id, 'TEMPLATE', [modelId]))]).toEqual([]);
    expect(await tx((m) => likes.delete(m, fan.id, 'MODEL', modelId))).toBe(true);
    expect(await tx((m) => likes.delete(m, fan.id, 'MODEL', modelId))).toBe(false);
    expect((await likes.likedAmong(fan.id, 'MODEL', [modelId])).size).toBe(0);
  });

  it('keeps the count exact under many concurrent likes and unlikes of one item', async () => {
    const { ownerId, modelId } = await bed.seed.publishedVersion();
    const fans = await Promise.all(Array.from({ length: 40 }, () => bed.seed.user()));
    // Each fan likes, some twice at once, and every third takes it back while others are still liking.
    const toggle = (fanId: string, like: boolean) =>
      bed.dataSource.transaction(async (m) => {
        const changed = like
          ? await likes.insert(m, fanId, 'MODEL', modelId, new Date())
          : await likes.delete(m, fanId, 'MODEL', modelId);
        if (changed) await counters.bump(m, shardOf(fanId), likeBumps('MODEL', modelId, ownerId, like ? 1 : -1));
      });
    await Promise.all(fans.flatMap((f) => [toggle(f.id, true), toggle(f.id, true)]));
    await Promise.all(fans.flatMap((f, i) => (i % 3 === 0 ? [toggle(f.id, false), toggle(f.id, false)] : [])));
    await Promise.all(fans.flatMap((f, i) => (i % 6 === 0 ? [toggle(f.id, true)] : [])));
    const [liked] = await bed.db.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM community."like" WHERE subject_id = $1`,
      [modelId],
    );
    const expected = fans.filter((_, i) => i % 3 !== 0 || i % 6 === 0).length;
    expect(liked!.rows).toBe(expected);
    expect((await counters.countsOf('MODEL', [modelId])).get(modelId)!.LIKES).toBe(expected);
    expect((await counters.countsOf('USER', [ownerId])).get(ownerId)!.LIKES_RECEIVED).toBe(expected);
  });
});
