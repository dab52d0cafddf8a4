import { APP_CONFIG, Clock, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError, ValidationError } from '@lookbook/kernel';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { SessionRepository } from '../sessions/session.repository';
import { AccountTokenService } from '../tokens/account-token.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const now = new Date('2026-12-07T12:00:00.000Z');
const user = {
  id: '00000000-0000-4000-8000-000000000001',
  handle: 'mira',
  email: 'Mira@Example.com',
  displayName: 'Mira',
} as unknown as UserEntity;
const tokenRow = { id: '00000000-0000-4000-8000-0000000000c1', userId: user.id, email: user.email, usedAt: now };
const client = { ip: '203.0.113.9', userAgent: null };

function setUp(found: UserEntity | null = user) {
  const { sut, mock } = newTestService(PasswordResetService, [
    [APP_CONFIG, testConfig()],
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  const users = mock(UserRepository);
  users.findByLogin.mockResolvedValue(found);
  users.findById.mockResolvedValue(found);
  users.updatePasswordIn.mockResolvedValue(undefined);
  const hasher = mock(PasswordHasher);
  hasher.assertAcceptable.mockResolvedValue(undefined);
  hasher.hash.mockResolvedValue('$argon2id$new');
  const sessions = mock(SessionRepository);
  sessions.revokeAllForUser.mockResolvedValue(2);
  const tokens = mock(AccountTokenService);
  tokens.issue.mockResolvedValue({ token: 'lbt_secret', row: tokenRow } as never);
  tokens.check.mockResolvedValue(tokenRow as never);
  tokens.use.mockResolvedValue(tokenRow as never);
  tokens.supersedeAll.mockResolvedValue(0);
  const outbox = mock(MailOutbox);
  outbox.queue.mockResolvedValue(undefined);
  const limiter = mock(RateLimiter);
  limiter.consume.mockResolvedValue(undefined);
  return { sut, users, hasher, sessions, tokens, outbox, limiter };
}

describe('PasswordResetService', () => {
  it.each([
    ['an unknown address', null, 'nobody@example.com'],
    ['a handle instead of an address', user, 'mira'],
  ])('answers true for %s and mails nothing', async (_name, found, email) => {
    const { sut, tokens, outbox, limiter } = setUp(found);
    expect(await sut.request(email, client)).toBe(true);
    expect(tokens.issue).not.toHaveBeenCalled();
    expect(outbox.queue).not.toHaveBeenCalled();
    // Limited per address (hashed, case-folded) and per IP either way.
    const keys = limiter.consume.mock.calls.map(([rule, key]) => [rule.name, key]);
    expect(keys.map(([name]) => name)).toEqual(['reset-ip', 'reset-address']);
    expect(keys[1]![1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('mails a reset link to a known address (any case), and the same answer once the account limit is reached', async () => {
    const { sut, outbox, limiter } = setUp();
    expect(await sut.request(' mira@example.COM ', client)).toBe(true);
    expect(outbox.queue.mock.calls[0]![1]).toMatchObject({ to: user.email, kind: 'identity.reset-password' });
    expect(outbox.queue.mock.calls[0]![1].text).toContain('/reset-password?token=lbt_secret');

    limiter.consume.mockImplementation(async (rule) => {
      if (rule.name === 'reset-account') throw new RateLimitedError(3600);
    });
    outbox.queue.mockClear();
    expect(await sut.request('mira@example.com', client)).toBe(true);
    expect(outbox.queue).not.toHaveBeenCalled();
  });

  it('checks the new password before using the link: a refused password leaves the link and sessions alone', async () => {
    const { sut, hasher, tokens, sessions } = setUp();
    hasher.assertAcceptable.mockRejectedValue(new ValidationError('PASSWORD_TOO_WEAK', 'weak'));
    await expect(sut.reset('lbt_x', 'password1234', client)).rejects.toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
    expect(tokens.use).not.toHaveBeenCalled();
    expect(sessions.revokeAllForUser).not.toHaveBeenCalled();
  });

  it('resets in one transaction: link used, password replaced, every session ended, older links superseded, notice queued', async () => {
    const { sut, users, tokens, sessions, outbox } = setUp();
    expect(await sut.reset('lbt_x', 'a-long-new-passphrase', client)).toBe(true);
    expect(tokens.use).toHaveBeenCalledWith(TEST_MANAGER, 'lbt_x', 'RESET_PASSWORD');
    expect(users.updatePasswordIn).toHaveBeenCalledWith(TEST_MANAGER, user.id, '$argon2id$new', now);
    expect(sessions.revokeAllForUser).toHaveBeenCalledWith(user.id, 'password-reset', now, undefined, TEST_MANAGER);
    expect(tokens.supersedeAll).toHaveBeenCalledWith(TEST_MANAGER, user.id, ['RESET_PASSWORD']);
    expect(outbox.queue.mock.calls[0]![1]).toMatchObject({ to: user.email, kind: 'identity.password-changed' });
  });

  it('refuses a bad link before any password work', async () => {
    const { sut, tokens, hasher } = setUp();
    tokens.check.mockRejectedValue(new ValidationError('TOKEN_EXPIRED', 'expired'));
    await expect(sut.reset('lbt_x', 'a-long-new-passphrase', client)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(hasher.hash).not.toHaveBeenCalled();
  });
});
