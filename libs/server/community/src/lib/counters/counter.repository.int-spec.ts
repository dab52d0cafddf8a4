import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { randomUUID } from 'node:crypto';
import { shardOf } from './counter';
import { counterCompanionColumn, CounterRepository } from './counter.repository';
import { modelCompanionFields } from '../community.loaders';
import { ratingSummary } from '../reviews/review';

describe('CounterRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let counters: CounterRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    counters = new CounterRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const countOf = async (kind: 'USER' | 'MODEL', id: string) => (await counters.countsOf(kind, [id])).get(id)!;

  it('sums bumps over shards, per subject and metric; unknown ids and uncounted metrics read zero', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const users = Array.from({ length: 20 }, () => randomUUID());
    for (const user of users)
      await bed.dataSource.transaction((m) =>
        counters.bump(m, shardOf(user), [
          { kind: 'MODEL', id: a, metric: 'LIKES', delta: 1 },
          { kind: 'MODEL', id: b, metric: 'LIKES', delta: 2 },
          { kind: 'MODEL', id: b, metric: 'DOWNLOADS', delta: 0 },
        ]),
      );
    await bed.dataSource.transaction((m) =>
      counters.bump(m, shardOf(users[3]!), [{ kind: 'MODEL', id: a, metric: 'LIKES', delta: -1 }]),
    );
    const counts = await counters.countsOf('MODEL', [a, b, randomUUID()]);
    expect([...counts.values()].map((c) => [c.LIKES, c.DOWNLOADS])).toEqual([
      [19, 0],
      [40, 0],
      [0, 0],
    ]);
    const [counted] = await bed.db.query<{ shards: number }>(
      `SELECT count(*)::int AS shards FROM community.counter WHERE subject_id = $1`,
      [a],
    );
    expect(counted!.shards).toBeGreaterThan(1);
    expect(counted!.shards).toBeLessThanOrEqual(8);
    // Another kind with the same id is another counter.
    expect((await countOf('USER', a)).LIKES).toBe(0);
  });

  it('is bumped by triggers on other domains: published models per creator, downloads per model and creator', async () => {
    const owner = await bed.seed.user();
    const draft = await bed.seed.model(owner.id, { status: 'DRAFT' });
    const published = await bed.seed.model(owner.id);
    await bed.seed.model(owner.id);
    expect((await countOf('USER', owner.id)).MODELS).toBe(2);
    await bed.db.query(`UPDATE catalog.style_model SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
      draft,
    ]);
    await bed.db.query(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [published]);
    await bed.db.query(`UPDATE catalog.style_model SET name = 'Renamed' WHERE id = $1`, [draft]);
    expect((await countOf('USER', owner.id)).MODELS).toBe(2);

    const version = await bed.seed.version(draft);
    for (let i = 0; i < 5; i++)
      await bed.db.query(`UPDATE catalog.model_version SET download_count = download_count + 1 WHERE id = $1`, [
        version,
      ]);
    expect((await countOf('MODEL', draft)).DOWNLOADS).toBe(5);
    expect((await countOf('USER', owner.id)).DOWNLOADS).toBe(5);
  });

  it("reads a model's counts and the viewer's like as a companion column of another statement, as the loaders would", async () => {
    const { modelId } = await bed.seed.publishedVersion();
    const bare = (await bed.seed.publishedVersion()).modelId;
    const [fan, other] = [await bed.seed.user(), await bed.seed.user()];
    const bumps = { LIKES: 3, DOWNLOADS: 7, RATING_SUM: 9, RATING_COUNT: 2, RATING_4: 1, RATING_5: 1 } as const;
    for (const [i, user] of [fan.id, other.id, randomUUID()].entries())
      await bed.dataSource.transaction((m) =>
        counters.bump(
          m,
          shardOf(user),
          Object.entries(bumps).map(([metric, n]) => ({
            kind: 'MODEL' as const,
            id: modelId,
            metric: metric as keyof typeof bumps,
            delta: i === 0 ? n : 0,
          })),
        ),
      );
    await bed.db.query(`INSERT INTO community."like" VALUES ($1, 'MODEL', $2, now())`, [fan.id, modelId]);
    const read = async (id: string, viewer: string | null) => {
      const row = await bed.dataSource
        .createQueryBuilder()
        .select(counterCompanionColumn('MODEL', 'm'), 'v')
        .from('catalog.style_model', 'm')
        .where('m.id = :id', { id })
        .setParameter('companionViewer', viewer)
        .getRawOne<{ v: unknown }>();
      return modelCompanionFields(row!.v);
    };
    const rating = ratingSummary(await countOf('MODEL', modelId));
    expect(rating).toEqual({ average: 4.5, count: 2, histogram: [0, 0, 0, 1, 1] });
    expect(await read(modelId, fan.id)).toEqual({
      likeCount: 3,
      downloadCount: 7,
      viewerHasLiked: true,
      rating,
      ratingAverage: 4.5,
      ratingCount: 2,
    });
    expect(await read(modelId, other.id)).toMatchObject({ likeCount: 3, viewerHasLiked: false });
    expect(await read(modelId, null)).toMatchObject({ likeCount: 3, viewerHasLiked: false });
    expect(await read(bare, fan.id)).toEqual({
      likeCount: 0,
      downloadCount: 0,
      viewerHasLiked: false,
      rating: { average: null, count: 0, histogram: [0, 0, 0, 0, 0] },
      ratingAverage: null,
      ratingCount: 0,
    });
  });

  it('recount repairs drift from the truth tables, reports it per metric, and then finds none', async () => {
    // Whatever earlier cases left (counts with no rows behind them) is drift too: start from a repaired state.
    await counters.recount();
    expect(await counters.recount()).toEqual([]);
    const q = (sql: string, params: unknown[]) => bed.dataSource.query(sql, params);
    const creator = await bed.seed.user();
    const fans = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const model = await bed.seed.model(creator.id);
    // Three likes and two follows written without their counters (as a failed bump would leave them) …
    for (const fan of fans)
      await q(
        `INSERT INTO community."like" (user_id, subject_kind, subject_id, created_at) VALUES ($1, 'MODEL', $2, now())`,
        [fan.id, model],
      );
    for (const fan of fans.slice(0, 2))
      await q(
        `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at) VALUES ($1, 'USER', $2, now())`,
        [fan.id, creator.id],
      );
    // … and counters broken by hand: 5 likes too many on one shard, downloads the versions do not have.
    await q(
      `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
       VALUES ('MODEL', $1, 'LIKES', 4, 5), ('MODEL', $1, 'DOWNLOADS', 2, 9), ('MODEL', $1, 'RATING_SUM', 1, 4)`,
      [model],
    );
    const fixed = await counters.recount();
    expect(fixed).toEqual([
      { metric: 'DOWNLOADS', subjects: 1, drift: 9 },
      { metric: 'FOLLOWERS', subjects: 1, drift: 2 },
      { metric: 'FOLLOWING', subjects: 2, drift: 2 },
      { metric: 'LIKES', subjects: 1, drift: 2 },
      { metric: 'LIKES_RECEIVED', subjects: 1, drift: 3 },
    ]);
    const counts = await countOf('MODEL', model);
    expect([counts.LIKES, counts.DOWNLOADS, counts.RATING_SUM]).toEqual([3, 0, 4]);
    const owner = await countOf('USER', creator.id);
    expect([owner.FOLLOWERS, owner.LIKES_RECEIVED]).toEqual([2, 3]);
    expect((await countOf('USER', fans[0]!.id)).FOLLOWING).toBe(1);
    expect(await counters.recount()).toEqual([]);
  });
});
