import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The double-entry ledger. Money is integer minor units; an entry's amount is signed (debit > 0, credit < 0). The
 * database itself keeps the books straight:
 * - every transaction's entries sum to zero per currency (a deferred constraint trigger, checked at commit);
 * - an entry's currency is its account's currency (composite foreign key);
 * - transactions and entries are append-only (corrections are new, reversing transactions);
 * - an external reference names at most one transaction (idempotent postings);
 * - creator accounts keep a cached balance that moves with their entries in the same statement (trigger) and can be
 *   reconciled; the platform's own accounts (clearing, revenue, fees, …) are touched by every sale, so caching their
 *   balance would make one row lock serialise all sales — their balance is the sum of their entries (NULL here).
 */
export class Ledger1764400000000 implements MigrationInterface {
  name = 'Ledger1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA ledger`);
    await db.query(`
      CREATE TABLE ledger.account (
        id uuid PRIMARY KEY,
        code text NOT NULL CONSTRAINT account_code_key UNIQUE,
        purpose text NOT NULL CHECK (purpose IN ('PROVIDER_CLEARING', 'PLATFORM_REVENUE', 'PROCESSOR_FEES',
          'CREATOR_PAYABLE', 'CREATOR_PAID_OUT', 'REFUNDS', 'DISPUTE_LOSSES')),
        owner_id uuid,
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        balance bigint,
        created_at timestamptz NOT NULL,
        CONSTRAINT account_currency_key UNIQUE (id, currency),
        CHECK ((purpose IN ('CREATOR_PAYABLE', 'CREATOR_PAID_OUT')) = (owner_id IS NOT NULL)),
        CHECK ((balance IS NOT NULL) = (owner_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE ledger.transaction (
        id uuid PRIMARY KEY,
        external_ref text NOT NULL CONSTRAINT transaction_external_ref_key UNIQUE,
        kind text NOT NULL,
        description text NOT NULL,
        posted_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE ledger.entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger.transaction (id),
        account_id uuid NOT NULL,
        currency text NOT NULL,
        amount bigint NOT NULL CHECK (amount <> 0),
        CONSTRAINT entry_account_currency_fkey FOREIGN KEY (account_id, currency)
          REFERENCES ledger.account (id, currency)
      )`);
    await db.query(`CREATE INDEX entry_transaction_idx ON ledger.entry (transaction_id)`);
    await db.query(`CREATE INDEX entry_account_idx ON ledger.entry (account_id, id)`);

    await db.query(`
      CREATE FUNCTION ledger.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the ledger is append-only: post a reversing transaction instead'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['transaction', 'entry']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger.${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ledger.append_only()`);
    }

    await db.query(`
      CREATE FUNCTION ledger.transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE unbalanced text;
      BEGIN
        SELECT string_agg(currency || ' ' || total, ', ') INTO unbalanced FROM (
          SELECT currency, sum(amount) AS total FROM ledger.entry
           WHERE transaction_id = NEW.transaction_id GROUP BY currency HAVING sum(amount) <> 0) t;
        IF unbalanced IS NOT NULL THEN
          RAISE EXCEPTION 'ledger transaction % does not balance (%)', NEW.transaction_id, unbalanced
            USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_transaction_balances';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER entry_transaction_balances AFTER INSERT ON ledger.entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger.transaction_balances()`);

    await db.query(`
      CREATE FUNCTION ledger.apply_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only cached (creator) balances; a row that does not match is not locked.
        UPDATE ledger.account SET balance = balance + NEW.amount WHERE id = NEW.account_id AND balance IS NOT NULL;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER entry_apply AFTER INSERT ON ledger.entry
        FOR EACH ROW EXECUTE FUNCTION ledger.apply_entry()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA ledger CASCADE`);
  }
}
