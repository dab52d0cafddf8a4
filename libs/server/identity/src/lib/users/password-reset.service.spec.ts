import { APP_CONFIG, Clock, JobQueue, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError, ValidationError } from '@lookbook/kernel';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { IdentityTasks } from '../identity.tasks';
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
  const jobs = mock(JobQueue);
  jobs.enqueue.mockResolvedValue('1');
  return { sut, users, hasher, sessions, tokens, outbox, limiter, jobs };
}

describe('PasswordResetService', () => {
  it.each(['mira@example.com', 'nobody@example.com'])(
    'answers a request for %s the same way: limited per IP and per address, one job queued, nothing looked up',
    async (email) => {
      const { sut, users, tokens, outbox, limiter, jobs } = setUp();
      expect(await sut.request(` ${email.toUpperCase()} `, client)).toBe(true);
      expect(users.findByLogin).not.toHaveBeenCalled();
      expect(tokens.issue).not.toHaveBeenCalled();
      expect(outbox.queue).not.toHaveBeenCalled();
      expect(jobs.enqueue).toHaveBeenCalledWith(undefined, IdentityTasks.sendPasswordReset, {
        email,
        baseUrl: expect.stringMatching(/^https?:\/\//) as string,
      });
      const keys = limiter.consume.mock.calls.map(([rule, key]) => [rule.name, key]);
      expect(keys.map(([name]) => name)).toEqual(['reset-ip', 'reset-address']);
      expect(keys[1]![1]).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it('queues nothing for what cannot be an address, and nothing once the address is rate limited', async () => {
    const { sut, limiter, jobs } = setUp();
    expect(await sut.request('mira', client)).toBe(true);
    expect(jobs.enqueue).not.toHaveBeenCalled();
    limiter.consume.mockImplementation(async (rule) => {
      if (rule.name === 'reset-address') throw new RateLimitedError(3600);
    });
    await expect(sut.request('mira@example.com', client)).rejects.toBeInstanceOf(RateLimitedError);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown address', null, 'nobody@example.com'],
    ['an address that differs from the account’s', user, 'other@example.com'],
  ])('the job mails nothing for %s', async (_name, found, email) => {
    const { sut, tokens, outbox } = setUp(found);
    await sut.sendLink(email);
    expect(tokens.issue).not.toHaveBeenCalled();
    expect(outbox.queue).not.toHaveBeenCalled();
  });

  it('the job mails a reset link to a known address, and nothing once the account limit is reached', async () => {
    const { sut, outbox, limiter, tokens } = setUp();
    await sut.sendLink('mira@example.com', 'https://look.example');
    expect(tokens.issue).toHaveBeenCalledWith(TEST_MANAGER, user.id, 'RESET_PASSWORD', user.email);
    expect(outbox.queue.mock.calls[0]![1]).toMatchObject({ to: user.email, kind: 'identity.reset-password' });
    expect(outbox.queue.mock.calls[0]![1].text).toContain('https://look.example/reset-password?token=lbt_secret');

    limiter.consume.mockImplementation(async (rule) => {
      if (rule.name === 'reset-account') throw new RateLimitedError(3600);
    });
    outbox.queue.mockClear();
    await sut.sendLink('mira@example.com');
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
