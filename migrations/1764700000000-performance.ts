import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose writes change what anonymous catalog readers see: each statement notifies the API's public cache. */
const PUBLIC_TABLES = [
  'catalog.base_model',
  'catalog.style_model',
  'catalog.model_version',
  'catalog.version_parent',
  'catalog.model_file',
  'catalog.sample_image',
  'catalog.sample_image_resource',
  'licensing.offer',
];

/**
 * The read path: identity's public profile as a view other domains may join in read queries (one statement for a
 * page of models with their owners); indexes for every public filter and sort; responsive thumbnails with heights
 * and a placeholder; and a notification on every public catalog write so anonymous read caches drop what changed.
 */
export class Performance1764700000000 implements MigrationInterface {
  name = 'Performance1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE VIEW identity.public_profile AS
        SELECT id, handle::text AS handle, display_name FROM identity."user";

      CREATE INDEX style_model_type_published_idx ON catalog.style_model (type, published_at DESC, id DESC)
        WHERE status = 'PUBLISHED';
      CREATE INDEX style_model_base_published_idx ON catalog.style_model (base_model_id, published_at DESC, id DESC)
        WHERE status = 'PUBLISHED';
      CREATE INDEX sample_image_thumbnails_idx ON catalog.sample_image USING gin (thumbnails jsonb_path_ops);
      CREATE INDEX sample_image_storage_key_idx ON catalog.sample_image (storage_key);

      ALTER TABLE catalog.sample_image ADD COLUMN placeholder text;
      UPDATE catalog.sample_image SET thumbnails = (
        SELECT coalesce(jsonb_agg(t || jsonb_build_object(
          'height', greatest(1, round((t ->> 'width')::numeric * height / width))::int)), '[]'::jsonb)
        FROM jsonb_array_elements(thumbnails) t);

      CREATE FUNCTION core.notify_public_catalog_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('public_catalog_changed', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
        RETURN NULL;
      END $$;
      CREATE TRIGGER public_catalog_changed AFTER UPDATE OF handle, display_name OR DELETE ON identity."user"
        FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change();
    `);
    for (const table of PUBLIC_TABLES) {
      await runner.query(
        `CREATE TRIGGER public_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION core.notify_public_catalog_change()`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [...PUBLIC_TABLES, 'identity."user"'])
      await runner.query(`DROP TRIGGER public_catalog_changed ON ${table}`);
    await runner.query(`
      DROP FUNCTION core.notify_public_catalog_change();
      UPDATE catalog.sample_image SET thumbnails = (
        SELECT coalesce(jsonb_agg(t - 'height'), '[]'::jsonb) FROM jsonb_array_elements(thumbnails) t);
      ALTER TABLE catalog.sample_image DROP COLUMN placeholder;
      DROP INDEX catalog.sample_image_storage_key_idx;
      DROP INDEX catalog.sample_image_thumbnails_idx;
      DROP INDEX catalog.style_model_base_published_idx;
      DROP INDEX catalog.style_model_type_published_idx;
      DROP VIEW identity.public_profile;
    `);
  }
}
