import type { ApiScope, Role } from '@lookbook/core';
import { API_KEY_PREFIX, Clock } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { anActor, FakeClock, newTestService } from '@lookbook/testing';
import { sha256 } from '../sessions/token-signer';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import type { CreateApiKeyInput } from './api-key.service';
import { ApiKeyService, MAX_ACTIVE_API_KEYS } from './api-key.service';

const now = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;
const USER = '00000000-0000-4000-8000-000000000001';
const owner = anActor(USER);

function setUp(active = 0) {
  const { sut, mock } = newTestService(ApiKeyService, [[Clock, new FakeClock(now)]]);
  const keys = mock(ApiKeyRepository);
  keys.countActive.mockResolvedValue(active);
  keys.insert.mockResolvedValue(undefined);
  keys.touchLastUsed.mockResolvedValue(undefined);
  return { sut, keys };
}

const input = (change: Partial<CreateApiKeyInput> = {}): CreateApiKeyInput => ({
  name: 'CI uploader',
  scopes: ['read', 'write'],
  ...change,
});
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('creating an API key', () => {
  it('stores only the secret’s hash and returns the full key once', async () => {
    const { sut, keys } = setUp();
    const { key, secret } = await sut.create(owner, input());
    expect(secret).toMatch(/^lbk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.slice(API_KEY_PREFIX.length, API_KEY_PREFIX.length + 12)).toBe(key.prefix);
    expect(key.secretHash).toEqual(sha256(secret.slice(API_KEY_PREFIX.length + 13)));
    expect(JSON.stringify(key)).not.toContain(secret.slice(API_KEY_PREFIX.length + 13));
    expect(key).toMatchObject({
      userId: USER,
      name: 'CI uploader',
      createdAt: now,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(keys.insert).toHaveBeenCalledWith(key);
    expect(keys.countActive).toHaveBeenCalledWith(USER, now);
  });

  it('makes a different prefix and secret every time', async () => {
    const { sut } = setUp();
    const a = await sut.create(owner, input());
    const b = await sut.create(owner, input());
    expect(a.key.prefix).not.toBe(b.key.prefix);
    expect(a.secret).not.toBe(b.secret);
    expect(a.key.id).not.toBe(b.key.id);
  });

  it.each<[string, ApiScope[], ApiScope[]]>([
    ['in the canonical order', ['download', 'read'], ['read', 'download']],
    ['once each when repeated', ['write', 'read', 'write', 'read'], ['read', 'write']],
    ['all but admin', ['download', 'write', 'read'], ['read', 'write', 'download']],
  ])('stores the scopes %s', async (_name, scopes, stored) => {
    const { sut } = setUp();
    const { key } = await sut.create(owner, input({ scopes }));
    expect(key.scopes).toEqual(stored);
  });

  it.each<[string, string]>([
    ['  padded  ', 'padded'],
    ['é'.repeat(80), 'é'.repeat(80)],
    ['🔑'.repeat(80), '🔑'.repeat(80)],
  ])('accepts the name %j (80 characters at most, counted as characters)', async (name, stored) => {
    const { sut } = setUp();
    const { key } = await sut.create(owner, input({ name }));
    expect(key.name).toBe(stored);
  });

  it.each<[string, string, Partial<CreateApiKeyInput>]>([
    ['an empty name', 'INVALID_API_KEY_NAME', { name: '' }],
    ['a blank name', 'INVALID_API_KEY_NAME', { name: '   ' }],
    ['a name of 81 characters', 'INVALID_API_KEY_NAME', { name: 'n'.repeat(81) }],
    ['a name on two lines', 'INVALID_TEXT', { name: 'CI\nuploader' }],
    ['no scopes', 'INVALID_API_KEY_SCOPES', { scopes: [] }],
    ['an unknown scope', 'INVALID_API_KEY_SCOPES', { scopes: ['read', 'superuser' as ApiScope] }],
    ['only unknown scopes', 'INVALID_API_KEY_SCOPES', { scopes: ['root' as ApiScope] }],
    ['the admin scope, for a user who is not staff', 'ADMIN_SCOPE_FORBIDDEN', { scopes: ['read', 'admin'] }],
    ['an expiry of 0 days', 'INVALID_EXPIRY', { expiresInDays: 0 }],
    ['a negative expiry', 'INVALID_EXPIRY', { expiresInDays: -3 }],
    ['an expiry of 366 days', 'INVALID_EXPIRY', { expiresInDays: 366 }],
    ['a fractional expiry', 'INVALID_EXPIRY', { expiresInDays: 1.5 }],
  ])('refuses %s (%s) and stores nothing', async (_name, code, change) => {
    const { sut, keys } = setUp();
    expect(await codeOf(sut.create(owner, input(change)))).toBe(code);
    expect(keys.insert).not.toHaveBeenCalled();
  });

  it.each<[Role]>([['moderator'], ['admin']])('lets a %s create an admin key', async (role) => {
    const { sut } = setUp();
    const { key } = await sut.create(anActor(USER, [role]), input({ scopes: ['admin', 'read'] }));
    expect(key.scopes).toEqual(['read', 'admin']);
  });

  it.each<[number | null | undefined, Date | null]>([
    [undefined, null],
    [null, null],
    [1, new Date(now.getTime() + DAY)],
    [30, new Date(now.getTime() + 30 * DAY)],
    [365, new Date(now.getTime() + 365 * DAY)],
  ])('expires a key made to last %p days at %p', async (expiresInDays, expiresAt) => {
    const { sut } = setUp();
    const { key } = await sut.create(owner, input({ expiresInDays }));
    expect(key.expiresAt).toEqual(expiresAt);
  });

  it.each([
    [MAX_ACTIVE_API_KEYS - 1, 'ok'],
    [MAX_ACTIVE_API_KEYS, 'TOO_MANY_API_KEYS'],
    [MAX_ACTIVE_API_KEYS + 3, 'TOO_MANY_API_KEYS'],
  ])('with %p active keys already: %s', async (active, outcome) => {
    const { sut, keys } = setUp(active);
    expect(await codeOf(sut.create(owner, input()))).toBe(outcome);
    expect(keys.insert).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
  });
});

describe('authenticating with an API key', () => {
  /** A key as created, and its row as the repository finds it with its owner's roles. */
  async function stored(change: Partial<ApiKeyEntity> = {}, roles: Role[] = []) {
    const { sut, keys } = setUp();
    const { key, secret } = await sut.create(owner, input({ scopes: ['read', 'download'] }));
    keys.findByPrefixWithOwner.mockResolvedValue({ key: { ...key, ...change }, roles });
    return { sut, keys, key, secret };
  }

  it('gives the key’s owner, roles and scopes, and notes when it was used', async () => {
    const { sut, keys, key, secret } = await stored({}, ['moderator']);
    await expect(sut.authenticate(secret)).resolves.toEqual({
      userId: USER,
      roles: ['moderator'],
      via: 'api-key',
      apiKeyId: key.id,
      scopes: ['read', 'download'],
    });
    expect(keys.findByPrefixWithOwner).toHaveBeenCalledWith(key.prefix);
    expect(keys.touchLastUsed).toHaveBeenCalledWith(key.id, now);
  });

  it.each<[string, (secret: string) => string]>([
    ['an empty string', () => ''],
    ['a key without the lbk_ prefix', (s) => s.slice(API_KEY_PREFIX.length)],
    ['a session token', () => 'eyJhbGciOiJFZERTQSJ9.e30.sig'],
    ['an upper-case prefix', (s) => `lbk_ABCDEF012345${s.slice(16)}`],
    ['a missing separator', (s) => `${s.slice(0, 16)}-${s.slice(17)}`],
    ['a truncated secret', (s) => s.slice(0, -1)],
    ['a secret one character too long', (s) => `${s}A`],
    ['a secret with a forbidden character', (s) => `${s.slice(0, -1)}=`],
  ])('refuses %s as malformed (INVALID_API_KEY) without a lookup', async (_name, forge) => {
    const { sut, keys, secret } = await stored();
    expect(await codeOf(sut.authenticate(forge(secret)))).toBe('INVALID_API_KEY');
    expect(keys.findByPrefixWithOwner).not.toHaveBeenCalled();
    expect(keys.touchLastUsed).not.toHaveBeenCalled();
  });

  it('refuses a well-formed key whose secret does not match (INVALID_API_KEY)', async () => {
    const { sut, keys, secret } = await stored();
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    expect(await codeOf(sut.authenticate(`${secret.slice(0, -1)}${last}`))).toBe('INVALID_API_KEY');
    expect(keys.touchLastUsed).not.toHaveBeenCalled();
  });

  it('refuses a well-formed key with an unknown prefix (INVALID_API_KEY)', async () => {
    const { sut, keys, secret } = await stored();
    keys.findByPrefixWithOwner.mockResolvedValue(null);
    expect(await codeOf(sut.authenticate(secret))).toBe('INVALID_API_KEY');
  });

  it.each<[string, Partial<ApiKeyEntity>, string]>([
    ['revoked', { revokedAt: new Date(now.getTime() - 1000) }, 'API_KEY_REVOKED'],
    ['expired a moment ago', { expiresAt: new Date(now.getTime() - 1) }, 'API_KEY_REVOKED'],
    ['expiring right now', { expiresAt: now }, 'API_KEY_REVOKED'],
    ['expiring a moment later', { expiresAt: new Date(now.getTime() + 1) }, 'ok'],
  ])('a key %s: %s', async (_name, change, outcome) => {
    const { sut, keys, secret } = await stored(change);
    expect(await codeOf(sut.authenticate(secret))).toBe(outcome);
    expect(keys.touchLastUsed).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
  });
});

describe('revoking and listing keys', () => {
  it('revokes the caller’s own key', async () => {
    const { sut, keys } = setUp();
    const revoked = { id: 'k1', revokedAt: now } as ApiKeyEntity;
    keys.revoke.mockResolvedValue(revoked);
    await expect(sut.revoke(owner, 'k1')).resolves.toBe(revoked);
    expect(keys.revoke).toHaveBeenCalledWith('k1', USER, now);
  });

  it('answers API_KEY_NOT_FOUND for someone else’s or a missing key', async () => {
    const { sut, keys } = setUp();
    keys.revoke.mockResolvedValue(null);
    expect(await codeOf(sut.revoke(anActor('eve'), 'k1'))).toBe('API_KEY_NOT_FOUND');
    expect(keys.revoke).toHaveBeenCalledWith('k1', 'eve', now);
  });

  it('lists the caller’s keys only', async () => {
    const { sut, keys } = setUp();
    keys.listForUser.mockResolvedValue({ nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const map = (k: ApiKeyEntity) => k.prefix;
    await sut.list(owner, { first: 10 }, map);
    expect(keys.listForUser).toHaveBeenCalledWith(USER, { first: 10 }, map);
  });
});
