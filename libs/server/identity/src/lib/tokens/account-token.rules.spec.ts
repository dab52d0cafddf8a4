import type { TokenState } from './account-token.rules';
import {
  ACCOUNT_TOKEN_PURPOSES,
  hashAccountToken,
  looksLikeAccountToken,
  newAccountToken,
  TOKEN_LIFETIME_MS,
  tokenProblem,
} from './account-token.rules';

const now = new Date('2026-12-07T12:00:00.000Z');
const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const live = (over: Partial<TokenState> = {}): TokenState => ({
  userId: owner,
  purpose: 'RESET_PASSWORD',
  expiresAt: new Date(now.getTime() + 60_000),
  usedAt: null,
  supersededAt: null,
  ...over,
});
const codeOf = (token: TokenState | null, use: Partial<Parameters<typeof tokenProblem>[1]> = {}) =>
  tokenProblem(token, { purpose: 'RESET_PASSWORD', now, ...use })?.code ?? null;

describe('account tokens', () => {
  it('are 256 random bits behind a prefix, never repeated, stored only as their SHA-256', () => {
    const made = Array.from({ length: 200 }, () => newAccountToken());
    expect(new Set(made.map((m) => m.token)).size).toBe(200);
    for (const { token, hash } of made.slice(0, 20)) {
      expect(token).toMatch(/^lbt_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
      expect(hash).toHaveLength(32);
      expect(hash.equals(hashAccountToken(token))).toBe(true);
      expect(hash.toString('hex')).not.toContain(token.slice(4, 20));
      expect(looksLikeAccountToken(token)).toBe(true);
    }
  });

  it.each([
    '',
    'lbt_',
    'lbt_short',
    `lbr_${'A'.repeat(43)}`,
    `lbt_${'A'.repeat(44)}`,
    `lbt_${'A'.repeat(42)}=`,
    ` lbt_${'A'.repeat(43)}`,
  ])('does not look up %j (not a token shape)', (presented) => expect(looksLikeAccountToken(presented)).toBe(false));

  it('give a reset link minutes, a verification a day, a change of address an hour', () => {
    expect(TOKEN_LIFETIME_MS.RESET_PASSWORD).toBeLessThanOrEqual(30 * 60_000);
    expect(TOKEN_LIFETIME_MS.VERIFY_EMAIL).toBe(24 * 3600_000);
    expect(TOKEN_LIFETIME_MS.CHANGE_EMAIL).toBe(3600_000);
    expect(Object.keys(TOKEN_LIFETIME_MS).sort()).toEqual([...ACCOUNT_TOKEN_PURPOSES].sort());
  });

  it('accept a live token for its purpose, by anyone or by its own account', () => {
    expect(codeOf(live())).toBeNull();
    expect(codeOf(live(), { actorUserId: owner })).toBeNull();
    for (const purpose of ACCOUNT_TOKEN_PURPOSES) expect(codeOf(live({ purpose }), { purpose })).toBeNull();
  });

  it.each([
    ['unknown', null, {}, 'TOKEN_INVALID'],
    ['for another purpose', live({ purpose: 'VERIFY_EMAIL' }), {}, 'TOKEN_WRONG_PURPOSE'],
    ['of another account', live(), { actorUserId: stranger }, 'TOKEN_OTHER_ACCOUNT'],
    ['used', live({ usedAt: new Date(now.getTime() - 1) }), {}, 'TOKEN_USED'],
    ['superseded', live({ supersededAt: new Date(now.getTime() - 1) }), {}, 'TOKEN_SUPERSEDED'],
    ['expired this instant', live({ expiresAt: now }), {}, 'TOKEN_EXPIRED'],
    ['long expired', live({ expiresAt: new Date(0) }), {}, 'TOKEN_EXPIRED'],
    // Precedence: the purpose and the account speak first; "used" wins over "expired" and "superseded".
    [
      'used, expired and for another purpose',
      live({ usedAt: now, expiresAt: new Date(0), purpose: 'CHANGE_EMAIL' }),
      {},
      'TOKEN_WRONG_PURPOSE',
    ],
    [
      'used and expired, of another account',
      live({ usedAt: now, expiresAt: new Date(0) }),
      { actorUserId: stranger },
      'TOKEN_OTHER_ACCOUNT',
    ],
    ['used and expired', live({ usedAt: now, expiresAt: new Date(0) }), {}, 'TOKEN_USED'],
    ['superseded and expired', live({ supersededAt: now, expiresAt: new Date(0) }), {}, 'TOKEN_SUPERSEDED'],
  ] as const)('refuse a token that is %s', (_name, token, use, code) => {
    expect(codeOf(token, use)).toBe(code);
  });
});
