import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Schemas per domain, the core rate-limit table, and identity: users, sessions, rotating refresh tokens, API keys. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await db.query(`CREATE SCHEMA core`);
    await db.query(`CREATE SCHEMA identity`);

    await db.query(`
      CREATE TABLE core.rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await db.query(`CREATE INDEX rate_limit_expire_idx ON core.rate_limit (expire)`);

    await db.query(`
      CREATE TABLE identity.user (
        id uuid PRIMARY KEY,
        handle citext NOT NULL CONSTRAINT user_handle_key UNIQUE
          CHECK (handle ~ '^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$'),
        email citext NOT NULL CONSTRAINT user_email_key UNIQUE CHECK (length(email) <= 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['admin', 'moderator']::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        password_changed_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE identity.session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason text,
        user_agent text,
        ip inet
      )`);
    await db.query(`CREATE INDEX session_user_idx ON identity.session (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX session_expires_idx ON identity.session (expires_at)`);

    await db.query(`
      CREATE TABLE identity.refresh_token (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES identity.session (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CONSTRAINT refresh_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX refresh_token_session_idx ON identity.refresh_token (session_id)`);

    await db.query(`
      CREATE TABLE identity.api_key (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.user (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        prefix text NOT NULL CONSTRAINT api_key_prefix_key UNIQUE,
        secret_hash bytea NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'write', 'download']::text[]),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        expires_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_key_user_idx ON identity.api_key (user_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA identity CASCADE`);
    await db.query(`DROP SCHEMA core CASCADE`);
  }
}
