import { Clock } from '@lookbook/core';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { AccountTokenEntity } from './account-token.entity';
import { AccountTokenRepository } from './account-token.repository';
import { hashAccountToken, TOKEN_LIFETIME_MS } from './account-token.rules';
import { AccountTokenService } from './account-token.service';

const now = new Date('2026-12-07T12:00:00.000Z');
const userId = '00000000-0000-4000-8000-000000000001';

function setUp(found: AccountTokenEntity | null = null) {
  const { sut, mock } = newTestService(AccountTokenService, [[Clock, new FakeClock(now)]]);
  const tokens = mock(AccountTokenRepository);
  tokens.issue.mockResolvedValue(undefined);
  tokens.findByHash.mockResolvedValue(found);
  tokens.findByHashForUpdate.mockResolvedValue(found);
  tokens.markUsed.mockResolvedValue(true);
  return { sut, tokens };
}

describe('AccountTokenService', () => {
  it.each(['VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'] as const)(
    'issues a %s token: stored as its hash, expiring after its lifetime, through the superseding insert',
    async (purpose) => {
      const { sut, tokens } = setUp();
      const issued = await sut.issue(TEST_MANAGER, userId, purpose, 'mira@example.com');
      const [manager, row] = tokens.issue.mock.calls[0]!;
      expect(manager).toBe(TEST_MANAGER);
      expect(row.tokenHash.equals(hashAccountToken(issued.token))).toBe(true);
      expect(row).toMatchObject({ userId, purpose, email: 'mira@example.com', usedAt: null, supersededAt: null });
      expect(row.expiresAt.getTime() - now.getTime()).toBe(TOKEN_LIFETIME_MS[purpose]);
    },
  );

  it('refuses a malformed token without a lookup', async () => {
    const { sut, tokens } = setUp();
    await expect(sut.check('nope', 'VERIFY_EMAIL')).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(sut.use(TEST_MANAGER, 'nope', 'VERIFY_EMAIL')).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    expect(tokens.findByHash).not.toHaveBeenCalled();
    expect(tokens.findByHashForUpdate).not.toHaveBeenCalled();
  });

  it('uses a live token once, under a row lock, and refuses a used one without marking it again', async () => {
    const { sut: issuer, tokens: issuing } = setUp();
    const { token } = await issuer.issue(TEST_MANAGER, userId, 'RESET_PASSWORD', 'mira@example.com');
    const row = issuing.issue.mock.calls[0]![1];

    const { sut, tokens } = setUp(row);
    expect(await sut.use(TEST_MANAGER, token, 'RESET_PASSWORD')).toMatchObject({ id: row.id, usedAt: now });
    expect(tokens.findByHashForUpdate).toHaveBeenCalledWith(TEST_MANAGER, row.tokenHash);
    expect(tokens.markUsed).toHaveBeenCalledWith(TEST_MANAGER, row.id, now);

    const used = setUp({ ...row, usedAt: now });
    await expect(used.sut.use(TEST_MANAGER, token, 'RESET_PASSWORD')).rejects.toMatchObject({ code: 'TOKEN_USED' });
    await expect(used.sut.check(token, 'RESET_PASSWORD')).rejects.toMatchObject({ code: 'TOKEN_USED' });
    expect(used.tokens.markUsed).not.toHaveBeenCalled();
  });
});
