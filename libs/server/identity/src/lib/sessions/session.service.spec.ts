import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import type { UserEntity } from '../users/user.entity';
import { PasswordHasher } from '../users/password-hasher';
import { UserRepository } from '../users/user.repository';
import type { RefreshTokenEntity } from './refresh-token.entity';
import type { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { sha256, TokenSigner } from './token-signer';

const now = new Date('2026-05-01T10:00:00.000Z');
const DAY = 86_400_000;
const user = {
  id: '00000000-0000-4000-8000-000000000001',
  handle: 'mira',
  email: 'mira@example.com',
  roles: [],
  passwordHash: '$argon2id$…',
} as unknown as UserEntity;
const session: SessionEntity = {
  id: '00000000-0000-4000-8000-0000000000a1',
  userId: user.id,
  createdAt: new Date(now.getTime() - DAY),
  lastUsedAt: new Date(now.getTime() - DAY),
  expiresAt: new Date(now.getTime() + 29 * DAY),
  revokedAt: null,
  revokeReason: null,
  userAgent: 'test',
  ip: null,
};
const presented = 'lbr_presented-token';
const token: RefreshTokenEntity = {
  id: '00000000-0000-4000-8000-0000000000b1',
  sessionId: session.id,
  tokenHash: sha256(presented),
  createdAt: session.createdAt,
  expiresAt: session.expiresAt,
  usedAt: null,
};
const client = { ip: '203.0.113.9', userAgent: 'test' };

function setUp(found: { token?: RefreshTokenEntity | null; session?: SessionEntity | null } = {}) {
  const { sut, mock } = newTestService(SessionService, [
    [APP_CONFIG, testConfig({ SESSION_TTL_DAYS: '30' })],
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  const sessions = mock(SessionRepository);
  sessions.findRefreshTokenForUpdate.mockResolvedValue(found.token === undefined ? token : found.token);
  sessions.findSessionForUpdate.mockResolvedValue(found.session === undefined ? session : found.session);
  sessions.rotate.mockResolvedValue(undefined);
  sessions.revoke.mockResolvedValue(true);
  sessions.create.mockResolvedValue(undefined);
  mock(UserRepository).findById.mockResolvedValue(user);
  mock(TokenSigner).signAccessToken.mockResolvedValue({ token: 'jws', expiresAt: new Date(now.getTime() + 900_000) });
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  return { sut, mock, sessions };
}

describe('refresh-token rotation', () => {
  it('swaps the presented token for a new one-time token, hashed at rest, and a fresh access token', async () => {
    const { sut, sessions } = setUp();
    const issued = await sut.refresh(presented);
    expect(issued.refreshToken).toMatch(/^lbr_/);
    expect(issued.refreshToken).not.toBe(presented);
    expect(issued).toMatchObject({ sessionId: session.id, accessToken: 'jws' });
    const [manager, used, next] = sessions.rotate.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(used).toBe(token);
    expect(next.tokenHash).toEqual(sha256(issued.refreshToken));
    expect(next.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
  });

  it('treats a second use of a token as theft: the whole session ends, and the caller is told why', async () => {
    const { sut, sessions } = setUp({ token: { ...token, usedAt: new Date(now.getTime() - 1000) } });
    await expect(sut.refresh(presented)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    expect(sessions.revoke).toHaveBeenCalledWith(session.id, 'refresh-token-reuse', now, { manager: TEST_MANAGER });
    expect(sessions.rotate).not.toHaveBeenCalled();
  });

  it.each([
    ['a token without the prefix', 'abc', 'INVALID_REFRESH_TOKEN'],
    ['an overlong token', `lbr_${'x'.repeat(300)}`, 'INVALID_REFRESH_TOKEN'],
  ])('refuses %s without touching the database', async (_, value, code) => {
    const { sut, sessions } = setUp();
    await expect(sut.refresh(value)).rejects.toMatchObject({ code });
    expect(sessions.findRefreshTokenForUpdate).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown token', { token: null }, 'INVALID_REFRESH_TOKEN'],
    ['a revoked session', { session: { ...session, revokedAt: now } }, 'SESSION_REVOKED'],
    ['a vanished session', { session: null }, 'SESSION_REVOKED'],
    ['an expired token', { token: { ...token, expiresAt: now } }, 'REFRESH_TOKEN_EXPIRED'],
    ['an expired session', { session: { ...session, expiresAt: now } }, 'REFRESH_TOKEN_EXPIRED'],
  ])('refuses %s and rotates nothing', async (_, found, code) => {
    const { sut, sessions } = setUp(found);
    await expect(sut.refresh(presented)).rejects.toMatchObject({ code });
    expect(sessions.rotate).not.toHaveBeenCalled();
  });

  it('ends a refresh whose account was deleted meanwhile', async () => {
    const { sut, mock } = setUp();
    mock(UserRepository).findById.mockResolvedValue(null);
    await expect(sut.refresh(presented)).rejects.toMatchObject({ code: 'SESSION_REVOKED' });
    expect(mock(TokenSigner).signAccessToken).not.toHaveBeenCalled();
  });
});

describe('signing in', () => {
  it('checks a password hash even for an unknown login, so both answers take as long', async () => {
    const { sut, mock } = setUp();
    mock(UserRepository).findByLogin.mockResolvedValue(null);
    mock(PasswordHasher).verify.mockResolvedValue(false);
    await expect(sut.signIn('nobody@example.com', 'secret', client)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(mock(PasswordHasher).verify).toHaveBeenCalledWith(undefined, 'secret');
  });

  it('limits attempts per address and per login, normalised', async () => {
    const { sut, mock } = setUp();
    mock(RateLimiter).consume.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new RateLimitedError(60));
    await expect(sut.signIn('  Mira@Example.COM ', 'x', client)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(mock(RateLimiter).consume.mock.calls.map(([rule, key]) => [rule.name, key])).toEqual([
      ['sign-in-ip', client.ip],
      ['sign-in-login', 'mira@example.com'],
    ]);
    expect(mock(UserRepository).findByLogin).not.toHaveBeenCalled();
  });

  it('opens a server-side session with a hashed refresh token', async () => {
    const { sut, mock, sessions } = setUp();
    mock(UserRepository).findByLogin.mockResolvedValue(user);
    mock(PasswordHasher).verify.mockResolvedValue(true);
    const issued = await sut.signIn('mira', 'right', client);
    const [created, refresh] = sessions.create.mock.calls[0]!;
    expect(created).toMatchObject({ userId: user.id, ip: client.ip, revokedAt: null });
    expect(refresh.tokenHash).toEqual(sha256(issued.refreshToken));
  });
});

describe('ending sessions', () => {
  it('revokes only the caller’s own sessions; another’s looks like none', async () => {
    const { sut, sessions } = setUp();
    sessions.revoke.mockResolvedValue(false);
    await expect(sut.revokeSession(anActor(user.id), session.id)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect(sessions.revoke).toHaveBeenCalledWith(session.id, 'revoked-by-user', now, { userId: user.id });
  });

  it('signing out with an API key ends nothing (keys have no session)', async () => {
    const { sut, sessions } = setUp();
    await expect(sut.signOut({ ...anActor(user.id), via: 'api-key', sessionId: undefined })).resolves.toBe(false);
    expect(sessions.revoke).not.toHaveBeenCalled();
  });
});
