import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { randomUUID } from 'node:crypto';
import { shardOf } from './counter';
import { CounterRepository } from './counter.repository';

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
});
