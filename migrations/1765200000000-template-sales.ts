import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates are sold like models: a licence offer (and the grant it issues) names a *subject* — a catalog model
 * version, or a template version. `subject_kind` says which; the foreign keys to the catalog become a trigger that
 * checks the row exists in the subject's own table (a foreign key cannot point at one of two tables).
 */
export class TemplateSales1765200000000 implements MigrationInterface {
  name = 'TemplateSales1765200000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['offer', 'grant']) {
      await db.query(`
        ALTER TABLE licensing."${table}"
          ADD COLUMN subject_kind text NOT NULL DEFAULT 'MODEL' CHECK (subject_kind IN ('MODEL', 'TEMPLATE'))`);
      await db.query(`ALTER TABLE licensing."${table}" DROP CONSTRAINT ${table}_version_id_fkey`);
    }
    await db.query(`ALTER TABLE licensing."grant" DROP CONSTRAINT grant_model_id_fkey`);
    await db.query(`
      CREATE FUNCTION licensing.subject_exists() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject_kind = 'MODEL' AND NOT EXISTS (SELECT 1 FROM catalog.model_version WHERE id = NEW.version_id)
           OR NEW.subject_kind = 'TEMPLATE'
              AND NOT EXISTS (SELECT 1 FROM templates.template_version WHERE id = NEW.version_id) THEN
          RAISE EXCEPTION 'no % version %', lower(NEW.subject_kind), NEW.version_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'subject_exists';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['offer', 'grant']) {
      await db.query(`
        CREATE TRIGGER ${table}_subject_exists BEFORE INSERT OR UPDATE OF subject_kind, version_id
          ON licensing."${table}" FOR EACH ROW EXECUTE FUNCTION licensing.subject_exists()`);
    }
    // The licence roll-up resolves a workflow's model files by name when it gives no hash.
    await db.query(
      `CREATE INDEX model_file_name_idx ON catalog.model_file (lower(file_name)) WHERE scan_status = 'READY'`,
    );
    // What commerce sold: the lineage a sale's royalties follow is keyed by the subject (model or template).
    await db.query(`
      ALTER TABLE commerce."order"
        ADD COLUMN subject_kind text NOT NULL DEFAULT 'MODEL' CHECK (subject_kind IN ('MODEL', 'TEMPLATE'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE commerce."order" DROP COLUMN subject_kind`);
    await db.query(`DROP INDEX catalog.model_file_name_idx`);
    for (const table of ['offer', 'grant']) {
      await db.query(`DROP TRIGGER ${table}_subject_exists ON licensing."${table}"`);
      await db.query(`DELETE FROM licensing."${table}" WHERE subject_kind = 'TEMPLATE'`);
      await db.query(`ALTER TABLE licensing."${table}" DROP COLUMN subject_kind`);
      await db.query(`
        ALTER TABLE licensing."${table}" ADD CONSTRAINT ${table}_version_id_fkey
          FOREIGN KEY (version_id) REFERENCES catalog.model_version (id)${table === 'offer' ? ' ON DELETE CASCADE' : ''}`);
    }
    await db.query(`
      ALTER TABLE licensing."grant" ADD CONSTRAINT grant_model_id_fkey
        FOREIGN KEY (model_id) REFERENCES catalog.style_model (id)`);
    await db.query(`DROP FUNCTION licensing.subject_exists()`);
  }
}
