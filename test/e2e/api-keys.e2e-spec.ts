import { createHash } from 'node:crypto';
import { errorCode, gql, signUpUser } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id displayPrefix scopes expiresAt lastUsedAt } } }`;
type Created = {
  createApiKey: {
    secret: string;
    apiKey: { id: string; displayPrefix: string; scopes: string[]; expiresAt: string | null };
  };
};

describe('API keys', () => {
  let api: TestApi;
  let owner: TestUser;
  beforeAll(async () => {
    api = await startTestApi();
    owner = await signUpUser(api.server);
  });
  afterAll(() => api.close());

  const create = async (input: Record<string, unknown>) => {
    const response = await gql<Created>(api.server, CREATE, { input }, owner.accessToken);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.createApiKey;
  };

  it('stores only a hash of the secret and lists keys by prefix', async () => {
    const { secret, apiKey } = await create({ name: 'ci', scopes: ['READ', 'WRITE'], expiresInDays: 30 });
    const [row] = await api.db.query<{ secret_hash: Buffer; prefix: string }>(
      'SELECT secret_hash, prefix FROM identity.api_key WHERE id = $1',
      [apiKey.id],
    );
    const secretPart = secret.slice(apiKey.displayPrefix.length + 1);
    expect(row!.secret_hash.equals(createHash('sha256').update(secretPart).digest())).toBe(true);
    expect(JSON.stringify(await api.db.query('SELECT * FROM identity.api_key'))).not.toContain(secretPart);
    expect(new Date(apiKey.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const list = await gql<{ myApiKeys: { nodes: Record<string, unknown>[] } }>(
      api.server,
      `{ myApiKeys(first: 50) { nodes { id name displayPrefix scopes } } }`,
      {},
      owner.accessToken,
    );
    expect(list.data!.myApiKeys.nodes).toContainEqual({
      id: apiKey.id,
      name: 'ci',
      displayPrefix: apiKey.displayPrefix,
      scopes: ['READ', 'WRITE'],
    });
    expect(JSON.stringify(list.data)).not.toContain(secretPart);
  });

  it('records when a key was last used', async () => {
    const { secret, apiKey } = await create({ name: 'tool', scopes: ['READ'] });
    expect((await gql(api.server, `{ me { id } }`, {}, secret)).errors).toBeUndefined();
    const [row] = await api.db.query<{ last_used_at: Date | null }>(
      'SELECT last_used_at FROM identity.api_key WHERE id = $1',
      [apiKey.id],
    );
    expect(row!.last_used_at).toBeInstanceOf(Date);
  });

  it('stops working the moment it is revoked', async () => {
    const { secret, apiKey } = await create({ name: 'leaked', scopes: ['READ'] });
    const revoked = await gql<{ revokeApiKey: { revokedAt: string } }>(
      api.server,
      `mutation($id: UUID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: apiKey.id },
      owner.accessToken,
    );
    expect(revoked.data!.revokeApiKey.revokedAt).toBeTruthy();
    expect(errorCode(await gql(api.server, `{ me { id } }`, {}, secret))).toBe('API_KEY_REVOKED');
  });

  it('rejects tampered and malformed keys', async () => {
    const { secret } = await create({ name: 'x', scopes: ['READ'] });
    const flipped = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    for (const bad of [
      flipped,
      `${secret}x`,
      'lbk_',
      'lbk_000000000000_' + 'A'.repeat(43),
      `lbk_${'z'.repeat(12)}_${'A'.repeat(43)}`,
    ]) {
      expect(errorCode(await gql(api.server, `{ me { id } }`, {}, bad))).toBe('INVALID_API_KEY');
    }
  });

  it('enforces scopes and never lets a key manage credentials', async () => {
    const { secret } = await create({ name: 'read-only', scopes: ['READ'] });
    const { secret: writer } = await create({ name: 'writer', scopes: ['WRITE'] });
    expect(errorCode(await gql(api.server, `mutation { signOut }`, {}, secret))).toBe('SESSION_REQUIRED');
    expect(errorCode(await gql(api.server, CREATE, { input: { name: 'more', scopes: ['READ'] } }, writer))).toBe(
      'SESSION_REQUIRED',
    );
    expect(errorCode(await gql(api.server, `{ myApiKeys { nodes { id } } }`, {}, writer))).toBe('SESSION_REQUIRED');
    expect(errorCode(await gql(api.server, `{ me { id } }`, {}, writer))).toBe('API_KEY_SCOPE');
  });

  it.each([
    [{ name: '', scopes: ['READ'] }, 'INVALID_API_KEY_NAME'],
    [{ name: 'k'.repeat(81), scopes: ['READ'] }, 'INVALID_API_KEY_NAME'],
    [{ name: 'ok', scopes: [] }, 'INVALID_API_KEY_SCOPES'],
    [{ name: 'ok', scopes: ['READ'], expiresInDays: 0 }, 'INVALID_EXPIRY'],
    [{ name: 'ok', scopes: ['READ'], expiresInDays: 366 }, 'INVALID_EXPIRY'],
    [{ name: 'ok', scopes: ['ADMIN'] }, 'ADMIN_SCOPE_FORBIDDEN'], // staff only
    [{ name: 'ok', scopes: ['SUPERUSER'] }, 'BAD_USER_INPUT'],
    [{ name: 'line\nbreak', scopes: ['READ'] }, 'INVALID_TEXT'],
    [{ name: '\u200b', scopes: ['READ'] }, 'INVALID_TEXT'],
  ])('rejects %j with %s and creates nothing', async (input, code) => {
    const before = (await api.db.query('SELECT id FROM identity.api_key')).length;
    const response = await gql(api.server, CREATE, { input }, owner.accessToken);
    expect(errorCode(response)).toBe(code);
    expect((await api.db.query('SELECT id FROM identity.api_key')).length).toBe(before);
  });

  it("cannot revoke another user's key", async () => {
    const { apiKey, secret } = await create({ name: 'mine', scopes: ['READ'] });
    const stranger = await signUpUser(api.server);
    const attempt = await gql(
      api.server,
      `mutation($id: UUID!) { revokeApiKey(id: $id) { id } }`,
      { id: apiKey.id },
      stranger.accessToken,
    );
    expect(errorCode(attempt)).toBe('API_KEY_NOT_FOUND');
    expect((await gql(api.server, `{ me { id } }`, {}, secret)).errors).toBeUndefined();
  });
});
