import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail and the account basics. `notifications.outbox_mail` holds every mail, written in the transaction of its cause
 * and unique by idempotency key; a job sends it and records the attempts on the row. Identity gets the verified
 * address (`email_verified_at`), one table of one-time account tokens (only their SHA-256 is stored; a newer token of
 * a purpose supersedes the older ones) and the record of accepted terms. Accounts that exist already stay unverified:
 * they can ask for a new verification mail.
 */
export class AccountMail1765700000000 implements MigrationInterface {
  name = 'AccountMail1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS notifications`);
    await db.query(`
      CREATE TABLE notifications.outbox_mail (
        id uuid PRIMARY KEY,
        idempotency_key text NOT NULL CONSTRAINT outbox_mail_idempotency_key_key UNIQUE,
        kind text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        last_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX outbox_mail_pending_idx ON notifications.outbox_mail (created_at) WHERE status = 'PENDING'`,
    );
    await db.query(`ALTER TABLE identity."user" ADD COLUMN email_verified_at timestamptz`);
    await db.query(`
      CREATE TABLE identity.account_token (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity."user" (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
        token_hash bytea NOT NULL CONSTRAINT account_token_token_hash_key UNIQUE CHECK (length(token_hash) = 32),
        email citext NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > created_at),
        used_at timestamptz,
        superseded_at timestamptz
      )`);
    await db.query(`
      CREATE INDEX account_token_live_idx ON identity.account_token (user_id, purpose)
        WHERE used_at IS NULL AND superseded_at IS NULL`);
    await db.query(`
      CREATE TABLE identity.terms_acceptance (
        user_id uuid NOT NULL REFERENCES identity."user" (id) ON DELETE CASCADE,
        version text NOT NULL,
        accepted_at timestamptz NOT NULL,
        ip text,
        PRIMARY KEY (user_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE identity.terms_acceptance`);
    await db.query(`DROP TABLE identity.account_token`);
    await db.query(`ALTER TABLE identity."user" DROP COLUMN email_verified_at`);
    await db.query(`DROP SCHEMA notifications CASCADE`);
  }
}
