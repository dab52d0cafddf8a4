import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables and triggers every write path keeps search consistent through. */
const SYNCED_TABLES = ['catalog.style_model', 'catalog.model_version', 'catalog.model_file', 'licensing.offer'];

/**
 * Search (the PostgreSQL engine, the embedded default): one document per published model, a lexicon of indexed words
 * for per-word typo correction (pg_trgm), synonyms, and the outbox triggers.
 *
 * Consistency: a trigger on every table a document is built from enqueues `search.sync-model` (keyed per model, so a
 * burst of writes is one job) in the writing transaction. Triggers rather than calls in each service: no write path,
 * present or future, can forget. The relay re-reads the current state, so duplicates and reordering are harmless.
 */
export class Search1764900000000 implements MigrationInterface {
  name = 'Search1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE SCHEMA search`);
    await db.query(`
      CREATE TABLE search.model_document (
        model_id uuid PRIMARY KEY,
        name text NOT NULL,
        slug text NOT NULL,
        description text NOT NULL,
        owner_id uuid NOT NULL,
        owner_handle text NOT NULL,
        owner_name text NOT NULL,
        type text NOT NULL,
        base_model_id text NOT NULL,
        base_model_name text NOT NULL,
        tags text[] NOT NULL,
        trigger_words text[] NOT NULL,
        hashes text[] NOT NULL,
        maturity text NOT NULL,
        tiers text[] NOT NULL,
        free boolean NOT NULL,
        min_price_amount bigint,
        min_price_currency text,
        commercial_use boolean NOT NULL,
        derivatives_allowed boolean NOT NULL,
        credit_required boolean NOT NULL,
        published_at timestamptz NOT NULL,
        downloads bigint NOT NULL,
        trending double precision NOT NULL DEFAULT 0,
        words text[] NOT NULL,
        document tsvector NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX model_document_fts_idx ON search.model_document USING gin (document)`);
    await db.query(`CREATE INDEX model_document_tags_idx ON search.model_document USING gin (tags)`);
    await db.query(`CREATE INDEX model_document_hashes_idx ON search.model_document USING gin (hashes)`);
    // Trending reads a model's recent grants while building its document.
    await db.query(`CREATE INDEX grant_model_issued_idx ON licensing.grant (model_id, issued_at DESC)`);
    await db.query(`CREATE INDEX model_document_newest_idx ON search.model_document (published_at DESC, model_id)`);
    // Counts change by deltas in one INSERT … ON CONFLICT per batch (rows locked in word order). No CHECK (>= 0): it
    // would test the proposed row of a decrement before the conflict turns it into an update.
    await db.query(`
      CREATE TABLE search.lexicon (
        word text PRIMARY KEY,
        documents integer NOT NULL
      )`);
    await db.query(`CREATE INDEX lexicon_trgm_idx ON search.lexicon USING gin (word gin_trgm_ops)`);
    // Tags with their document counts: autocomplete and tag facet-value search without scanning documents.
    await db.query(`
      CREATE TABLE search.tag (
        tag text PRIMARY KEY,
        documents integer NOT NULL
      )`);
    await db.query(`CREATE INDEX tag_prefix_idx ON search.tag (tag text_pattern_ops) WHERE documents > 0`);
    await db.query(
      `CREATE INDEX model_document_owner_idx ON search.model_document (lower(owner_handle) text_pattern_ops)`,
    );
    await db.query(`CREATE INDEX model_document_name_idx ON search.model_document (lower(name) text_pattern_ops)`);
    await db.query(`
      CREATE TABLE search.synonym (
        term text NOT NULL CHECK (term ~ '^[a-z0-9]+$'),
        synonym text NOT NULL CHECK (synonym ~ '^[a-z0-9]+$'),
        PRIMARY KEY (term, synonym),
        CHECK (term <> synonym)
      )`);
    // Two-way: each pair is stored in both directions.
    await db.query(`
      INSERT INTO search.synonym (term, synonym)
      SELECT a, b FROM (VALUES
        ('sdxl', 'xl'), ('flux', 'flux1'), ('lora', 'lycoris'), ('lora', 'locon'), ('lycoris', 'locon'),
        ('checkpoint', 'ckpt'), ('embedding', 'textualinversion'), ('embedding', 'ti'), ('sd15', 'sd1'),
        ('workflow', 'wf'), ('anime', 'manga'), ('photo', 'photorealistic'), ('upscaler', 'upscale')
      ) AS pairs (a, b)
      UNION SELECT b, a FROM (VALUES
        ('sdxl', 'xl'), ('flux', 'flux1'), ('lora', 'lycoris'), ('lora', 'locon'), ('lycoris', 'locon'),
        ('checkpoint', 'ckpt'), ('embedding', 'textualinversion'), ('embedding', 'ti'), ('sd15', 'sd1'),
        ('workflow', 'wf'), ('anime', 'manga'), ('photo', 'photorealistic'), ('upscaler', 'upscale')
      ) AS pairs (a, b)`);

    await db.query(`
      CREATE FUNCTION search.enqueue_model_sync(model uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('search.sync-model', json_build_object('modelId', model),
          job_key => 'search-model:' || model);
      END $$`);
    await db.query(`
      CREATE FUNCTION search.model_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        model uuid;
      BEGIN
        IF TG_TABLE_NAME = 'style_model' THEN
          model := COALESCE(NEW.id, OLD.id);
        ELSIF TG_TABLE_NAME = 'model_version' THEN
          model := COALESCE(NEW.model_id, OLD.model_id);
        ELSE
          SELECT v.model_id INTO model FROM catalog.model_version v WHERE v.id = COALESCE(NEW.version_id, OLD.version_id);
        END IF;
        IF model IS NOT NULL THEN
          PERFORM search.enqueue_model_sync(model);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of SYNCED_TABLES) {
      const name = table.split('.')[1];
      await db.query(
        `CREATE TRIGGER ${name}_search_sync AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION search.model_changed()`,
      );
    }
    // A creator's handle or name is in every one of their documents.
    await db.query(`
      CREATE FUNCTION search.owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.handle IS DISTINCT FROM OLD.handle OR NEW.display_name IS DISTINCT FROM OLD.display_name THEN
          PERFORM search.enqueue_model_sync(m.id) FROM catalog.style_model m
           WHERE m.owner_id = NEW.id AND m.status = 'PUBLISHED';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(
      `CREATE TRIGGER user_search_sync AFTER UPDATE ON identity.user FOR EACH ROW EXECUTE FUNCTION search.owner_changed()`,
    );
    // An existing catalog (an upgrade) is indexed through the same outbox; a new database has no models yet (and
    // no job queue: graphile-worker installs its schema after our migrations).
    await db.query(`
      DO $$ BEGIN
        IF to_regnamespace('graphile_worker') IS NOT NULL THEN
          PERFORM search.enqueue_model_sync(id) FROM catalog.style_model WHERE status = 'PUBLISHED';
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER user_search_sync ON identity.user`);
    for (const table of SYNCED_TABLES) await db.query(`DROP TRIGGER ${table.split('.')[1]}_search_sync ON ${table}`);
    await db.query(`DROP INDEX licensing.grant_model_issued_idx`);
    await db.query(`DROP SCHEMA search CASCADE`);
  }
}
