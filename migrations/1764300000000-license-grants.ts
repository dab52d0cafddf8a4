import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licence grants: who holds which licence to which version, on exactly which terms and files, with the signed
 * certificate that proves it. The database keeps them immutable — the only change ever allowed is ACTIVE → REVOKED
 * (with a reason), and rows are never deleted — and allows at most one active exclusive licence per version.
 */
export class LicenseGrants1764300000000 implements MigrationInterface {
  name = 'LicenseGrants1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE licensing.grant (
        id uuid PRIMARY KEY,
        licensee_id uuid NOT NULL REFERENCES identity.user (id),
        model_id uuid NOT NULL REFERENCES catalog.style_model (id),
        version_id uuid NOT NULL REFERENCES catalog.model_version (id),
        resource_urn text NOT NULL,
        resource_name text NOT NULL,
        offer_id uuid NOT NULL REFERENCES licensing.offer (id),
        offer_revision integer NOT NULL,
        tier text NOT NULL CHECK (tier IN ('FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE')),
        permissions jsonb NOT NULL,
        terms_text text NOT NULL,
        terms_sha256 text NOT NULL CHECK (terms_sha256 ~ '^[0-9a-f]{64}$'),
        file_sha256s text[] NOT NULL CHECK (cardinality(file_sha256s) >= 1),
        price_amount bigint NOT NULL CHECK (price_amount >= 0),
        price_currency text NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
        source text NOT NULL CHECK (source IN ('PURCHASE', 'FREE_CLAIM', 'GIFT')),
        -- The commerce order line that paid for it: one grant per line, so a replayed fulfilment cannot grant twice.
        order_ref text CONSTRAINT grant_order_ref_key UNIQUE,
        issued_at timestamptz NOT NULL,
        key_id text NOT NULL,
        certificate text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
        revoked_at timestamptz,
        revocation_reason text,
        revocation_note text,
        CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL)),
        CHECK ((source = 'PURCHASE') = (order_ref IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX grant_licensee_idx ON licensing.grant (licensee_id, issued_at DESC, id DESC)`);
    await db.query(`CREATE INDEX grant_version_idx ON licensing.grant (version_id, issued_at DESC, id DESC)`);
    // One active licence per person, version and tier (a second purchase of the same thing is refused).
    await db.query(
      `CREATE UNIQUE INDEX grant_active_tier_key ON licensing.grant (licensee_id, version_id, tier) WHERE status = 'ACTIVE'`,
    );
    // The backstop behind "exclusive": even two purchases racing past the application check cannot both land.
    await db.query(
      `CREATE UNIQUE INDEX grant_active_exclusive_key ON licensing.grant (version_id) WHERE tier = 'EXCLUSIVE' AND status = 'ACTIVE'`,
    );
    await db.query(`
      CREATE FUNCTION licensing.grant_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'licence grants are never deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status <> 'ACTIVE' OR NEW.status <> 'REVOKED'
           OR (to_jsonb(NEW) - ARRAY['status', 'revoked_at', 'revocation_reason', 'revocation_note'])
              IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'revoked_at', 'revocation_reason', 'revocation_note'])
        THEN
          RAISE EXCEPTION 'licence grants are immutable: the only change is ACTIVE to REVOKED'
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER grant_is_immutable BEFORE UPDATE OR DELETE ON licensing.grant
        FOR EACH ROW EXECUTE FUNCTION licensing.grant_is_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE licensing.grant`);
    await db.query(`DROP FUNCTION licensing.grant_is_immutable()`);
  }
}
