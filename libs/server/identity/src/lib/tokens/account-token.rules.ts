import { createHash, randomBytes } from 'node:crypto';
import type { DomainError } from '@lookbook/kernel';
import { IdentityErrors } from '../identity.errors';

export const ACCOUNT_TOKEN_PURPOSES = ['VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

const MINUTE = 60_000;
/** How long a mailed link works: a reset is short-lived (it takes over an account), a verification lasts a day. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  RESET_PASSWORD: 30 * MINUTE,
  VERIFY_EMAIL: 24 * 60 * MINUTE,
  CHANGE_EMAIL: 60 * MINUTE,
};

const PREFIX = 'lbt_';
/** `lbt_` + 32 random bytes (256 bits) in base64url. */
const SHAPE = /^lbt_[A-Za-z0-9_-]{43}$/;

/** A new token: what goes in the link, and the hash that is stored. */
export function newAccountToken(): { token: string; hash: Buffer } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashAccountToken(token) };
}

export const hashAccountToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Whether a presented string can be a token at all (anything else is refused before a lookup). */
export const looksLikeAccountToken = (presented: string): boolean => SHAPE.test(presented);

export interface TokenState {
  userId: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  usedAt: Date | null;
  supersededAt: Date | null;
}

export interface TokenUse {
  purpose: AccountTokenPurpose;
  now: Date;
  /** The signed-in user following the link, if any: a link for another account is refused. */
  actorUserId?: string;
}

/**
 * Why a token cannot be used, or null when it can. The order matters: a token for another purpose or another account
 * says so before anything about its state; a used token says "used" even once it has also expired.
 */
export function tokenProblem(token: TokenState | null, use: TokenUse): DomainError | null {
  if (!token) return IdentityErrors.tokenInvalid();
  if (token.purpose !== use.purpose) return IdentityErrors.tokenWrongPurpose();
  if (use.actorUserId !== undefined && use.actorUserId !== token.userId) return IdentityErrors.tokenOtherAccount();
  if (token.usedAt) return IdentityErrors.tokenUsed();
  if (token.supersededAt) return IdentityErrors.tokenSuperseded();
  if (token.expiresAt.getTime() <= use.now.getTime()) return IdentityErrors.tokenExpired();
  return null;
}
