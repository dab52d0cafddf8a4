import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification delivery: a group key on each notification (storms read as one line: "Ada and 39 others liked Neon
 * Harbour"), per-kind preferences (in-app on or off, mail off / immediately / in the daily digest; a missing row means
 * the kind's default) and optional headers on outbox mail (List-Unsubscribe, RFC 8058).
 */
export class NotificationDelivery1765830000000 implements MigrationInterface {
  name = 'NotificationDelivery1765830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications.notification ADD COLUMN group_key text`);
    await db.query(`UPDATE notifications.notification SET group_key = id::text`);
    await db.query(`ALTER TABLE notifications.notification ALTER COLUMN group_key SET NOT NULL`);
    await db.query(
      `CREATE INDEX notification_group_idx ON notifications.notification (recipient_id, group_key, created_at DESC)`,
    );
    await db.query(`
      CREATE TABLE notifications.preference (
        user_id uuid NOT NULL REFERENCES identity."user" (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('FOLLOW', 'LIKE', 'REVIEW', 'REVIEW_REPLY', 'COMMENT', 'COMMENT_REPLY',
          'MENTION', 'SALE', 'REMIX_REQUEST', 'REMIX_DECISION', 'LICENSE_REVOKED', 'SAVED_SEARCH_MATCH',
          'COLLECTION_INVITE')),
        in_app boolean NOT NULL,
        email text NOT NULL CHECK (email IN ('OFF', 'IMMEDIATE', 'DIGEST')),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`);
    await db.query(`ALTER TABLE notifications.outbox_mail ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications.outbox_mail DROP COLUMN headers`);
    await db.query(`DROP TABLE notifications.preference`);
    await db.query(`DROP INDEX notifications.notification_group_idx`);
    await db.query(`ALTER TABLE notifications.notification DROP COLUMN group_key`);
  }
}
