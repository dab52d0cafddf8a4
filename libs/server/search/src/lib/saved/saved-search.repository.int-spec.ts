import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { normaliseSavedSearch } from './saved-search-rules';
import { SavedSearchRepository } from './saved-search.repository';

describe('SavedSearchRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let repo: SavedSearchRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    repo = new SavedSearchRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const q = (sql: string, params: unknown[] = []) => bed.dataSource.query(sql, params);
  const tx = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => bed.dataSource.transaction(work);
  const at = new Date('2026-12-07T10:00:00Z');
  const activity = async (kind: 'MODEL' | 'TEMPLATE', subject: string, actor: string) => {
    const [row] = await q(
      `INSERT INTO community.activity (actor_id, verb, subject_kind, subject_id, version_id, created_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [actor, kind === 'MODEL' ? 'MODEL_VERSION_PUBLISHED' : 'TEMPLATE_PUBLISHED', kind, subject, randomUUID()],
    );
    return Number((row as { id: string }).id);
  };
  const save = (userId: string, query: string, name = query) => {
    const { request, hash } = normaliseSavedSearch({ query });
    return tx((m) => repo.create(m, { id: randomUUID(), userId, name, request, requestHash: hash, at }));
  };

  it('saves a search once per member and request, after the newest activity; lists newest first', async () => {
    const user = await bed.seed.user();
    const other = await bed.seed.user();
    const before = await activity('MODEL', randomUUID(), other.id);
    const first = await save(user.id, 'neon city');
    expect(first).toMatchObject({
      created: true,
      search: { userId: user.id, name: 'neon city', afterActivityId: before },
    });
    expect(first.search.request).toEqual(normaliseSavedSearch({ query: 'neon city' }).request);
    const again = await save(user.id, 'Neon  City', 'another name');
    expect(again).toEqual({ created: false, search: first.search });
    // Another member's same search is theirs.
    expect((await save(other.id, 'neon city')).created).toBe(true);
    await save(user.id, 'rain');
    expect((await repo.listOf(user.id)).map((s) => s.name).sort()).toEqual(['neon city', 'rain']);
    expect(await tx((m) => repo.lockCount(m, user.id))).toBe(2);
  });

  it('renames and deletes only the member’s own saved search', async () => {
    const [user, other] = [await bed.seed.user(), await bed.seed.user()];
    const { search } = await save(user.id, 'forest');
    expect(await repo.rename(other.id, search.id, 'mine now', at)).toBeNull();
    expect(await repo.remove(other.id, search.id)).toBe(false);
    expect(await repo.rename(user.id, search.id, 'Forest light', new Date('2026-12-08T00:00:00Z'))).toMatchObject({
      name: 'Forest light',
      updatedAt: new Date('2026-12-08T00:00:00Z'),
    });
    expect(await repo.remove(user.id, search.id)).toBe(true);
    expect(await repo.remove(user.id, search.id)).toBe(false);
    expect(await repo.listOf(user.id)).toEqual([]);
  });

  it('reads activity after the cursor in order, marking first publications only; moves the cursor', async () => {
    const creator = await bed.seed.user();
    const cursor = await tx((m) => repo.lockCursor(m));
    const model: string = randomUUID();
    const template: string = randomUUID();
    const a1 = await activity('MODEL', model, creator.id);
    const a2 = await activity('TEMPLATE', template, creator.id);
    const a3 = await activity('MODEL', model, creator.id); // a second version: not new
    const all = await tx((m) => repo.activityAfter(m, cursor, 100));
    expect(all.lastId).toBe(a3);
    expect(all.published.filter((p) => [model, template].includes(p.id))).toEqual([
      { activityId: a1, kind: 'MODEL', id: model, ownerId: creator.id },
      { activityId: a2, kind: 'TEMPLATE', id: template, ownerId: creator.id },
    ]);
    const one = await tx((m) => repo.activityAfter(m, a1, 1));
    expect(one).toEqual({
      lastId: a2,
      published: [{ activityId: a2, kind: 'TEMPLATE', id: template, ownerId: creator.id }],
    });
    expect(await tx((m) => repo.activityAfter(m, a3, 10))).toEqual({ lastId: null, published: [] });
    await tx((m) => repo.moveCursor(m, a3));
    expect(await tx((m) => repo.lockCursor(m))).toBe(a3);
  });

  it('pages every saved search in id order', async () => {
    const user = await bed.seed.user();
    for (const word of ['a1', 'b2', 'c3']) await save(user.id, word);
    const seen: string[] = [];
    for (let after: string | null = null; ;) {
      const page = await tx((m) => repo.page(m, after, 2));
      seen.push(...page.map((s) => s.id));
      if (page.length < 2) break;
      after = page[page.length - 1]!.id;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('names blocked pairs both ways, among the given users only', async () => {
    const [a, b, c] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    await q(`INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`, [
      a.id,
      b.id,
    ]);
    const pairs = await tx((m) => repo.blockedPairs(m, [a.id, b.id, c.id]));
    expect(pairs).toEqual(new Set([`${a.id}:${b.id}`, `${b.id}:${a.id}`]));
    expect(await tx((m) => repo.blockedPairs(m, [a.id, c.id]))).toEqual(new Set());
    expect(await tx((m) => repo.blockedPairs(m, [a.id]))).toEqual(new Set());
  });
});
