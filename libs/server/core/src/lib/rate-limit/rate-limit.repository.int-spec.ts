import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { RateLimiter } from './rate-limiter';
import { RateLimitRepository } from './rate-limit.repository';

describe('RateLimitRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let counters: RateLimitRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    counters = new RateLimitRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('holds a limit across limiter instances (every API process shares the counters)', async () => {
    const rule = { name: 'test-shared', points: 2, durationSeconds: 60 };
    const [a, b] = [new RateLimiter(counters), new RateLimiter(counters)];
    await a.consume(rule, 'ip-1');
    await b.consume(rule, 'ip-1');
    await expect(a.consume(rule, 'ip-1')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(a.consume(rule, 'ip-2')).resolves.toBeUndefined();
  });

  it('drops only windows that have ended', async () => {
    await new RateLimiter(counters).consume({ name: 'test-sweep', points: 5, durationSeconds: 60 }, 'k');
    expect(await counters.deleteExpired(Date.now())).toBe(0);
    expect(await counters.deleteExpired(Date.now() + 61_000)).toBeGreaterThanOrEqual(1);
    const left = await bed.db.query(`SELECT key FROM core.rate_limit WHERE key LIKE 'test-sweep%'`);
    expect(left).toEqual([]);
  });
});
