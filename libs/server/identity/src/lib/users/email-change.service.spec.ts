import { APP_CONFIG, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { anActor, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { AccountTokenService } from '../tokens/account-token.service';
import { EmailChangeService } from './email-change.service';
import { PasswordHasher } from './password-hasher';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const now = new Date('2026-12-07T12:00:00.000Z');
const user = {
  id: '00000000-0000-4000-8000-000000000001',
  handle: 'mira',
  email: 'mira@example.com',
  passwordHash: '$argon2id$…',
} as unknown as UserEntity;
const tokenRow = { id: '00000000-0000-4000-8000-0000000000c1', userId: user.id, email: 'new@example.com', usedAt: now };

function setUp() {
  const { sut, mock } = newTestService(EmailChangeService, [
    [APP_CONFIG, testConfig()],
    [Transactions, new InlineTransactions()],
  ]);
  const users = mock(UserRepository);
  users.findById.mockResolvedValue(user);
  users.findByLogin.mockResolvedValue(null);
  users.findByIdForUpdate.mockResolvedValue(user);
  users.changeEmail.mockResolvedValue(undefined);
  mock(PasswordHasher).verify.mockImplementation(
    async (_hash: string | undefined, password: string) => password === 'right',
  );
  const tokens = mock(AccountTokenService);
  tokens.issue.mockResolvedValue({ token: 'lbt_secret', row: tokenRow } as never);
  tokens.use.mockResolvedValue(tokenRow as never);
  tokens.supersedeAll.mockResolvedValue(1);
  const outbox = mock(MailOutbox);
  outbox.queue.mockResolvedValue(undefined);
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  return { sut, users, tokens, outbox };
}

describe('EmailChangeService', () => {
  it.each([
    ['an invalid address', 'not-an-email', 'right', 'INVALID_EMAIL'],
    ['the current address in another case', 'MIRA@example.com', 'right', 'SAME_EMAIL'],
    ['a wrong password', 'new@example.com', 'wrong', 'WRONG_PASSWORD'],
  ])('refuses %s and mails nothing', async (_name, newEmail, password, code) => {
    const { sut, tokens, outbox } = setUp();
    await expect(sut.request(anActor(user.id), newEmail, password)).rejects.toMatchObject({ code });
    expect(tokens.issue).not.toHaveBeenCalled();
    expect(outbox.queue).not.toHaveBeenCalled();
  });

  it('refuses an address another account has', async () => {
    const { sut, users, outbox } = setUp();
    users.findByLogin.mockResolvedValue({ ...user, id: 'other' });
    await expect(sut.request(anActor(user.id), 'new@example.com', 'right')).rejects.toMatchObject({
      code: 'EMAIL_TAKEN',
    });
    expect(outbox.queue).not.toHaveBeenCalled();
  });

  it('mails the link to the new address and a notice to the old one, in one transaction', async () => {
    const { sut, tokens, outbox } = setUp();
    expect(await sut.request(anActor(user.id), ' new@example.com ', 'right')).toBe(true);
    expect(tokens.issue).toHaveBeenCalledWith(TEST_MANAGER, user.id, 'CHANGE_EMAIL', 'new@example.com');
    const mails = outbox.queue.mock.calls.map(([, mail]) => mail);
    expect(mails.map((m) => [m.to, m.kind])).toEqual([
      ['new@example.com', 'identity.confirm-new-email'],
      ['mira@example.com', 'identity.email-change-requested'],
    ]);
    expect(mails[0]!.text).toContain('/confirm-email?token=lbt_secret');
    expect(mails[1]!.text).not.toContain('lbt_secret');
  });

  it('confirms: the address changes (verified), older links stop, the old address is told', async () => {
    const { sut, users, tokens, outbox } = setUp();
    expect(await sut.confirm('lbt_x', undefined)).toMatchObject({ email: 'new@example.com', emailVerifiedAt: now });
    expect(users.changeEmail).toHaveBeenCalledWith(TEST_MANAGER, user.id, 'new@example.com', now);
    expect(tokens.supersedeAll).toHaveBeenCalledWith(TEST_MANAGER, user.id, [
      'VERIFY_EMAIL',
      'RESET_PASSWORD',
      'CHANGE_EMAIL',
    ]);
    expect(outbox.queue.mock.calls[0]![1]).toMatchObject({ to: user.email, kind: 'identity.email-changed' });
  });
});
