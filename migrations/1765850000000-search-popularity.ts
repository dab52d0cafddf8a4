import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community counts in the search documents, so cards read likes, downloads and rating from the search hit (no
 * statement of their own) and "Most liked", "Top rated" and "Trending" sort on indexed columns.
 *
 * - `search.model_document` gains `likes`, `rating_sum`, `rating_count` and `rating_rank` (the damped mean "Top
 *   rated" orders by), with an index per new sort.
 * - `search.stale_count`: the subjects whose likes, downloads or ratings changed since the index last read them. A
 *   trigger on `community.counter` adds the subject (a no-op when it is already there: a burst of likes is one row),
 *   and the `search.flush-counts` schedule drains the set every minute into batched syncs — never one sync per like.
 * - `community."like"` gains an index on (subject, time) and one on time: the trending score of a subject and the
 *   subjects liked within the trending window read them.
 */
export class SearchPopularity1765850000000 implements MigrationInterface {
  name = 'SearchPopularity1765850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search.model_document
        ADD COLUMN likes bigint NOT NULL DEFAULT 0,
        ADD COLUMN rating_sum bigint NOT NULL DEFAULT 0,
        ADD COLUMN rating_count bigint NOT NULL DEFAULT 0,
        ADD COLUMN rating_rank float8 NOT NULL DEFAULT 0;
      CREATE INDEX model_document_likes_idx ON search.model_document (likes DESC, published_at DESC, model_id);
      CREATE INDEX model_document_rating_idx ON search.model_document (rating_rank DESC, rating_count DESC, model_id);
      CREATE INDEX model_document_trending_idx ON search.model_document (trending DESC, downloads DESC, model_id);

      CREATE INDEX like_subject_time_idx ON community."like" (subject_kind, subject_id, created_at);
      CREATE INDEX like_time_idx ON community."like" (created_at);

      CREATE TABLE search.stale_count (
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE')),
        subject_id uuid NOT NULL,
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_kind, subject_id)
      );

      CREATE FUNCTION search.count_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO search.stale_count (subject_kind, subject_id) VALUES (NEW.subject_kind, NEW.subject_id)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER counter_search_stale AFTER INSERT OR UPDATE ON community.counter
        FOR EACH ROW WHEN (NEW.subject_kind IN ('MODEL', 'TEMPLATE')
                           AND NEW.metric IN ('LIKES', 'DOWNLOADS', 'RATING_SUM', 'RATING_COUNT'))
        EXECUTE FUNCTION search.count_changed();

      -- Documents indexed before this migration read their counts at the first flush.
      INSERT INTO search.stale_count (subject_kind, subject_id)
        SELECT DISTINCT subject_kind, subject_id FROM community.counter
         WHERE subject_kind IN ('MODEL', 'TEMPLATE') AND metric IN ('LIKES', 'DOWNLOADS', 'RATING_SUM', 'RATING_COUNT');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER counter_search_stale ON community.counter;
      DROP FUNCTION search.count_changed();
      DROP TABLE search.stale_count;
      DROP INDEX community.like_time_idx;
      DROP INDEX community.like_subject_time_idx;
      DROP INDEX search.model_document_trending_idx;
      DROP INDEX search.model_document_rating_idx;
      DROP INDEX search.model_document_likes_idx;
      ALTER TABLE search.model_document DROP COLUMN likes, DROP COLUMN rating_sum, DROP COLUMN rating_count,
        DROP COLUMN rating_rank;
    `);
  }
}
