import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Template sample images (`templates.version_image`), and workflow templates in search: a second `kind` of document in the same table, so one query returns models and
 * templates ranked together and `kind` is a facet. A template has no model type; its base model is the one its
 * resolved dependencies mostly use (or none), so those columns become nullable.
 *
 * Autocomplete gets the indexes it needs at 100k (34 ms → under 2 ms for a common prefix; 150 ms → 0.4 ms for a
 * creator prefix).
 *
 * Every published model is re-synced too: its document no longer indexes the slug's joined form.
 *
 * Consistency as for models: triggers on the template tables (and on template offers) enqueue
 * `search.sync-template` (keyed per template) in the writing transaction; a creator's rename re-syncs their
 * templates too.
 */
export class TemplateSearch1765300000000 implements MigrationInterface {
  name = 'TemplateSearch1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search.model_document
        ADD COLUMN kind text NOT NULL DEFAULT 'MODEL' CHECK (kind IN ('MODEL', 'TEMPLATE')),
        ALTER COLUMN type DROP NOT NULL,
        ALTER COLUMN base_model_id DROP NOT NULL,
        ALTER COLUMN base_model_name DROP NOT NULL`);
    // Documents read a template's published versions.
    await db.query(`CREATE INDEX template_version_template_idx ON templates.template_version (template_id)`);
    // A template version's sample images (the image a workflow was imported from is its first): the catalog's
    // pipeline (metadata stripped, WebP thumbnails, BlurHash), keyed in the `templates` media namespace.
    await db.query(`
      CREATE TABLE templates.version_image (
        id uuid PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES templates.template_version (id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        byte_size bigint NOT NULL CHECK (byte_size > 0),
        storage_key text NOT NULL,
        thumbnails jsonb NOT NULL,
        placeholder text,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX version_image_version_idx ON templates.version_image (version_id, created_at)`);
    await db.query(`ALTER TABLE search.creator ADD COLUMN templates integer NOT NULL DEFAULT 0`);
    // Autocomplete: the most downloaded names with a prefix without sorting every match; creators by handle prefix.
    await db.query(`CREATE INDEX model_document_downloads_idx ON search.model_document (downloads DESC, name)`);
    await db.query(`CREATE INDEX creator_handle_idx ON search.creator (lower(handle) text_pattern_ops)`);
    await db.query(`ALTER TABLE search.creator DROP CONSTRAINT creator_models_check`);
    await db.query(`ALTER TABLE search.creator ADD CONSTRAINT creator_has_documents CHECK (models + templates > 0)`);

    await db.query(`
      CREATE FUNCTION search.enqueue_template_sync(template uuid) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('search.sync-template', json_build_object('templateId', template),
          job_key => 'search-template:' || template);
      END $$`);
    await db.query(`
      CREATE FUNCTION search.template_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        template uuid;
      BEGIN
        IF TG_TABLE_NAME = 'template' THEN
          template := COALESCE(NEW.id, OLD.id);
        ELSIF TG_TABLE_NAME = 'template_version' THEN
          template := COALESCE(NEW.template_id, OLD.template_id);
        ELSIF COALESCE(NEW.subject_kind, OLD.subject_kind) = 'TEMPLATE' THEN
          SELECT v.template_id INTO template FROM templates.template_version v
           WHERE v.id = COALESCE(NEW.version_id, OLD.version_id);
        END IF;
        IF template IS NOT NULL THEN
          PERFORM search.enqueue_template_sync(template);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['templates.template', 'templates.template_version', 'licensing.offer'])
      await db.query(
        `CREATE TRIGGER ${table.split('.')[1]}_template_search_sync AFTER INSERT OR UPDATE OR DELETE ON ${table}
         FOR EACH ROW EXECUTE FUNCTION search.template_changed()`,
      );
    // A creator's handle or name is in every one of their documents, templates included.
    await db.query(`
      CREATE OR REPLACE FUNCTION search.owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.handle IS DISTINCT FROM OLD.handle OR NEW.display_name IS DISTINCT FROM OLD.display_name THEN
          PERFORM search.enqueue_model_sync(m.id) FROM catalog.style_model m
           WHERE m.owner_id = NEW.id AND m.status = 'PUBLISHED';
          PERFORM search.enqueue_template_sync(t.id) FROM templates.template t
           WHERE t.owner_id = NEW.id AND t.status = 'PUBLISHED';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      DO $$ BEGIN
        IF to_regnamespace('graphile_worker') IS NOT NULL THEN
          PERFORM search.enqueue_template_sync(id) FROM templates.template WHERE status = 'PUBLISHED';
          -- Documents no longer index a slug's joined form (see the engine's toRow): rewrite every model's.
          PERFORM search.enqueue_model_sync(id) FROM catalog.style_model WHERE status = 'PUBLISHED';
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['templates.template', 'templates.template_version', 'licensing.offer'])
      await db.query(`DROP TRIGGER ${table.split('.')[1]}_template_search_sync ON ${table}`);
    await db.query(`
      CREATE OR REPLACE FUNCTION search.owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.handle IS DISTINCT FROM OLD.handle OR NEW.display_name IS DISTINCT FROM OLD.display_name THEN
          PERFORM search.enqueue_model_sync(m.id) FROM catalog.style_model m
           WHERE m.owner_id = NEW.id AND m.status = 'PUBLISHED';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`DROP FUNCTION search.template_changed()`);
    await db.query(`DROP TABLE templates.version_image`);
    await db.query(`DROP INDEX templates.template_version_template_idx`);
    await db.query(`DROP FUNCTION search.enqueue_template_sync(uuid)`);
    await db.query(`DELETE FROM search.model_document WHERE kind = 'TEMPLATE'`);
    await db.query(`DELETE FROM search.creator WHERE models = 0`);
    await db.query(`ALTER TABLE search.creator DROP CONSTRAINT creator_has_documents`);
    await db.query(`ALTER TABLE search.creator ADD CONSTRAINT creator_models_check CHECK (models > 0)`);
    await db.query(`DROP INDEX search.creator_handle_idx`);
    await db.query(`DROP INDEX search.model_document_downloads_idx`);
    await db.query(`ALTER TABLE search.creator DROP COLUMN templates`);
    await db.query(`
      ALTER TABLE search.model_document
        ALTER COLUMN type SET NOT NULL,
        ALTER COLUMN base_model_id SET NOT NULL,
        ALTER COLUMN base_model_name SET NOT NULL,
        DROP COLUMN kind`);
  }
}
