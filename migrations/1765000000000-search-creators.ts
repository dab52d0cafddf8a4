import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search, second step: creators as results, and the lookups that kept a 100k catalog slow.
 * - `search.creator`: one row per creator with published models, rebuilt from their documents whenever one of them
 *   is written (same transaction), so it is always their aggregate. Its tsvector is the handle and display name
 *   tokenised as the documents are (parts, and the joined form of a handle like `ink_maker` → `inkmaker`).
 * - A `text_pattern_ops` index on the lexicon: the last query word is checked as a prefix on every keystroke.
 * - Documents by owner, for the creator aggregate.
 * - A viewer's maturity setting: the highest level they want to see (new and signed-out viewers: SUGGESTIVE).
 */
export class SearchCreators1765000000000 implements MigrationInterface {
  name = 'SearchCreators1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE identity.user ADD COLUMN max_maturity text NOT NULL DEFAULT 'SUGGESTIVE'
        CHECK (max_maturity IN ('SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'))`);
    // What a creator is found by: the handle's parts, its joined form (`ink_maker` → `inkmaker`, what a query for
    // `ink_maker` or `inkmaker` becomes) and the display name.
    await db.query(`
      CREATE FUNCTION search.creator_text(handle text, name text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN handle || ' ' || regexp_replace(lower(handle), '[^a-z0-9]+', '', 'g') || ' ' || name`);
    await db.query(`CREATE INDEX lexicon_prefix_idx ON search.lexicon (word text_pattern_ops)`);
    await db.query(`CREATE INDEX model_document_owner_id_idx ON search.model_document (owner_id)`);
    await db.query(`
      CREATE TABLE search.creator (
        owner_id uuid PRIMARY KEY,
        handle text NOT NULL,
        name text NOT NULL,
        models integer NOT NULL CHECK (models > 0),
        downloads bigint NOT NULL,
        document tsvector NOT NULL
      )`);
    await db.query(`CREATE INDEX creator_fts_idx ON search.creator USING gin (document)`);
    await db.query(`
      INSERT INTO search.creator (owner_id, handle, name, models, downloads, document)
      SELECT owner_id, min(owner_handle), min(owner_name), count(*), sum(downloads),
             to_tsvector('simple', search.creator_text(min(owner_handle), min(owner_name)))
        FROM search.model_document GROUP BY owner_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE search.creator`);
    await db.query(`DROP FUNCTION search.creator_text(text, text)`);
    await db.query(`DROP INDEX search.model_document_owner_id_idx`);
    await db.query(`DROP INDEX search.lexicon_prefix_idx`);
    await db.query(`ALTER TABLE identity.user DROP COLUMN max_maturity`);
  }
}
