import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { FollowRepository } from './follow.repository';

describe('FollowRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let follows: FollowRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    follows = new FollowRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const tx = <T>(work: (manager: EntityManager) => Promise<T>) => bed.dataSource.transaction(work);

  it('follows once (a repeat is no change), unfollows once, and answers which of a page are followed', async () => {
    const [a, b, c] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const ip = randomUUID();
    expect(await tx((m) => follows.insert(m, a.id, { kind: 'USER', id: b.id }, new Date()))).toBe(true);
    expect(await tx((m) => follows.insert(m, a.id, { kind: 'USER', id: b.id }, new Date()))).toBe(false);
    expect(await tx((m) => follows.insert(m, a.id, { kind: 'IP', id: ip }, new Date()))).toBe(true);
    expect([...(await follows.followedAmong(a.id, 'USER', [b.id, c.id, ip]))]).toEqual([b.id]);
    expect([...(await follows.followedAmong(a.id, 'IP', [b.id, ip]))]).toEqual([ip]);
    expect([...(await follows.followedAmong(b.id, 'USER', [a.id]))]).toEqual([]);
    expect(await tx((m) => follows.delete(m, a.id, { kind: 'USER', id: b.id }))).toBe(true);
    expect(await tx((m) => follows.delete(m, a.id, { kind: 'USER', id: b.id }))).toBe(false);
  });

  it('removes member follows between two people both ways, leaving IP follows and others alone', async () => {
    const [a, b, c] = [await bed.seed.user(), await bed.seed.user(), await bed.seed.user()];
    const ip = randomUUID();
    await tx(async (m) => {
      await follows.insert(m, a.id, { kind: 'USER', id: b.id }, new Date());
      await follows.insert(m, b.id, { kind: 'USER', id: a.id }, new Date());
      await follows.insert(m, a.id, { kind: 'USER', id: c.id }, new Date());
      await follows.insert(m, a.id, { kind: 'IP', id: ip }, new Date());
    });
    const removed = await tx((m) => follows.deleteBetween(m, a.id, b.id));
    expect(removed).toHaveLength(2);
    expect(removed).toEqual(
      expect.arrayContaining([
        { followerId: a.id, targetId: b.id },
        { followerId: b.id, targetId: a.id },
      ]),
    );
    expect([...(await follows.followedAmong(a.id, 'USER', [b.id, c.id]))]).toEqual([c.id]);
    expect([...(await follows.followedAmong(a.id, 'IP', [ip]))]).toEqual([ip]);
  });

  it('refuses a self-follow in the database too', async () => {
    const a = await bed.seed.user();
    await expect(tx((m) => follows.insert(m, a.id, { kind: 'USER', id: a.id }, new Date()))).rejects.toThrow(
      /follow_not_self/,
    );
  });
});
