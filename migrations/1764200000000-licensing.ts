import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence offers: what a creator sells per model version (tier, price, structured permissions). Every edit writes a
 * new row and retires the previous one, so terms already sold are never changed; the licence text is derived from
 * the permissions and identified by its SHA-256.
 */
export class Licensing1764200000000 implements MigrationInterface {
  name = 'Licensing1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA licensing`);
    await db.query(`
      CREATE TABLE licensing.offer (
        id uuid PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES catalog.model_version (id) ON DELETE CASCADE,
        tier text NOT NULL CHECK (tier IN ('FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE')),
        revision integer NOT NULL CHECK (revision >= 1),
        price_amount bigint NOT NULL CHECK (price_amount >= 0),
        price_currency text NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
        permissions jsonb NOT NULL,
        terms_text text NOT NULL,
        terms_sha256 text NOT NULL CHECK (terms_sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL,
        retired_at timestamptz,
        CHECK ((tier = 'FREE') = (price_amount = 0)),
        CONSTRAINT offer_revision_key UNIQUE (version_id, tier, revision)
      )`);
    // One live offer per tier per version.
    await db.query(
      `CREATE UNIQUE INDEX offer_live_tier_key ON licensing.offer (version_id, tier) WHERE retired_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA licensing CASCADE`);
  }
}
