import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collections (docs/architecture/community.md#collections).
 *
 * - `community.collection`: a member's titled, public or private list; `item_count` is kept in the transaction that
 *   adds or removes an item (the collection row is locked by every item write anyway, so it costs no extra hot row);
 *   `cover_item_id` is a chosen item, else the cover is the first item with an image.
 * - `community.collection_item`: one row per (collection, kind, item), all NOT NULL so the unique key holds (nullable
 *   per-kind columns would let duplicates through). `position` is a gapped integer key: an append takes the last
 *   position + 1024, a move takes the midpoint of its new neighbours, and only when two neighbours are adjacent is the
 *   one collection renumbered.
 * - `community.collection_member`: invited and active editors.
 * - `community.collection_follow`: who follows a collection; the count is the sharded `community.counter`
 *   (subject kind COLLECTION, metric FOLLOWERS), bumped in the follow's transaction. Kept apart from `community.follow`,
 *   whose rows are members and IPs the following feed reads.
 */
export class Collections1765840000000 implements MigrationInterface {
  name = 'Collections1765840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE community.collection (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES identity.user (id),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
        cover_item_id uuid,
        item_count integer NOT NULL DEFAULT 0 CHECK (item_count >= 0),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX collection_owner_idx ON community.collection (owner_id, updated_at DESC);
      CREATE INDEX collection_public_idx ON community.collection (updated_at DESC) WHERE visibility = 'PUBLIC';

      CREATE TABLE community.collection_item (
        id uuid PRIMARY KEY,
        collection_id uuid NOT NULL REFERENCES community.collection (id) ON DELETE CASCADE,
        item_kind text NOT NULL CHECK (item_kind IN ('MODEL', 'TEMPLATE', 'IMAGE')),
        item_id uuid NOT NULL,
        position bigint NOT NULL,
        note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
        added_by uuid NOT NULL REFERENCES identity.user (id),
        created_at timestamptz NOT NULL,
        UNIQUE (collection_id, item_kind, item_id)
      );
      CREATE INDEX collection_item_order_idx ON community.collection_item (collection_id, position, id);
      CREATE INDEX collection_item_subject_idx ON community.collection_item (item_kind, item_id);

      CREATE TABLE community.collection_member (
        collection_id uuid NOT NULL REFERENCES community.collection (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES identity.user (id),
        status text NOT NULL CHECK (status IN ('INVITED', 'ACTIVE')),
        invited_by uuid NOT NULL REFERENCES identity.user (id),
        created_at timestamptz NOT NULL,
        accepted_at timestamptz,
        PRIMARY KEY (collection_id, user_id)
      );
      CREATE INDEX collection_member_user_idx ON community.collection_member (user_id, status);

      CREATE TABLE community.collection_follow (
        user_id uuid NOT NULL REFERENCES identity.user (id),
        collection_id uuid NOT NULL REFERENCES community.collection (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, collection_id)
      );
      CREATE INDEX collection_follow_collection_idx ON community.collection_follow (collection_id);

      ALTER TABLE community.counter DROP CONSTRAINT counter_subject_kind_check,
        ADD CONSTRAINT counter_subject_kind_check
          CHECK (subject_kind IN ('USER', 'IP', 'MODEL', 'TEMPLATE', 'IMAGE', 'COLLECTION'));
    `);
    // Public collection pages are anonymous reads: a change drops the anonymous response cache (Performance1764700000000).
    for (const table of ['collection', 'collection_item', 'collection_member', 'collection_follow']) {
      await db.query(
        `CREATE TRIGGER public_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON community.${table}
           FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change()`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM community.counter WHERE subject_kind = 'COLLECTION';
      ALTER TABLE community.counter DROP CONSTRAINT counter_subject_kind_check,
        ADD CONSTRAINT counter_subject_kind_check CHECK (subject_kind IN ('USER', 'IP', 'MODEL', 'TEMPLATE', 'IMAGE'));
      DROP TABLE community.collection_follow;
      DROP TABLE community.collection_member;
      DROP TABLE community.collection_item;
      DROP TABLE community.collection;
    `);
  }
}
