import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';
import { sha256 } from './token-signer';

const DAY = 86_400_000;

describe('SessionRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let sessions: SessionRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([SessionEntity, RefreshTokenEntity]);
    sessions = new SessionRepository(bed.dataSource, bed.dataSource.getRepository(SessionEntity));
  });
  afterAll(() => bed.close());

  async function open(userId: string, change: Partial<SessionEntity> = {}) {
    const now = new Date();
    const session: SessionEntity = {
      id: randomUUID(),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + 30 * DAY),
      revokedAt: null,
      revokeReason: null,
      userAgent: 'test',
      ip: '203.0.113.9',
      ...change,
    };
    const token = `lbr_${randomUUID()}`;
    const refresh: RefreshTokenEntity = {
      id: randomUUID(),
      sessionId: session.id,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: session.expiresAt,
      usedAt: null,
    };
    await sessions.create(session, refresh);
    return { session, token, refresh };
  }

  it('finds a live session with the user’s current roles, and not a revoked or expired one', async () => {
    const user = await bed.seed.user({ roles: ['moderator'] });
    const { session } = await open(user.id);
    const now = new Date();
    expect(await sessions.findActive(session.id, now)).toEqual({
      sessionId: session.id,
      userId: user.id,
      roles: ['moderator'],
    });
    expect(await sessions.findActive(session.id, new Date(now.getTime() + 31 * DAY))).toBeNull();
    await sessions.revoke(session.id, 'sign-out', now);
    expect(await sessions.findActive(session.id, now)).toBeNull();
  });

  it('rotates a refresh token: the used one is marked, the new one stored, the session slides', async () => {
    const user = await bed.seed.user();
    const { session, refresh } = await open(user.id);
    const now = new Date(Date.now() + DAY);
    const next: RefreshTokenEntity = {
      ...refresh,
      id: randomUUID(),
      tokenHash: sha256('lbr_next'),
      expiresAt: new Date(now.getTime() + 30 * DAY),
    };
    await bed.dataSource.transaction(async (m) => {
      const found = await sessions.findRefreshTokenForUpdate(m, refresh.tokenHash);
      expect(found).toMatchObject({ id: refresh.id, usedAt: null });
      await sessions.rotate(m, found!, next, now);
    });
    const [used] = await bed.db.query<{ used_at: Date }>(`SELECT used_at FROM identity.refresh_token WHERE id = $1`, [
      refresh.id,
    ]);
    expect(used!.used_at).toEqual(now);
    expect(await bed.dataSource.transaction((m) => sessions.findSessionForUpdate(m, session.id))).toMatchObject({
      lastUsedAt: now,
      expiresAt: next.expiresAt,
    });
  });

  it('revokes only the owner’s session, once; and all others but the current one', async () => {
    const user = await bed.seed.user();
    const stranger = await bed.seed.user();
    const [a, b, c] = [await open(user.id), await open(user.id), await open(user.id)];
    expect(await sessions.revoke(a.session.id, 'revoked-by-user', new Date(), { userId: stranger.id })).toBe(false);
    expect(await sessions.revoke(a.session.id, 'revoked-by-user', new Date(), { userId: user.id })).toBe(true);
    expect(await sessions.revoke(a.session.id, 'revoked-by-user', new Date(), { userId: user.id })).toBe(false);
    expect(await sessions.revokeAllForUser(user.id, 'password-changed', new Date(), c.session.id)).toBe(1);
    const live = await sessions.listLiveForUser(user.id, new Date(), {}, (s) => s.id);
    expect(live.nodes).toEqual([c.session.id]);
    expect(b.session.id).not.toBe(c.session.id);
  });

  it('deletes sessions past their expiry together with their refresh tokens', async () => {
    const user = await bed.seed.user();
    const old = await open(user.id, {
      createdAt: new Date(Date.now() - 40 * DAY),
      expiresAt: new Date(Date.now() - 10 * DAY),
    });
    const live = await open(user.id);
    expect(await sessions.deleteExpired(new Date(Date.now() - DAY))).toBeGreaterThanOrEqual(1);
    const left = await bed.db.query<{ session_id: string }>(
      `SELECT session_id FROM identity.refresh_token WHERE session_id = ANY($1::uuid[])`,
      [[old.session.id, live.session.id]],
    );
    expect(left.map((r) => r.session_id)).toEqual([live.session.id]);
  });
});
