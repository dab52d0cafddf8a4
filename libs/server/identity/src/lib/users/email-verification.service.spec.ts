import { APP_CONFIG, Clock, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { AccountTokenService } from '../tokens/account-token.service';
import { EmailVerificationService } from './email-verification.service';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const now = new Date('2026-12-07T12:00:00.000Z');
const user = {
  id: '00000000-0000-4000-8000-000000000001',
  handle: 'mira',
  email: 'mira@example.com',
  emailVerifiedAt: null,
} as unknown as UserEntity;
const tokenRow = { id: '00000000-0000-4000-8000-0000000000c1', userId: user.id, email: user.email, usedAt: now };

function setUp(found: Partial<UserEntity> = {}) {
  const { sut, mock } = newTestService(EmailVerificationService, [
    [APP_CONFIG, testConfig({ PUBLIC_URL: 'https://lookbook.example' })],
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  const users = mock(UserRepository);
  users.findById.mockResolvedValue({ ...user, ...found });
  users.findByIdForUpdate.mockResolvedValue({ ...user, ...found, emailVerifiedAt: now });
  users.markEmailVerified.mockResolvedValue(true);
  const tokens = mock(AccountTokenService);
  tokens.issue.mockResolvedValue({ token: 'lbt_secret', row: tokenRow } as never);
  tokens.use.mockResolvedValue(tokenRow as never);
  const outbox = mock(MailOutbox);
  outbox.queue.mockResolvedValue(undefined);
  const limiter = mock(RateLimiter);
  limiter.consume.mockResolvedValue(undefined);
  return { sut, users, tokens, outbox, limiter };
}

describe('EmailVerificationService', () => {
  it('mails a link on the configured public origin (never a request Host) keyed by the token', async () => {
    const { sut, outbox } = setUp();
    await sut.sendVerification(TEST_MANAGER, user);
    const [manager, mail] = outbox.queue.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(mail).toMatchObject({ to: user.email, idempotencyKey: `identity.verify-email:${tokenRow.id}` });
    expect(mail.text).toContain('https://lookbook.example/verify-email?token=lbt_secret');
  });

  it('resends only to an unverified account, within its limit', async () => {
    const verified = setUp({ emailVerifiedAt: now });
    await expect(verified.sut.resend(anActor(user.id))).rejects.toMatchObject({ code: 'EMAIL_ALREADY_VERIFIED' });
    expect(verified.tokens.issue).not.toHaveBeenCalled();

    const limited = setUp();
    limited.limiter.consume.mockRejectedValue(new RateLimitedError(600));
    await expect(limited.sut.resend(anActor(user.id))).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.tokens.issue).not.toHaveBeenCalled();

    const ok = setUp();
    expect(await ok.sut.resend(anActor(user.id))).toBe(true);
    expect(ok.limiter.consume).toHaveBeenCalledWith(expect.objectContaining({ name: 'verify-email-resend' }), user.id);
    expect(ok.outbox.queue).toHaveBeenCalledTimes(1);
  });

  it('verifies the address the link was sent to, and refuses a link for an address the account no longer has', async () => {
    const { sut, users, tokens } = setUp();
    expect(await sut.verify('lbt_x', undefined, '203.0.113.9')).toMatchObject({ emailVerifiedAt: now });
    expect(tokens.use).toHaveBeenCalledWith(TEST_MANAGER, 'lbt_x', 'VERIFY_EMAIL', undefined);
    expect(users.markEmailVerified).toHaveBeenCalledWith(TEST_MANAGER, user.id, user.email, now);

    const moved = setUp();
    moved.users.markEmailVerified.mockResolvedValue(false);
    await expect(moved.sut.verify('lbt_x', user.id, undefined)).rejects.toMatchObject({ code: 'TOKEN_SUPERSEDED' });
  });
});
