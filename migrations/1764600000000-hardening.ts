import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys may carry the `admin` scope (staff tools): the only scope that reaches staff operations. */
export class Hardening1764600000000 implements MigrationInterface {
  name = 'Hardening1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE identity.api_key DROP CONSTRAINT api_key_scopes_check;
      ALTER TABLE identity.api_key ADD CONSTRAINT api_key_scopes_check
        CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'download', 'admin']::text[]);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DELETE FROM identity.api_key WHERE scopes = ARRAY['admin']::text[];
      UPDATE identity.api_key SET scopes = array_remove(scopes, 'admin') WHERE 'admin' = ANY (scopes);
      ALTER TABLE identity.api_key DROP CONSTRAINT api_key_scopes_check;
      ALTER TABLE identity.api_key ADD CONSTRAINT api_key_scopes_check
        CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'download']::text[]);
    `);
  }
}
