import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commerce: creators' connected payout accounts, orders with their split plans and transfers, refunds, disputes,
 * payouts, and the webhook inbox. Money is integer minor units. The local payment gateway (the embedded stand-in for
 * Stripe) keeps its simulated objects in its own schema, so dropping it never touches the platform's records.
 */
export class Commerce1764500000000 implements MigrationInterface {
  name = 'Commerce1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA commerce`);
    await db.query(`
      CREATE TABLE commerce.connected_account (
        creator_id uuid PRIMARY KEY REFERENCES identity.user (id),
        provider_account_id text NOT NULL CONSTRAINT connected_account_provider_key UNIQUE,
        charges_enabled boolean NOT NULL DEFAULT false,
        payouts_enabled boolean NOT NULL DEFAULT false,
        details_submitted boolean NOT NULL DEFAULT false,
        requirements_due text[] NOT NULL DEFAULT '{}',
        payout_failure_code text,
        payout_failed_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE commerce."order" (
        id uuid PRIMARY KEY,
        buyer_id uuid NOT NULL REFERENCES identity.user (id),
        seller_id uuid NOT NULL REFERENCES identity.user (id),
        offer_id uuid NOT NULL,
        offer_revision integer NOT NULL,
        version_id uuid NOT NULL,
        model_id uuid NOT NULL,
        tier text NOT NULL,
        item_name text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        platform_fee bigint NOT NULL CHECK (platform_fee >= 0 AND platform_fee <= amount),
        platform_fee_bps integer NOT NULL CHECK (platform_fee_bps BETWEEN 0 AND 10000),
        platform_fee_clawed_back bigint NOT NULL DEFAULT 0
          CHECK (platform_fee_clawed_back >= 0 AND platform_fee_clawed_back <= platform_fee),
        status text NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED', 'REFUNDED',
          'PARTIALLY_REFUNDED', 'DISPUTED', 'DISPUTE_LOST')),
        checkout_session_id text CONSTRAINT order_checkout_session_key UNIQUE,
        checkout_url text,
        checkout_expires_at timestamptz,
        payment_intent_id text CONSTRAINT order_payment_intent_key UNIQUE,
        charge_id text CONSTRAINT order_charge_key UNIQUE,
        processor_fee bigint CHECK (processor_fee >= 0),
        last_payment_error text,
        grant_id uuid,
        failure_reason text,
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
        created_at timestamptz NOT NULL,
        paid_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    // A double click on "buy" finds the order already open instead of opening a second checkout.
    await db.query(
      `CREATE UNIQUE INDEX order_open_key ON commerce."order" (buyer_id, offer_id) WHERE status = 'PENDING'`,
    );
    await db.query(`CREATE INDEX order_buyer_idx ON commerce."order" (buyer_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX order_seller_idx ON commerce."order" (seller_id, created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE commerce.order_split (
        order_id uuid NOT NULL REFERENCES commerce."order" (id),
        recipient_id uuid NOT NULL REFERENCES identity.user (id),
        role text NOT NULL CHECK (role IN ('SELLER', 'IP_OWNER', 'REMIX_PARENT')),
        share_bps integer NOT NULL CHECK (share_bps BETWEEN 0 AND 10000),
        amount bigint NOT NULL CHECK (amount >= 0),
        clawed_back bigint NOT NULL DEFAULT 0 CHECK (clawed_back >= 0 AND clawed_back <= amount),
        transfer_status text NOT NULL CHECK (transfer_status IN ('SCHEDULED', 'WAITING_FOR_ACCOUNT', 'SENDING',
          'SENT', 'NETTED', 'CANCELLED')),
        transferable_at timestamptz NOT NULL,
        transfer_attempt integer NOT NULL DEFAULT 0,
        transfer_amount bigint CHECK (transfer_amount > 0),
        transfer_id text CONSTRAINT order_split_transfer_key UNIQUE,
        reversed_amount bigint NOT NULL DEFAULT 0 CHECK (reversed_amount >= 0),
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, recipient_id),
        CHECK (reversed_amount <= coalesce(transfer_amount, 0))
      )`);
    await db.query(`CREATE INDEX order_split_recipient_idx ON commerce.order_split (recipient_id, transfer_status)`);
    await db.query(`
      CREATE TABLE commerce.refund (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES commerce."order" (id),
        amount bigint NOT NULL CHECK (amount > 0),
        reason text NOT NULL CHECK (reason IN ('REQUESTED_BY_BUYER', 'ISSUED_BY_CREATOR', 'ISSUED_BY_SUPPORT',
          'LICENSE_UNAVAILABLE', 'PROVIDER')),
        requested_by uuid REFERENCES identity.user (id),
        status text NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
        provider_refund_id text CONSTRAINT refund_provider_key UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX refund_order_idx ON commerce.refund (order_id)`);
    await db.query(`
      CREATE TABLE commerce.reversal (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        cause text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        recovered bigint NOT NULL DEFAULT 0 CHECK (recovered >= 0 AND recovered <= amount),
        status text NOT NULL CHECK (status IN ('PENDING', 'REVERSED', 'UNRECOVERABLE', 'CANCELLED')),
        provider_reversal_id text CONSTRAINT reversal_provider_key UNIQUE,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT reversal_cause_key UNIQUE (cause, recipient_id),
        FOREIGN KEY (order_id, recipient_id) REFERENCES commerce.order_split (order_id, recipient_id)
      )`);
    await db.query(`
      CREATE TABLE commerce.dispute (
        id text PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES commerce."order" (id),
        amount bigint NOT NULL CHECK (amount > 0),
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE commerce.payout (
        provider_payout_id text PRIMARY KEY,
        creator_id uuid NOT NULL REFERENCES identity.user (id),
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        status text NOT NULL CHECK (status IN ('IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED')),
        failure_code text,
        arrival_date timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX payout_creator_idx ON commerce.payout (creator_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE commerce.webhook_event (
        id text PRIMARY KEY,
        type text NOT NULL,
        account text,
        payload jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        processed_at timestamptz,
        outcome text
      )`);

    // The local gateway's simulated provider: Stripe-shaped objects, idempotency keys, balances.
    await db.query(`CREATE SCHEMA local_gateway`);
    await db.query(`
      CREATE TABLE local_gateway.object (
        id text PRIMARY KEY,
        type text NOT NULL,
        account text,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE local_gateway.idempotency (
        key text NOT NULL,
        account text NOT NULL DEFAULT '',
        object_id text NOT NULL,
        PRIMARY KEY (account, key)
      )`);
    await db.query(`
      CREATE TABLE local_gateway.balance (
        account text NOT NULL,
        currency text NOT NULL,
        available bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (account, currency)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA local_gateway CASCADE`);
    await db.query(`DROP SCHEMA commerce CASCADE`);
  }
}
