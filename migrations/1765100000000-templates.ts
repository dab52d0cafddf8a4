import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workflow templates (ComfyUI), intellectual properties with remix terms, and the lineage graph that royalties
 * flow along.
 *
 * - `templates.template` / `template_version`: a version keeps the workflow exactly as imported (UI graph and/or API
 *   prompt, jsonb), its parameter slots, its lockfile (node packs and models, resolved later to catalog versions),
 *   the importer's warnings, and the SHA-256 of the source file. Published versions are immutable (trigger).
 * - `templates.intellectual_property` and `ip_binding`: an owner's franchise or character, and the terms a template
 *   bound to it is remixed under.
 * - `templates.lineage_edge`: child → parent (remix / merge / finetune / adapter) between templates and models, with
 *   the share the child passes up. A trigger refuses any edge that would close a cycle, whatever path writes it.
 */
export class Templates1765100000000 implements MigrationInterface {
  name = 'Templates1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA templates`);
    await db.query(`
      CREATE TABLE templates.template (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES identity.user (id),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
        tags text[] NOT NULL DEFAULT '{}',
        maturity text NOT NULL DEFAULT 'SFW' CHECK (maturity IN ('SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'TAKEN_DOWN')),
        -- The remix terms this template passes on (its own binding's, or inherited and possibly tightened), and the IP
        -- it belongs to (bound directly, or through an ancestor).
        terms jsonb,
        ip_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX template_owner_idx ON templates.template (owner_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE templates.template_version (
        id uuid PRIMARY KEY,
        template_id uuid NOT NULL REFERENCES templates.template (id),
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 40),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        ui_workflow jsonb,
        api_prompt jsonb,
        slots jsonb NOT NULL DEFAULT '[]',
        lockfile jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        source_sha256 text NOT NULL CHECK (source_sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL,
        published_at timestamptz,
        CHECK (ui_workflow IS NOT NULL OR api_prompt IS NOT NULL),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
        UNIQUE (template_id, label)
      )`);
    await db.query(`
      CREATE FUNCTION templates.published_version_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' AND (NEW.ui_workflow IS DISTINCT FROM OLD.ui_workflow
            OR NEW.api_prompt IS DISTINCT FROM OLD.api_prompt OR NEW.slots IS DISTINCT FROM OLD.slots
            OR NEW.lockfile IS DISTINCT FROM OLD.lockfile OR NEW.status <> OLD.status) THEN
          RAISE EXCEPTION 'a published template version is fixed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER template_version_fixed BEFORE UPDATE ON templates.template_version
        FOR EACH ROW EXECUTE FUNCTION templates.published_version_is_fixed()`);

    await db.query(`
      CREATE TABLE templates.intellectual_property (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES identity.user (id),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
        kind text NOT NULL CHECK (kind IN ('FRANCHISE', 'CHARACTER')),
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      ALTER TABLE templates.template ADD FOREIGN KEY (ip_id) REFERENCES templates.intellectual_property (id)`);
    await db.query(`
      CREATE TABLE templates.ip_binding (
        template_id uuid PRIMARY KEY REFERENCES templates.template (id),
        ip_id uuid NOT NULL REFERENCES templates.intellectual_property (id),
        terms jsonb NOT NULL,
        ip_share_bps integer NOT NULL CHECK (ip_share_bps BETWEEN 0 AND 5000),
        approval text NOT NULL CHECK (approval IN ('AUTOMATIC', 'MANUAL')),
        locked_subgraph jsonb,
        created_at timestamptz NOT NULL
      )`);

    await db.query(`
      CREATE TABLE templates.lineage_edge (
        child_kind text NOT NULL CHECK (child_kind IN ('TEMPLATE', 'MODEL')),
        child_id uuid NOT NULL,
        parent_kind text NOT NULL CHECK (parent_kind IN ('TEMPLATE', 'MODEL')),
        parent_id uuid NOT NULL,
        relation text NOT NULL CHECK (relation IN ('REMIX', 'MERGE', 'FINETUNE', 'ADAPTER')),
        share_bps integer NOT NULL CHECK (share_bps BETWEEN 0 AND 10000),
        status text NOT NULL DEFAULT 'APPROVED' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (child_id, parent_id),
        CHECK (child_id <> parent_id)
      )`);
    await db.query(`CREATE INDEX lineage_parent_idx ON templates.lineage_edge (parent_id)`);
    await db.query(`CREATE INDEX lineage_pending_idx ON templates.lineage_edge (child_id) WHERE status = 'PENDING'`);
    // A cycle is impossible: an edge child → parent is refused when the parent already descends from the child.
    // Inserts serialise on one advisory lock, so two edges that together would close a loop cannot both pass.
    await db.query(`
      CREATE FUNCTION templates.lineage_acyclic() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('templates.lineage', 0));
        IF EXISTS (
          WITH RECURSIVE up (id) AS (
            SELECT NEW.parent_id
            UNION
            SELECT e.parent_id FROM templates.lineage_edge e JOIN up ON e.child_id = up.id
          )
          SELECT 1 FROM up WHERE id = NEW.child_id
        ) THEN
          RAISE EXCEPTION 'lineage cycle: % already descends from %', NEW.parent_id, NEW.child_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'lineage_acyclic';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER lineage_edge_acyclic BEFORE INSERT OR UPDATE OF child_id, parent_id ON templates.lineage_edge
        FOR EACH ROW EXECUTE FUNCTION templates.lineage_acyclic()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA templates CASCADE`);
  }
}
