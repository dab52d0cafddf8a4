import { Inject, Injectable } from '@nestjs/common';
import type { Actor, AppConfig, ClientInfo, ConnectionArgs, Page } from '@lookbook/core';
import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import type { RefreshTokenEntity } from './refresh-token.entity';
import type { SessionEntity } from './session.entity';
import type { UserEntity } from '../users/user.entity';
import { IdentityErrors } from '../identity.errors';
import { PasswordHasher } from '../users/password-hasher';
import { SessionRepository } from './session.repository';
import { randomToken, sha256, TokenSigner } from './token-signer';
import { UserRepository } from '../users/user.repository';

export interface IssuedSession {
  user: UserEntity;
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

const REFRESH_PREFIX = 'lbr_';
const DAY_MS = 86_400_000;

type RefreshOutcome =
  { ok: true; userId: string; sessionId: string; refreshToken: string; expiresAt: Date } | { ok: false; error: Error };

/**
 * Sessions are server-side rows, so they can be listed and revoked. A client holds a short-lived access token (JWS)
 * and a one-time refresh token; each refresh rotates it, and presenting an already-used refresh token is treated as
 * theft: the whole session is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly signer: TokenSigner,
    private readonly limiter: RateLimiter,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async signIn(login: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const perMinute = this.config.auth.rateLimitPerMinute;
    const normalized = login.trim().toLowerCase().slice(0, 254);
    await this.limiter.consume({ name: 'sign-in-ip', points: perMinute * 5, durationSeconds: 60 }, client.ip);
    await this.limiter.consume({ name: 'sign-in-login', points: perMinute, durationSeconds: 60 }, normalized);
    const user = normalized ? await this.users.findByLogin(normalized) : null;
    // Verified even when the account does not exist, so the answer takes as long either way.
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) throw IdentityErrors.invalidCredentials();
    return this.issue(user, client);
  }

  async issue(user: UserEntity, client: ClientInfo): Promise<IssuedSession> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlDays * DAY_MS);
    const session: SessionEntity = {
      id: newId(),
      userId: user.id,
      createdAt: now,
      lastUsedAt: now,
      expiresAt,
      revokedAt: null,
      revokeReason: null,
      userAgent: client.userAgent,
      ip: client.ip || null,
    };
    const refreshToken = `${REFRESH_PREFIX}${randomToken()}`;
    await this.sessions.create(session, this.refreshRow(session.id, refreshToken, now, expiresAt));
    return this.withAccessToken(user, session.id, refreshToken, expiresAt);
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    if (!refreshToken.startsWith(REFRESH_PREFIX) || refreshToken.length > 200)
      throw IdentityErrors.invalidRefreshToken();
    const now = this.clock.now();
    const outcome = await this.transactions.run<RefreshOutcome>(async (manager) => {
      const token = await this.sessions.findRefreshTokenForUpdate(manager, sha256(refreshToken));
      if (!token) return { ok: false, error: IdentityErrors.invalidRefreshToken() };
      const session = await this.sessions.findSessionForUpdate(manager, token.sessionId);
      if (!session || session.revokedAt) return { ok: false, error: IdentityErrors.sessionRevoked() };
      if (token.usedAt) {
        // Committed before we answer: whoever holds the newer token is signed out too.
        await this.sessions.revoke(session.id, 'refresh-token-reuse', now, { manager });
        return { ok: false, error: IdentityErrors.refreshTokenReused() };
      }
      if (token.expiresAt <= now || session.expiresAt <= now)
        return { ok: false, error: IdentityErrors.refreshTokenExpired() };
      const next = `${REFRESH_PREFIX}${randomToken()}`;
      const expiresAt = new Date(now.getTime() + this.config.auth.sessionTtlDays * DAY_MS);
      await this.sessions.rotate(manager, token, this.refreshRow(session.id, next, now, expiresAt), now);
      return { ok: true, userId: session.userId, sessionId: session.id, refreshToken: next, expiresAt };
    });
    if (!outcome.ok) throw outcome.error;
    const user = await this.users.findById(outcome.userId);
    if (!user) throw IdentityErrors.sessionRevoked();
    return this.withAccessToken(user, outcome.sessionId, outcome.refreshToken, outcome.expiresAt);
  }

  async signOut(actor: Actor): Promise<boolean> {
    if (!actor.sessionId) return false;
    return this.sessions.revoke(actor.sessionId, 'sign-out', this.clock.now(), { userId: actor.userId });
  }

  async revokeSession(actor: Actor, sessionId: string): Promise<boolean> {
    const revoked = await this.sessions.revoke(sessionId, 'revoked-by-user', this.clock.now(), {
      userId: actor.userId,
    });
    if (!revoked) throw IdentityErrors.sessionNotFound();
    return true;
  }

  revokeOtherSessions(actor: Actor, reason: string): Promise<number> {
    return this.sessions.revokeAllForUser(actor.userId, reason, this.clock.now(), actor.sessionId);
  }

  listSessions<T>(actor: Actor, args: ConnectionArgs, map: (s: SessionEntity) => T): Promise<Page<T>> {
    return this.sessions.listLiveForUser(actor.userId, this.clock.now(), args, map);
  }

  private async withAccessToken(
    user: UserEntity,
    sessionId: string,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<IssuedSession> {
    const access = await this.signer.signAccessToken({ userId: user.id, sessionId });
    return {
      user,
      sessionId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }

  private refreshRow(sessionId: string, token: string, now: Date, expiresAt: Date): RefreshTokenEntity {
    return { id: newId(), sessionId, tokenHash: sha256(token), createdAt: now, expiresAt, usedAt: null };
  }
}
