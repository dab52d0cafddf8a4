import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';

describe('ApiKeyRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let keys: ApiKeyRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([ApiKeyEntity]);
    keys = new ApiKeyRepository(bed.dataSource, bed.dataSource.getRepository(ApiKeyEntity));
  });
  afterAll(() => bed.close());

  const key = (userId: string, change: Partial<ApiKeyEntity> = {}): ApiKeyEntity => ({
    id: randomUUID(),
    userId,
    name: 'ComfyUI',
    prefix: `lbk_${randomUUID().slice(0, 8)}`,
    secretHash: Buffer.alloc(32, 1),
    scopes: ['read'],
    createdAt: new Date(),
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    ...change,
  });

  it('finds a key by prefix with its owner’s current roles', async () => {
    const owner = await bed.seed.user({ roles: ['admin'] });
    const stored = key(owner.id, { scopes: ['read', 'admin'] });
    await keys.insert(stored);
    expect(await keys.findByPrefixWithOwner(stored.prefix)).toEqual({ key: stored, roles: ['admin'] });
    expect(await keys.findByPrefixWithOwner('lbk_unknown')).toBeNull();
  });

  it('writes last-used at most once a minute', async () => {
    const stored = key((await bed.seed.user()).id);
    await keys.insert(stored);
    const t0 = new Date('2026-08-01T10:00:00.000Z');
    await keys.touchLastUsed(stored.id, t0);
    await keys.touchLastUsed(stored.id, new Date(t0.getTime() + 30_000));
    expect((await keys.findByPrefixWithOwner(stored.prefix))!.key.lastUsedAt).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await keys.touchLastUsed(stored.id, t1);
    expect((await keys.findByPrefixWithOwner(stored.prefix))!.key.lastUsedAt).toEqual(t1);
  });

  it('counts only live keys, and revokes only the owner’s key, once', async () => {
    const owner = (await bed.seed.user()).id;
    const now = new Date();
    const live = key(owner);
    await keys.insert(live);
    await keys.insert(key(owner, { expiresAt: new Date(now.getTime() - 1000) }));
    await keys.insert(key(owner, { revokedAt: now }));
    expect(await keys.countActive(owner, now)).toBe(1);
    expect(await keys.revoke(live.id, (await bed.seed.user()).id, now)).toBeNull();
    const revoked = await keys.revoke(live.id, owner, now);
    expect(revoked!.revokedAt).toEqual(now);
    expect((await keys.revoke(live.id, owner, new Date(now.getTime() + 5000)))!.revokedAt).toEqual(now);
    expect((await keys.listForUser(owner, {}, (k) => k.id)).nodes).toHaveLength(3);
  });
});
