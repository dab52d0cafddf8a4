import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications: one row per notification, written in the transaction of its cause and unique by its dedupe
 * key (a retried cause notifies once). Read newest first per recipient; unread ones are counted from a partial index.
 */
export class Notifications1765800000000 implements MigrationInterface {
  name = 'Notifications1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications.notification (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES identity."user" (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('FOLLOW', 'LIKE', 'REVIEW', 'REVIEW_REPLY', 'COMMENT', 'COMMENT_REPLY',
          'MENTION', 'SALE', 'REMIX_REQUEST', 'REMIX_DECISION', 'LICENSE_REVOKED', 'SAVED_SEARCH_MATCH',
          'COLLECTION_INVITE')),
        actor_id uuid REFERENCES identity."user" (id) ON DELETE SET NULL,
        subject_kind text,
        subject_id uuid,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
        url text NOT NULL CHECK (url LIKE '/%'),
        dedupe_key text NOT NULL CONSTRAINT notification_dedupe_key_key UNIQUE,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT notification_not_self CHECK (actor_id IS NULL OR actor_id <> recipient_id)
      )`);
    await db.query(
      `CREATE INDEX notification_recipient_idx ON notifications.notification (recipient_id, created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX notification_unread_idx ON notifications.notification (recipient_id) WHERE read_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications.notification`);
  }
}
