import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved searches with alerts.
 *
 * - `search.saved_search`: a member's search (its normalised request: query, filters, exclusions, sort) with a name.
 *   One row per (member, request): saving the same search twice is the same row. `after_activity_id` is the newest
 *   `community.activity` id when it was saved: only what is published later can alert on it.
 * - `search.saved_search_cursor`: one row, the last `community.activity` id the alert job has matched. The job reads
 *   the next batch after it, notifies and moves it in one transaction, so a replayed job changes nothing.
 */
export class SavedSearches1765851000000 implements MigrationInterface {
  name = 'SavedSearches1765851000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE search.saved_search (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.user (id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
        request jsonb NOT NULL,
        request_hash text NOT NULL,
        after_activity_id bigint NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (user_id, request_hash)
      );
      CREATE INDEX saved_search_user_idx ON search.saved_search (user_id, created_at DESC, id);

      CREATE TABLE search.saved_search_cursor (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        activity_id bigint NOT NULL
      );
      INSERT INTO search.saved_search_cursor (id, activity_id)
        SELECT 1, COALESCE(max(id), 0) FROM community.activity;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE search.saved_search_cursor; DROP TABLE search.saved_search;`);
  }
}
