import request from 'supertest';
import { SignJWT } from 'jose';
import { FakeClock, errorCode, gql, signUpUser, strongPassword, uniqueHandle } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id handle email roles } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken user { handle } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id handle email roles } }`;

describe('identity over HTTP', () => {
  const clock = new FakeClock(new Date());
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ clock });
  });
  afterAll(() => api.close());

  const userCount = async () =>
    Number((await api.db.query<{ n: string }>('SELECT count(*) AS n FROM identity.user'))[0]!.n);

  it('sign up → sign in → me → create API key → me with the key', async () => {
    const handle = uniqueHandle('journey');
    const password = strongPassword();
    const up = await gql<{ signUp: { user: { handle: string; roles: string[] } } }>(api.server, SIGN_UP, {
      input: { handle, email: `${handle}@Example.TEST`, password, acceptTerms: true },
    });
    expect(up.errors).toBeUndefined();
    expect(up.data!.signUp.user).toMatchObject({ handle, roles: [] });

    const signIn = await gql<{ signIn: { accessToken: string } }>(api.server, SIGN_IN, {
      input: { login: `${handle}@example.test`, password },
    });
    expect(signIn.errors).toBeUndefined();
    const token = signIn.data!.signIn.accessToken;

    const me = await gql<{ me: { handle: string; email: string } }>(api.server, ME, {}, token);
    expect(me.data!.me).toMatchObject({ handle, email: `${handle}@Example.TEST` });

    const created = await gql<{
      createApiKey: { secret: string; apiKey: { displayPrefix: string; scopes: string[] } };
    }>(
      api.server,
      `mutation { createApiKey(input: { name: "render farm", scopes: [READ] }) { secret apiKey { displayPrefix scopes } } }`,
      {},
      token,
    );
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret.startsWith(`${apiKey.displayPrefix}_`)).toBe(true);

    const viaKey = await gql<{ me: { handle: string } }>(api.server, `{ me { handle } }`, {}, secret);
    expect(viaKey.data!.me.handle).toBe(handle);
    const viaHeader = await request(api.server)
      .post('/graphql')
      .set('x-api-key', secret)
      .send({ query: '{ me { handle } }' });
    expect(viaHeader.body.data.me.handle).toBe(handle);
  });

  describe('sign-up bad input changes nothing', () => {
    it.each([
      [
        'duplicate handle in another case',
        async (h: string) => ({ handle: h.toUpperCase(), email: `other-${h}@example.test` }),
        'HANDLE_TAKEN',
      ],
      [
        'duplicate email in another case',
        async (h: string) => ({ handle: `${h}x`, email: `${h}@EXAMPLE.test` }),
        'EMAIL_TAKEN',
      ],
    ])('%s', async (_name, makeInput, code) => {
      const existing = await signUpUser(api.server);
      const before = await userCount();
      const input = { ...(await makeInput(existing.handle)), password: strongPassword(), acceptTerms: true };
      if (code === 'EMAIL_TAKEN') input.email = existing.email.toUpperCase();
      const response = await gql(api.server, SIGN_UP, { input });
      expect(errorCode(response)).toBe(code);
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['a too short password', { password: 'Ab1!xyz' }, 'PASSWORD_TOO_SHORT'],
      ['a common password', { password: 'password1234' }, 'PASSWORD_TOO_WEAK'],
      ['a password made of the handle', { password: 'HANDLE_PLACEHOLDER' }, 'PASSWORD_TOO_WEAK'],
      ['an overlong password', { password: 'x'.repeat(129) }, 'PASSWORD_TOO_LONG'],
      ['an overlong password in bytes', { password: '€'.repeat(127) + 'éé' }, 'PASSWORD_TOO_LONG'],
      ['a handle with spaces', { handle: 'has space' }, 'INVALID_HANDLE'],
      ['a path-like handle', { handle: '../etc' }, 'INVALID_HANDLE'],
      ['a reserved handle', { handle: 'Admin' }, 'HANDLE_RESERVED'],
      ['an invalid email', { email: 'not-an-email' }, 'INVALID_EMAIL'],
      ['an overlong display name', { displayName: 'n'.repeat(81) }, 'INVALID_DISPLAY_NAME'],
      ['terms not accepted', { acceptTerms: false }, 'TERMS_NOT_ACCEPTED'],
      ['terms left out', { acceptTerms: null }, 'TERMS_NOT_ACCEPTED'],
    ])('rejects %s', async (_name, override, code) => {
      const handle = uniqueHandle();
      const input = {
        handle,
        email: `${handle}@example.test`,
        password: strongPassword(),
        acceptTerms: true,
        ...override,
      };
      if (input.password === 'HANDLE_PLACEHOLDER') input.password = `${handle}${handle}`;
      const before = await userCount();
      const response = await gql(api.server, SIGN_UP, { input });
      expect(errorCode(response)).toBe(code);
      expect(await userCount()).toBe(before);
    });

    it('stores only an Argon2id hash', async () => {
      const user = await signUpUser(api.server);
      const [row] = await api.db.query<{ password_hash: string }>(
        'SELECT password_hash FROM identity.user WHERE id = $1',
        [user.id],
      );
      expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row!.password_hash).not.toContain(user.password);
    });
  });

  describe('sign-in', () => {
    it('answers a wrong password and an unknown account identically, in similar time', async () => {
      const user = await signUpUser(api.server);
      const wrong = await gql(api.server, SIGN_IN, { input: { login: user.handle, password: 'Wrong-password-123!' } });
      const unknown = await gql(api.server, SIGN_IN, {
        input: { login: 'nobody_here_at_all', password: 'Wrong-password-123!' },
      });
      expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
      expect(unknown.errors).toEqual(wrong.errors);

      // Both paths run a full Argon2id verification; compare medians loosely (this guards against a short-circuit,
      // which would be ~100x faster, not against small jitter).
      const median = async (login: string) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          const start = process.hrtime.bigint();
          await gql(api.server, SIGN_IN, { input: { login, password: 'Wrong-password-123!' } });
          times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        return times.sort((a, b) => a - b)[2]!;
      };
      const known = await median(user.handle);
      const missing = await median('nobody_here_at_all');
      expect(missing / known).toBeGreaterThan(0.33);
      expect(missing / known).toBeLessThan(3);
    });

    it('accepts the email in any case', async () => {
      const user = await signUpUser(api.server);
      const response = await gql(api.server, SIGN_IN, {
        input: { login: user.email.toUpperCase(), password: user.password },
      });
      expect(response.errors).toBeUndefined();
    });

    it('rate-limits repeated attempts on one account', async () => {
      const limited = await startTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
      try {
        const user = await signUpUser(limited.server);
        const attempt = () =>
          gql(limited.server, SIGN_IN, { input: { login: user.handle, password: 'Wrong-password-123!' } });
        for (let i = 0; i < 3; i += 1) expect(errorCode(await attempt())).toBe('INVALID_CREDENTIALS');
        const blocked = await attempt();
        expect(errorCode(blocked)).toBe('RATE_LIMITED');
        expect(blocked.errors![0]!.extensions!['retryAfterSeconds']).toBeGreaterThan(0);
        // Even the right password waits out the window.
        expect(
          errorCode(await gql(limited.server, SIGN_IN, { input: { login: user.handle, password: user.password } })),
        ).toBe('RATE_LIMITED');
      } finally {
        await limited.close();
      }
    });
  });

  describe('tokens', () => {
    it('rotates refresh tokens; a reused one ends the session for everyone holding it', async () => {
      const user = await signUpUser(api.server);
      const first = await gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(api.server, REFRESH, {
        t: user.refreshToken,
      });
      expect(first.errors).toBeUndefined();
      const rotated = first.data!.refreshSession;
      expect(rotated.refreshToken).not.toBe(user.refreshToken);

      const reuse = await gql(api.server, REFRESH, { t: user.refreshToken });
      expect(errorCode(reuse)).toBe('REFRESH_TOKEN_REUSED');
      expect(errorCode(await gql(api.server, REFRESH, { t: rotated.refreshToken }))).toBe('SESSION_REVOKED');
      expect(errorCode(await gql(api.server, ME, {}, rotated.accessToken))).toBe('SESSION_REVOKED');
      const [session] = await api.db.query<{ revoke_reason: string }>(
        `SELECT revoke_reason FROM identity.session WHERE user_id = $1`,
        [user.id],
      );
      expect(session!.revoke_reason).toBe('refresh-token-reuse');
    });

    it('lets only one of two concurrent refreshes with the same token win', async () => {
      const user = await signUpUser(api.server);
      const results = await Promise.all([
        gql(api.server, REFRESH, { t: user.refreshToken }),
        gql(api.server, REFRESH, { t: user.refreshToken }),
      ]);
      const codes = results.map((r) => errorCode(r) ?? 'OK').sort();
      expect(codes).toEqual(['OK', 'REFRESH_TOKEN_REUSED']);
    });

    it('expires access tokens and refresh tokens by the clock', async () => {
      const user = await signUpUser(api.server);
      clock.advance(16 * 60_000);
      expect(errorCode(await gql(api.server, ME, {}, user.accessToken))).toBe('ACCESS_TOKEN_EXPIRED');
      const refreshed = await gql<{ refreshSession: { accessToken: string } }>(api.server, REFRESH, {
        t: user.refreshToken,
      });
      expect(refreshed.errors).toBeUndefined();
      clock.advance(31 * 86_400_000);
      const other = await signUpUser(api.server);
      clock.advance(31 * 86_400_000);
      expect(errorCode(await gql(api.server, REFRESH, { t: other.refreshToken }))).toBe('REFRESH_TOKEN_EXPIRED');
    });

    it('signs out: the access and refresh tokens of that session stop working at once', async () => {
      const user = await signUpUser(api.server);
      const out = await gql<{ signOut: boolean }>(api.server, `mutation { signOut }`, {}, user.accessToken);
      expect(out.data!.signOut).toBe(true);
      expect(errorCode(await gql(api.server, ME, {}, user.accessToken))).toBe('SESSION_REVOKED');
      expect(errorCode(await gql(api.server, REFRESH, { t: user.refreshToken }))).toBe('SESSION_REVOKED');
    });

    it.each([
      ['garbage', () => 'not-a-token'],
      ['a truncated token', (t: string) => t.slice(0, -5)],
      [
        'a re-signed payload with another subject',
        (t: string) =>
          `${t.split('.')[0]}.${Buffer.from(JSON.stringify({ sub: 'x', sid: 'y' })).toString('base64url')}.${t.split('.')[2]}`,
      ],
      [
        'alg none',
        () =>
          `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"a","sid":"b"}').toString('base64url')}.`,
      ],
      ['an empty bearer', () => ''],
    ])('rejects %s as an access token', async (_name, tamper) => {
      const user = await signUpUser(api.server);
      const response = await request(api.server)
        .post('/graphql')
        .set('authorization', `Bearer ${tamper(user.accessToken)}`)
        .send({ query: ME });
      expect(response.body.errors[0].extensions.code).toBe('INVALID_TOKEN');
    });

    it('rejects a token signed with another secret', async () => {
      const user = await signUpUser(api.server);
      const forged = await new SignJWT({ sid: 'x' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer('lookbook')
        .setAudience('lookbook-api')
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode('a-different-secret-that-is-32-chars-long'));
      expect(errorCode(await gql(api.server, ME, {}, forged))).toBe('INVALID_TOKEN');
    });

    it('rejects a tampered refresh token without touching the session', async () => {
      const user = await signUpUser(api.server);
      expect(errorCode(await gql(api.server, REFRESH, { t: `${user.refreshToken}x` }))).toBe('INVALID_REFRESH_TOKEN');
      expect(errorCode(await gql(api.server, REFRESH, { t: 'x'.repeat(5000) }))).toBe('INVALID_REFRESH_TOKEN');
      expect((await gql(api.server, ME, {}, user.accessToken)).errors).toBeUndefined();
    });
  });

  describe('sessions and passwords', () => {
    it('lists live sessions with a hard page cap and revokes one by id', async () => {
      const user = await signUpUser(api.server);
      const second = await gql<{ signIn: { accessToken: string } }>(api.server, SIGN_IN, {
        input: { login: user.handle, password: user.password },
      });
      const LIST = `query($first: Int, $after: String) { mySessions(first: $first, after: $after) { nodes { id current } pageInfo { hasNextPage endCursor } } }`;
      type List = {
        mySessions: {
          nodes: { id: string; current: boolean }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const page1 = await gql<List>(api.server, LIST, { first: 1 }, user.accessToken);
      expect(page1.data!.mySessions.nodes).toHaveLength(1);
      expect(page1.data!.mySessions.pageInfo.hasNextPage).toBe(true);
      const page2 = await gql<List>(
        api.server,
        LIST,
        { first: 1, after: page1.data!.mySessions.pageInfo.endCursor },
        user.accessToken,
      );
      expect(page2.data!.mySessions.pageInfo.hasNextPage).toBe(false);
      const all = [...page1.data!.mySessions.nodes, ...page2.data!.mySessions.nodes];
      expect(all.filter((s) => s.current)).toHaveLength(1);

      expect(errorCode(await gql(api.server, LIST, { first: 100000 }, user.accessToken))).toBe('PAGE_SIZE_TOO_LARGE');
      expect(errorCode(await gql(api.server, LIST, { first: 0 }, user.accessToken))).toBe('PAGE_SIZE_TOO_LARGE');
      expect(errorCode(await gql(api.server, LIST, { after: 'bm9wZQ' }, user.accessToken))).toBe('INVALID_CURSOR');

      const other = all.find((s) => !s.current)!;
      const revoke = await gql(
        api.server,
        `mutation($id: UUID!) { revokeSession(id: $id) }`,
        { id: other.id },
        user.accessToken,
      );
      expect(revoke.errors).toBeUndefined();
      expect(errorCode(await gql(api.server, ME, {}, second.data!.signIn.accessToken))).toBe('SESSION_REVOKED');
    });

    it("cannot revoke another user's session, and cannot tell it exists", async () => {
      const alice = await signUpUser(api.server);
      const bob = await signUpUser(api.server);
      const [bobSession] = await api.db.query<{ id: string }>('SELECT id FROM identity.session WHERE user_id = $1', [
        bob.id,
      ]);
      const attempt = await gql(
        api.server,
        `mutation($id: UUID!) { revokeSession(id: $id) }`,
        { id: bobSession!.id },
        alice.accessToken,
      );
      const missing = await gql(
        api.server,
        `mutation($id: UUID!) { revokeSession(id: $id) }`,
        { id: '01900000-0000-7000-8000-000000000000' },
        alice.accessToken,
      );
      const malformed = await gql(
        api.server,
        `mutation($id: UUID!) { revokeSession(id: $id) }`,
        { id: 'not-a-uuid' },
        alice.accessToken,
      );
      expect(errorCode(attempt)).toBe('SESSION_NOT_FOUND');
      expect(missing.errors).toEqual(attempt.errors);
      expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
      expect((await gql(api.server, ME, {}, bob.accessToken)).errors).toBeUndefined();
    });

    it('changes the password: needs the current one, signs out other sessions', async () => {
      const user = await signUpUser(api.server);
      const other = await gql<{ signIn: { accessToken: string } }>(api.server, SIGN_IN, {
        input: { login: user.handle, password: user.password },
      });
      const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { handle } }`;
      const newPassword = strongPassword();
      expect(
        errorCode(
          await gql(
            api.server,
            CHANGE,
            { input: { currentPassword: 'Wrong-password-123!', newPassword } },
            user.accessToken,
          ),
        ),
      ).toBe('WRONG_PASSWORD');
      expect(
        errorCode(
          await gql(
            api.server,
            CHANGE,
            { input: { currentPassword: user.password, newPassword: 'short' } },
            user.accessToken,
          ),
        ),
      ).toBe('PASSWORD_TOO_SHORT');
      const changed = await gql(
        api.server,
        CHANGE,
        { input: { currentPassword: user.password, newPassword } },
        user.accessToken,
      );
      expect(changed.errors).toBeUndefined();
      expect((await gql(api.server, ME, {}, user.accessToken)).errors).toBeUndefined();
      expect(errorCode(await gql(api.server, ME, {}, other.data!.signIn.accessToken))).toBe('SESSION_REVOKED');
      expect(
        errorCode(await gql(api.server, SIGN_IN, { input: { login: user.handle, password: user.password } })),
      ).toBe('INVALID_CREDENTIALS');
      expect(
        (await gql(api.server, SIGN_IN, { input: { login: user.handle, password: newPassword } })).errors,
      ).toBeUndefined();
    });

    it('lets only admins set roles', async () => {
      const admin = await signUpUser(api.server);
      const target = await signUpUser(api.server);
      const SET = `mutation($id: UUID!) { setUserRoles(userId: $id, roles: [MODERATOR]) { handle } }`;
      expect(errorCode(await gql(api.server, SET, { id: target.id }, admin.accessToken))).toBe('FORBIDDEN');
      await world(api).setRoles(admin, ['admin']);
      expect((await gql(api.server, SET, { id: target.id }, admin.accessToken)).errors).toBeUndefined();
      const me = await gql<{ me: { roles: string[] } }>(api.server, ME, {}, target.accessToken);
      expect(me.data!.me.roles).toEqual(['MODERATOR']);
      expect(errorCode(await gql(api.server, SET, { id: 'nope' }, admin.accessToken))).toBe('BAD_USER_INPUT');
      const nobody = '0190a5b0-0000-7000-8000-0000000000ff';
      expect(errorCode(await gql(api.server, SET, { id: nobody }, admin.accessToken))).toBe('USER_NOT_FOUND');
    });

    it('shows public profiles without private fields', async () => {
      const user = await signUpUser(api.server);
      const profile = await gql<{ user: Record<string, unknown> }>(
        api.server,
        `query($h: String!) { user(handle: $h) { handle displayName } }`,
        {
          h: user.handle.toUpperCase(),
        },
      );
      expect(profile.data!.user).toEqual({ handle: user.handle, displayName: user.handle });
      const email = await gql(api.server, `query($h: String!) { user(handle: $h) { email } }`, { h: user.handle });
      expect(errorCode(email)).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
