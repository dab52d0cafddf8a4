import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, IsNull, LessThan, Repository } from 'typeorm';
import type { ConnectionArgs, Page, Role } from '@lookbook/core';
import { paginateNewestFirst } from '@lookbook/core';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  roles: Role[];
}

@Injectable()
export class SessionRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async create(session: SessionEntity, refresh: RefreshTokenEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(SessionEntity, session);
      await manager.insert(RefreshTokenEntity, refresh);
    });
  }

  /** The one query behind every authenticated request: the session must be live, and roles come fresh from the user. */
  async findActive(sessionId: string, now: Date): Promise<ActiveSession | null> {
    const rows = await this.dataSource.query<ActiveSession[]>(
      `SELECT s.id AS "sessionId", s.user_id AS "userId", u.roles AS roles
         FROM identity.session s JOIN identity.user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [sessionId, now],
    );
    return rows[0] ?? null;
  }

  /** Locks the refresh token row so two concurrent refreshes with one token cannot both rotate it. */
  findRefreshTokenForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<RefreshTokenEntity | null> {
    return manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  findSessionForUpdate(manager: EntityManager, sessionId: string): Promise<SessionEntity | null> {
    return manager
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :sessionId', { sessionId })
      .getOne();
  }

  async rotate(manager: EntityManager, used: RefreshTokenEntity, next: RefreshTokenEntity, now: Date): Promise<void> {
    await manager.update(RefreshTokenEntity, { id: used.id }, { usedAt: now });
    await manager.insert(RefreshTokenEntity, next);
    // Sliding expiry: an active session stays alive as long as it keeps refreshing.
    await manager.update(SessionEntity, { id: used.sessionId }, { lastUsedAt: now, expiresAt: next.expiresAt });
  }

  async revoke(
    sessionId: string,
    reason: string,
    now: Date,
    options: { userId?: string; manager?: EntityManager } = {},
  ): Promise<boolean> {
    const repo = options.manager?.getRepository(SessionEntity) ?? this.sessions;
    const result = await repo.update(
      { id: sessionId, revokedAt: IsNull(), ...(options.userId ? { userId: options.userId } : {}) },
      { revokedAt: now, revokeReason: reason },
    );
    return (result.affected ?? 0) > 0;
  }

  async revokeAllForUser(
    userId: string,
    reason: string,
    now: Date,
    exceptSessionId?: string,
    manager?: EntityManager,
  ): Promise<number> {
    const qb = (manager?.getRepository(SessionEntity) ?? this.sessions)
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now, revokeReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
    return (await qb.execute()).affected ?? 0;
  }

  listLiveForUser<T>(userId: string, now: Date, args: ConnectionArgs, map: (s: SessionEntity) => T): Promise<Page<T>> {
    const qb = this.sessions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > :now', { userId, now });
    return paginateNewestFirst(qb, args, 'createdAt', map);
  }

  /** Housekeeping: sessions past expiry (their refresh tokens cascade), revoked ones after a grace period. */
  async deleteExpired(expiredBefore: Date): Promise<number> {
    const expired = await this.sessions.delete({ expiresAt: LessThan(expiredBefore) });
    const revoked = await this.sessions.delete({ revokedAt: LessThan(expiredBefore) });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
  }
}
