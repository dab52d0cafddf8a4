import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import type { NotificationKind } from '@lookbook/core';
import { BLOCK_EXEMPT_KINDS, insertIfAbsent } from '@lookbook/core';
import { NotificationEntity } from './notification.entity';

/** The PostgreSQL channel the live bell listens on; the payload is the recipient's id. */
export const NOTIFY_CHANNEL = 'lookbook_notifications';

/** One line of the list: a group's newest notification, with how many share the group and how many are unread. */
export interface NotificationGroupRow {
  id: string;
  kind: NotificationKind;
  text: string;
  url: string;
  subjectKind: string | null;
  subjectId: string | null;
  actorId: string | null;
  actorName: string | null;
  actorHandle: string | null;
  createdAt: Date;
  count: number;
  unread: number;
}

/** A notification still unread at digest time, with where to mail it. */
export interface DigestRow {
  recipientId: string;
  email: string;
  kind: NotificationKind;
  text: string;
  url: string;
  groupKey: string;
  actorName: string | null;
  createdAt: Date;
}

/** Where a retention sweep's batch ended: the last notification it looked at. */
export interface RetentionCursor {
  at: Date;
  id: string;
}

export interface GroupPageQuery {
  unreadOnly: boolean;
  /** Kinds the recipient turned off in the bell. */
  hiddenKinds: readonly NotificationKind[];
  /** Groups older than this head (newest first), or from the top. */
  before: { at: Date; id: string } | null;
  limit: number;
}

interface GroupSqlRow {
  id: string;
  kind: NotificationKind;
  text: string;
  url: string;
  subject_kind: string | null;
  subject_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_handle: string | null;
  created_at: Date;
  count: number;
  unread: number;
}

/**
 * Hides a notification whose actor and recipient are apart by a block (either one blocked the other), at read time:
 * what was written before the block disappears from the bell, the list and the digest, and comes back if the block is
 * lifted. The same fragment as community's `visibleTo` (blocks are community's table; this domain does not import
 * community), kept small on purpose: both directions are primary-key / index lookups on `community.user_block`.
 */
function notBlocked(recipient: string, actor: string): string {
  return `NOT EXISTS (SELECT 1 FROM community.user_block b
                       WHERE (b.blocker_id = ${recipient} AND b.blocked_id = ${actor})
                          OR (b.blocker_id = ${actor} AND b.blocked_id = ${recipient}))`;
}

/** Kinds a block does not hide (see `BLOCK_EXEMPT_KINDS`); constant SQL, no parameter. */
const BLOCK_EXEMPT = `n.kind IN (${BLOCK_EXEMPT_KINDS.map((k) => `'${k}'`).join(', ')})`;

@Injectable()
export class NotificationRepository {
  constructor(@InjectRepository(NotificationEntity) private readonly rows: Repository<NotificationEntity>) {}

  /**
   * Writes the notification in the caller's transaction unless one with its dedupe key exists; returns whether it did.
   * A written one also signals the recipient's live bell (`pg_notify`, delivered only when the transaction commits).
   */
  async insertIfAbsent(manager: EntityManager, notification: NotificationEntity): Promise<boolean> {
    const written = await insertIfAbsent(manager.getRepository(NotificationEntity), notification);
    if (written) await this.signal(manager, notification.recipientId);
    return written;
  }

  /** Tells every API process's listener that this member's count changed (on commit of `manager`'s transaction). */
  async signal(manager: EntityManager, recipientId: string): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [NOTIFY_CHANNEL, recipientId]);
  }

  findByDedupeKey(dedupeKey: string): Promise<NotificationEntity | null> {
    return this.rows.findOneBy({ dedupeKey });
  }

  /** How many notifications share a group (the caller's transaction sees its own insert). */
  async groupSize(manager: EntityManager, recipientId: string, groupKey: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications.notification WHERE recipient_id = $1 AND group_key = $2`,
      [recipientId, groupKey],
    );
    return row!.n;
  }

  /**
   * A page of groups, newest first: one statement whatever the storm (a thousand likes of one model are one row with
   * count 1000). The head is the group's newest notification; its actor's name comes from the public profile.
   */
  async groups(recipientId: string, query: GroupPageQuery): Promise<NotificationGroupRow[]> {
    const rows = await this.rows.manager.query<GroupSqlRow[]>(
      `WITH g AS (
         SELECT n.group_key,
                count(*)::int AS count,
                (count(*) FILTER (WHERE n.read_at IS NULL))::int AS unread,
                max(n.created_at) AS latest_at,
                (array_agg(n.id ORDER BY n.created_at DESC, n.id DESC))[1] AS head_id
           FROM notifications.notification n
          WHERE n.recipient_id = $1 AND NOT (n.kind = ANY($2::text[]))
            AND (n.actor_id IS NULL OR ${BLOCK_EXEMPT} OR ${notBlocked('n.recipient_id', 'n.actor_id')})
          GROUP BY n.group_key
         HAVING NOT $3::boolean OR count(*) FILTER (WHERE n.read_at IS NULL) > 0)
       SELECT h.id, h.kind, h.text, h.url, h.subject_kind, h.subject_id, h.actor_id,
              p.display_name AS actor_name, p.handle AS actor_handle, g.latest_at AS created_at, g.count, g.unread
         FROM g
         JOIN notifications.notification h ON h.id = g.head_id
         LEFT JOIN identity.public_profile p ON p.id = h.actor_id
        WHERE $4::timestamptz IS NULL OR (g.latest_at, g.head_id) < ($4::timestamptz, $5::uuid)
        ORDER BY g.latest_at DESC, g.head_id DESC
        LIMIT $6`,
      [
        recipientId,
        query.hiddenKinds,
        query.unreadOnly,
        query.before?.at ?? null,
        query.before?.id ?? null,
        query.limit,
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      url: r.url,
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorHandle: r.actor_handle,
      createdAt: r.created_at,
      count: r.count,
      unread: r.unread,
    }));
  }

  /** Unread groups (what the bell shows), from the partial index of unread notifications; blocked actors' left out. */
  async unreadGroupCount(recipientId: string, hiddenKinds: readonly NotificationKind[]): Promise<number> {
    const [row] = await this.rows.manager.query<{ n: number }[]>(
      `SELECT count(DISTINCT n.group_key)::int AS n FROM notifications.notification n
        WHERE n.recipient_id = $1 AND n.read_at IS NULL AND NOT (n.kind = ANY($2::text[]))
          AND (n.actor_id IS NULL OR ${BLOCK_EXEMPT} OR ${notBlocked('n.recipient_id', 'n.actor_id')})`,
      [recipientId, hiddenKinds],
    );
    return row!.n;
  }

  /**
   * Marks read the groups the given notifications head (only the recipient's own; others' ids change nothing) and
   * signals the bell. Returns how many notifications changed.
   */
  async markGroupsRead(manager: EntityManager, recipientId: string, ids: readonly string[], at: Date): Promise<number> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE notifications.notification SET read_at = $3
        WHERE recipient_id = $1 AND read_at IS NULL
          AND group_key IN (SELECT group_key FROM notifications.notification WHERE recipient_id = $1 AND id = ANY($2::uuid[]))`,
      [recipientId, ids, at],
    );
    if (affected > 0) await this.signal(manager, recipientId);
    return affected;
  }

  async markAllRead(manager: EntityManager, recipientId: string, at: Date): Promise<number> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE notifications.notification SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL`,
      [recipientId, at],
    );
    if (affected > 0) await this.signal(manager, recipientId);
    return affected;
  }

  /**
   * One bounded batch of the retention sweep: the next `limit` notifications written before `readBefore`, oldest
   * first after `after`, of which those read, or written before `anyBefore`, are deleted. Returns how many went and
   * where the batch ended (null when nothing was left to look at), so the sweep walks on without rescanning rows it
   * kept (unread ones younger than `anyBefore`).
   */
  async deleteExpiredBatch(
    readBefore: Date,
    anyBefore: Date,
    after: RetentionCursor | null,
    limit: number,
  ): Promise<{ deleted: number; last: RetentionCursor | null }> {
    const [row] = await this.rows.manager.query<{ deleted: number; last_at: Date | null; last_id: string | null }[]>(
      `WITH batch AS (
         SELECT id, created_at, read_at FROM notifications.notification
          WHERE created_at < $1 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
          ORDER BY created_at, id
          LIMIT $5),
       gone AS (
         DELETE FROM notifications.notification n USING batch b
          WHERE n.id = b.id AND (b.read_at IS NOT NULL OR b.created_at < $2)
         RETURNING n.id),
       last AS (SELECT created_at, id FROM batch ORDER BY created_at DESC, id DESC LIMIT 1)
       SELECT (SELECT count(*) FROM gone)::int AS deleted, last.created_at AS last_at, last.id AS last_id
         FROM (SELECT 1) one LEFT JOIN last ON true`,
      [readBefore, anyBefore, after?.at ?? null, after?.id ?? null, limit],
    );
    return {
      deleted: row!.deleted,
      last: row!.last_at && row!.last_id ? { at: row!.last_at, id: row!.last_id } : null,
    };
  }

  /** Whether either of the two blocked the other (the notifier writes nothing between them). */
  async blockedBetween(manager: EntityManager, recipientId: string, actorId: string): Promise<boolean> {
    const [row] = await manager.query<{ blocked: boolean }[]>(
      `SELECT NOT ${notBlocked('$1::uuid', '$2::uuid')} AS blocked`,
      [recipientId, actorId],
    );
    return row!.blocked;
  }

  /** A member's public name (display name, else handle), or null for an unknown id. */
  async publicName(manager: EntityManager, userId: string): Promise<string | null> {
    const [row] = await manager.query<{ name: string }[]>(
      `SELECT coalesce(nullif(display_name, ''), handle)::text AS name FROM identity."user" WHERE id = $1`,
      [userId],
    );
    return row?.name ?? null;
  }

  /** The member's address if they verified it (unverified addresses get account mail only), else null. */
  async verifiedAddress(manager: EntityManager, userId: string): Promise<string | null> {
    const [row] = await manager.query<{ email: string }[]>(
      `SELECT email::text AS email FROM identity."user" WHERE id = $1 AND email_verified_at IS NOT NULL`,
      [userId],
    );
    return row?.email ?? null;
  }

  /** Notifications written in [from, to) still unread, of members with a verified address, oldest first. */
  async unreadBetween(from: Date, to: Date): Promise<DigestRow[]> {
    const rows = await this.rows.manager.query<
      {
        recipient_id: string;
        email: string;
        kind: NotificationKind;
        text: string;
        url: string;
        group_key: string;
        actor_name: string | null;
        created_at: Date;
      }[]
    >(
      `SELECT n.recipient_id, u.email::text AS email, n.kind, n.text, n.url, n.group_key, p.display_name AS actor_name,
              n.created_at
         FROM notifications.notification n
         JOIN identity."user" u ON u.id = n.recipient_id AND u.email_verified_at IS NOT NULL
         LEFT JOIN identity.public_profile p ON p.id = n.actor_id
        WHERE n.created_at >= $1 AND n.created_at < $2 AND n.read_at IS NULL
          AND (n.actor_id IS NULL OR ${BLOCK_EXEMPT} OR ${notBlocked('n.recipient_id', 'n.actor_id')})
        ORDER BY n.recipient_id, n.created_at, n.id`,
      [from, to],
    );
    return rows.map((r) => ({
      recipientId: r.recipient_id,
      email: r.email,
      kind: r.kind,
      text: r.text,
      url: r.url,
      groupKey: r.group_key,
      actorName: r.actor_name,
      createdAt: r.created_at,
    }));
  }
}
