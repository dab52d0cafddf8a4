import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import type { AccountTokenEntity } from './account-token.entity';
import { AccountTokenRepository } from './account-token.repository';
import type { AccountTokenPurpose } from './account-token.rules';
import {
  hashAccountToken,
  looksLikeAccountToken,
  newAccountToken,
  TOKEN_LIFETIME_MS,
  tokenProblem,
} from './account-token.rules';

export interface IssuedAccountToken {
  /** Goes into the mailed link; never stored. */
  token: string;
  row: AccountTokenEntity;
}

/** One-time account tokens: issued into a transaction (superseding older ones), checked, and used once. */
@Injectable()
export class AccountTokenService {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly clock: Clock,
  ) {}

  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    email: string,
  ): Promise<IssuedAccountToken> {
    const now = this.clock.now();
    const { token, hash } = newAccountToken();
    const row: AccountTokenEntity = {
      id: newId(),
      userId,
      purpose,
      tokenHash: hash,
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      usedAt: null,
      supersededAt: null,
    };
    await this.tokens.issue(manager, row);
    return { token, row };
  }

  /** Checks a presented token without using it (so a request that fails later leaves the link working). */
  async check(presented: string, purpose: AccountTokenPurpose, actorUserId?: string): Promise<AccountTokenEntity> {
    const row = looksLikeAccountToken(presented) ? await this.tokens.findByHash(hashAccountToken(presented)) : null;
    const problem = tokenProblem(row, { purpose, now: this.clock.now(), actorUserId });
    if (problem) throw problem;
    return row!;
  }

  /** Uses a token inside the caller's transaction: locked, checked again, marked used. */
  async use(
    manager: EntityManager,
    presented: string,
    purpose: AccountTokenPurpose,
    actorUserId?: string,
  ): Promise<AccountTokenEntity> {
    const now = this.clock.now();
    const row = looksLikeAccountToken(presented)
      ? await this.tokens.findByHashForUpdate(manager, hashAccountToken(presented))
      : null;
    const problem = tokenProblem(row, { purpose, now, actorUserId });
    if (problem) throw problem;
    await this.tokens.markUsed(manager, row!.id, now);
    return { ...row!, usedAt: now };
  }

  supersedeAll(manager: EntityManager, userId: string, purposes: readonly AccountTokenPurpose[]): Promise<number> {
    return this.tokens.supersedeAll(manager, userId, purposes, this.clock.now());
  }
}
