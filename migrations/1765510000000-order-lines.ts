import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders get lines: one order, one payment, one receipt, and a line per licence bought (issue 26). What was sold —
 * the offer and its revision, the subject, the seller, the tier, the price, the platform fee, the processor fee's
 * share, the licence granted and what was refunded of it — moves from the order to `commerce.order_line`; every
 * existing order becomes its own line 1, so old and new orders have one shape. The order keeps the totals (amount,
 * platform fee, refunded) and the payment (checkout session, charge, processor fee).
 *
 * Splits and transfer reversals belong to a line (`line` = its position): a split is one recipient's part of one
 * line and is transferred on its own. Line 1 keeps the names an order had before lines existed (transfer key
 * `order:<id>:split:<recipient>`, licence reference `order:<id>`), so nothing already sent to the provider or the
 * ledger is renamed; lines 2… are `order:<id>:line:<n>:…` (`OrderRefs`).
 *
 * A refund (one provider refund) names the lines it gives money back for, with an amount each (`refund_line`).
 * One open checkout per buyer and set of offers (`offer_ids`, sorted) makes a double click land on the same order.
 */
export class OrderLines1765510000000 implements MigrationInterface {
  name = 'OrderLines1765510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE commerce.order_line (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES commerce."order" (id),
        position smallint NOT NULL CHECK (position BETWEEN 1 AND 100),
        offer_id uuid NOT NULL,
        offer_revision integer NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE')),
        version_id uuid NOT NULL,
        model_id uuid NOT NULL,
        seller_id uuid NOT NULL REFERENCES identity.user (id),
        tier text NOT NULL,
        item_name text NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        platform_fee bigint NOT NULL CHECK (platform_fee >= 0 AND platform_fee <= amount),
        platform_fee_bps integer NOT NULL CHECK (platform_fee_bps BETWEEN 0 AND 10000),
        platform_fee_clawed_back bigint NOT NULL DEFAULT 0
          CHECK (platform_fee_clawed_back >= 0 AND platform_fee_clawed_back <= platform_fee),
        processor_fee bigint CHECK (processor_fee >= 0),
        grant_id uuid,
        failure_reason text,
        refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
        paid_at timestamptz,
        CONSTRAINT order_line_position_key UNIQUE (order_id, position)
      )`);
    await db.query(`CREATE INDEX order_line_seller_idx ON commerce.order_line (seller_id)`);
    await db.query(`
      INSERT INTO commerce.order_line (id, order_id, position, offer_id, offer_revision, subject_kind, version_id,
          model_id, seller_id, tier, item_name, amount, platform_fee, platform_fee_bps, platform_fee_clawed_back,
          processor_fee, grant_id, failure_reason, refunded_amount, paid_at)
      SELECT gen_random_uuid(), o.id, 1, o.offer_id, o.offer_revision, o.subject_kind, o.version_id, o.model_id,
             o.seller_id, o.tier, o.item_name, o.amount, o.platform_fee, o.platform_fee_bps,
             o.platform_fee_clawed_back, o.processor_fee, o.grant_id,
             CASE WHEN o.failure_reason = 'AMOUNT_MISMATCH' THEN NULL ELSE o.failure_reason END,
             o.refunded_amount, o.paid_at
        FROM commerce."order" o`);

    // Splits and reversals belong to a line; every existing one to line 1.
    await db.query(`ALTER TABLE commerce.reversal DROP CONSTRAINT reversal_order_id_recipient_id_fkey`);
    await db.query(`ALTER TABLE commerce.reversal DROP CONSTRAINT reversal_cause_key`);
    for (const table of ['order_split', 'reversal']) {
      await db.query(`ALTER TABLE commerce.${table} ADD COLUMN line smallint NOT NULL DEFAULT 1`);
      await db.query(`ALTER TABLE commerce.${table} ALTER COLUMN line DROP DEFAULT`);
    }
    await db.query(`
      ALTER TABLE commerce.order_split DROP CONSTRAINT order_split_pkey,
        ADD PRIMARY KEY (order_id, line, recipient_id),
        ADD CONSTRAINT order_split_line_fkey FOREIGN KEY (order_id, line)
          REFERENCES commerce.order_line (order_id, position)`);
    await db.query(`
      ALTER TABLE commerce.reversal
        ADD CONSTRAINT reversal_cause_key UNIQUE (cause, line, recipient_id),
        ADD CONSTRAINT reversal_split_fkey FOREIGN KEY (order_id, line, recipient_id)
          REFERENCES commerce.order_split (order_id, line, recipient_id)`);

    // A refund gives money back for named lines.
    await db.query(`
      CREATE TABLE commerce.refund_line (
        refund_id uuid NOT NULL REFERENCES commerce.refund (id),
        order_id uuid NOT NULL,
        line smallint NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        PRIMARY KEY (refund_id, line),
        CONSTRAINT refund_line_line_fkey FOREIGN KEY (order_id, line)
          REFERENCES commerce.order_line (order_id, position)
      )`);
    await db.query(`CREATE INDEX refund_line_line_idx ON commerce.refund_line (order_id, line)`);
    await db.query(
      `INSERT INTO commerce.refund_line (refund_id, order_id, line, amount) SELECT id, order_id, 1, amount FROM commerce.refund`,
    );
    await db.query(`ALTER TABLE commerce.refund ADD COLUMN note text CHECK (char_length(note) <= 500)`);

    // The order keeps the totals and the payment; what was sold is on its lines.
    await db.query(`ALTER TABLE commerce."order" ADD COLUMN offer_ids uuid[]`);
    await db.query(`UPDATE commerce."order" SET offer_ids = ARRAY[offer_id]`);
    await db.query(`
      ALTER TABLE commerce."order" ALTER COLUMN offer_ids SET NOT NULL,
        ADD CONSTRAINT order_offer_ids_check CHECK (cardinality(offer_ids) BETWEEN 1 AND 100)`);
    await db.query(`DROP INDEX commerce.order_open_key`);
    await db.query(`DROP INDEX commerce.order_seller_idx`);
    await db.query(
      `CREATE UNIQUE INDEX order_open_key ON commerce."order" (buyer_id, offer_ids) WHERE status = 'PENDING'`,
    );
    await db.query(`
      ALTER TABLE commerce."order" DROP COLUMN seller_id, DROP COLUMN offer_id, DROP COLUMN offer_revision,
        DROP COLUMN version_id, DROP COLUMN model_id, DROP COLUMN subject_kind, DROP COLUMN tier,
        DROP COLUMN platform_fee_bps, DROP COLUMN platform_fee_clawed_back, DROP COLUMN grant_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    const [several] = (await db.query(`SELECT count(*)::int AS n FROM commerce.order_line WHERE position > 1`)) as {
      n: number;
    }[];
    if (several!.n > 0) throw new Error('orders with several lines cannot be represented before order lines');
    await db.query(`
      ALTER TABLE commerce."order" ADD COLUMN seller_id uuid REFERENCES identity.user (id),
        ADD COLUMN offer_id uuid, ADD COLUMN offer_revision integer, ADD COLUMN version_id uuid,
        ADD COLUMN model_id uuid,
        ADD COLUMN subject_kind text NOT NULL DEFAULT 'MODEL' CHECK (subject_kind IN ('MODEL', 'TEMPLATE')),
        ADD COLUMN tier text, ADD COLUMN platform_fee_bps integer CHECK (platform_fee_bps BETWEEN 0 AND 10000),
        ADD COLUMN platform_fee_clawed_back bigint NOT NULL DEFAULT 0, ADD COLUMN grant_id uuid`);
    await db.query(`
      UPDATE commerce."order" o SET seller_id = l.seller_id, offer_id = l.offer_id, offer_revision = l.offer_revision,
             version_id = l.version_id, model_id = l.model_id, subject_kind = l.subject_kind, tier = l.tier,
             platform_fee_bps = l.platform_fee_bps, platform_fee_clawed_back = l.platform_fee_clawed_back,
             grant_id = l.grant_id, failure_reason = coalesce(o.failure_reason, l.failure_reason)
        FROM commerce.order_line l WHERE l.order_id = o.id`);
    for (const column of [
      'seller_id',
      'offer_id',
      'offer_revision',
      'version_id',
      'model_id',
      'tier',
      'platform_fee_bps',
    ])
      await db.query(`ALTER TABLE commerce."order" ALTER COLUMN ${column} SET NOT NULL`);
    await db.query(`
      ALTER TABLE commerce."order" ADD CONSTRAINT order_platform_fee_clawed_back_check
        CHECK (platform_fee_clawed_back >= 0 AND platform_fee_clawed_back <= platform_fee)`);
    await db.query(`DROP INDEX commerce.order_open_key`);
    await db.query(
      `CREATE UNIQUE INDEX order_open_key ON commerce."order" (buyer_id, offer_id) WHERE status = 'PENDING'`,
    );
    await db.query(`CREATE INDEX order_seller_idx ON commerce."order" (seller_id, created_at DESC, id DESC)`);
    await db.query(`ALTER TABLE commerce."order" DROP COLUMN offer_ids`);
    await db.query(`ALTER TABLE commerce.refund DROP COLUMN note`);
    await db.query(`DROP TABLE commerce.refund_line`);
    await db.query(
      `ALTER TABLE commerce.reversal DROP CONSTRAINT reversal_split_fkey, DROP CONSTRAINT reversal_cause_key`,
    );
    await db.query(`
      ALTER TABLE commerce.order_split DROP CONSTRAINT order_split_line_fkey, DROP CONSTRAINT order_split_pkey,
        ADD PRIMARY KEY (order_id, recipient_id)`);
    for (const table of ['order_split', 'reversal']) await db.query(`ALTER TABLE commerce.${table} DROP COLUMN line`);
    await db.query(`
      ALTER TABLE commerce.reversal ADD CONSTRAINT reversal_cause_key UNIQUE (cause, recipient_id),
        ADD CONSTRAINT reversal_order_id_recipient_id_fkey FOREIGN KEY (order_id, recipient_id)
          REFERENCES commerce.order_split (order_id, recipient_id)`);
    await db.query(`DROP TABLE commerce.order_line`);
  }
}
