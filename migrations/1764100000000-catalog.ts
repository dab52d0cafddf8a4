import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog: base models (seeded), style models, versions with declared parents, files, uploads, blocked hashes. */
export class Catalog1764100000000 implements MigrationInterface {
  name = 'Catalog1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA catalog`);
    await db.query(`
      CREATE TABLE catalog.base_model (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9.-]{1,39}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        ecosystem text NOT NULL CHECK (length(ecosystem) BETWEEN 1 AND 40),
        licence_name text NOT NULL CHECK (length(licence_name) BETWEEN 1 AND 120),
        non_commercial boolean NOT NULL,
        sort_order integer NOT NULL DEFAULT 100,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      INSERT INTO catalog.base_model (id, name, ecosystem, licence_name, non_commercial, sort_order) VALUES
        ('sd-1.5', 'SD 1.5', 'Stable Diffusion', 'CreativeML Open RAIL-M', false, 10),
        ('sdxl-1.0', 'SDXL 1.0', 'Stable Diffusion XL', 'CreativeML Open RAIL++-M', false, 20),
        ('pony', 'Pony', 'Stable Diffusion XL', 'Fair AI Public License 1.0-SD', false, 30),
        ('illustrious', 'Illustrious', 'Stable Diffusion XL', 'Fair AI Public License 1.0-SD', false, 40),
        ('flux.1-d', 'Flux.1 D', 'Flux', 'FLUX.1 [dev] Non-Commercial License', true, 50),
        ('flux.1-s', 'Flux.1 S', 'Flux', 'Apache License 2.0', false, 60),
        ('sd-3.5', 'SD 3.5', 'Stable Diffusion 3', 'Stability AI Community License', false, 70),
        ('other', 'Other', 'Other', 'See the model description', false, 1000)`);

    await db.query(`
      CREATE TABLE catalog.style_model (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES identity.user (id),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 50000),
        type text NOT NULL CHECK (type IN ('LORA', 'LOCON', 'DORA', 'CHECKPOINT', 'TEXTUAL_INVERSION', 'HYPERNETWORK',
          'CONTROLNET', 'VAE', 'UPSCALER', 'OTHER')),
        base_model_id text NOT NULL REFERENCES catalog.base_model (id),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        maturity text NOT NULL CHECK (maturity IN ('SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT')),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED', 'TAKEN_DOWN')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        CONSTRAINT style_model_owner_slug_key UNIQUE (owner_id, slug)
      )`);
    await db.query(
      `CREATE INDEX style_model_published_idx ON catalog.style_model (published_at DESC, id DESC) WHERE status = 'PUBLISHED'`,
    );
    await db.query(`CREATE INDEX style_model_owner_idx ON catalog.style_model (owner_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE catalog.model_version (
        id uuid PRIMARY KEY,
        model_id uuid NOT NULL REFERENCES catalog.style_model (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        changelog text NOT NULL DEFAULT '' CHECK (length(changelog) <= 20000),
        trigger_words text[] NOT NULL DEFAULT '{}' CHECK (cardinality(trigger_words) <= 50),
        recommended_settings jsonb NOT NULL DEFAULT '{}',
        access text NOT NULL DEFAULT 'LICENSED' CHECK (access IN ('FREE', 'LICENSED')),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        download_count bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        CONSTRAINT model_version_name_key UNIQUE (model_id, name)
      )`);
    await db.query(
      `CREATE INDEX model_version_model_idx ON catalog.model_version (model_id, created_at DESC, id DESC)`,
    );

    await db.query(`
      CREATE TABLE catalog.version_parent (
        version_id uuid NOT NULL REFERENCES catalog.model_version (id) ON DELETE CASCADE,
        parent_version_id uuid NOT NULL REFERENCES catalog.model_version (id),
        relation text NOT NULL CHECK (relation IN ('MERGE', 'FINETUNE', 'ADAPTER', 'REMIX')),
        PRIMARY KEY (version_id, parent_version_id),
        CHECK (version_id <> parent_version_id)
      )`);

    await db.query(`
      CREATE TABLE catalog.model_file (
        id uuid PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES catalog.model_version (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('MODEL', 'VAE', 'CONFIG', 'TRAINING_DATA')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        format text NOT NULL CHECK (format IN ('SAFETENSORS')),
        precision text CHECK (precision IN ('FP32', 'FP16', 'BF16', 'FP8', 'MIXED', 'OTHER')),
        declared_size bigint NOT NULL CHECK (declared_size > 0),
        declared_sha256 text CHECK (declared_sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes bigint,
        sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        autov2 text CHECK (autov2 ~ '^[0-9a-f]{10}$'),
        crc32 text CHECK (crc32 ~ '^[0-9a-f]{8}$'),
        scan_status text NOT NULL CHECK (scan_status IN ('UPLOADING', 'PENDING', 'READY', 'REJECTED')),
        rejection_reason text,
        rejection_message text,
        storage_key text,
        tensor_count integer,
        header_metadata jsonb,
        training_metadata jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (scan_status <> 'READY' OR (sha256 IS NOT NULL AND storage_key IS NOT NULL AND size_bytes IS NOT NULL)),
        CHECK (scan_status <> 'REJECTED' OR rejection_reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX model_file_version_idx ON catalog.model_file (version_id)`);
    await db.query(`CREATE INDEX model_file_sha256_idx ON catalog.model_file (sha256) WHERE scan_status = 'READY'`);
    await db.query(`CREATE INDEX model_file_autov2_idx ON catalog.model_file (autov2) WHERE scan_status = 'READY'`);

    await db.query(`
      CREATE TABLE catalog.upload (
        id uuid PRIMARY KEY,
        file_id uuid NOT NULL UNIQUE REFERENCES catalog.model_file (id) ON DELETE CASCADE,
        owner_id uuid NOT NULL REFERENCES identity.user (id),
        bucket text NOT NULL,
        staging_key text NOT NULL,
        storage_upload_id text,
        part_size integer NOT NULL CHECK (part_size > 0),
        part_count integer NOT NULL CHECK (part_count BETWEEN 1 AND 10000),
        status text NOT NULL CHECK (status IN ('UPLOADING', 'COMPLETED', 'ABORTED')),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX upload_sweep_idx ON catalog.upload (expires_at) WHERE status = 'UPLOADING'`);

    await db.query(`
      CREATE TABLE catalog.sample_image (
        id uuid PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES catalog.model_version (id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        byte_size bigint NOT NULL CHECK (byte_size > 0),
        storage_key text NOT NULL,
        thumbnails jsonb NOT NULL DEFAULT '[]',
        generation jsonb,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sample_image_version_idx ON catalog.sample_image (version_id, created_at)`);
    await db.query(`
      CREATE TABLE catalog.sample_image_resource (
        image_id uuid NOT NULL REFERENCES catalog.sample_image (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES catalog.model_version (id) ON DELETE CASCADE,
        PRIMARY KEY (image_id, version_id)
      )`);

    await db.query(`
      CREATE TABLE catalog.blocked_hash (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA catalog CASCADE`);
  }
}
