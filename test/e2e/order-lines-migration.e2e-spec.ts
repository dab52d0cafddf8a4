import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { MIGRATIONS } from '@lookbook/migrations';

/**
 * The order-lines migration on a database that holds orders of the old shape (one offer per order): every order
 * becomes its own line 1 with what it sold, its splits, reversals and refunds belong to that line, the open-order key
 * becomes its set of offers — and back again, refusing to go back once an order has several lines.
 */
describe('migration: orders get lines', () => {
  let bed: RepositoryTestBed;
  let runner: QueryRunner;
  const OrderLines = MIGRATIONS.find((m) => m.name === 'OrderLines1765510000000')!;
  const migration = new OrderLines();
  // It runs on the schema it was written for: the later rename of `model_id` to `subject_id` is reverted first.
  const SubjectIds = MIGRATIONS.find((m) => m.name === 'SubjectIds1765600000000')!;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    runner = bed.dataSource.createQueryRunner();
    await new SubjectIds().down(runner);
  });
  afterAll(async () => {
    await runner.release();
    await bed.close();
  });

  it('moves every existing order into its line 1, exactly, and back', async () => {
    await migration.down(runner); // the schema before lines
    const [buyer, seller, owner] = [(await bed.seed.user()).id, (await bed.seed.user()).id, (await bed.seed.user()).id];
    const paid = randomUUID();
    const open = randomUUID();
    const [offer, version, model, grant, refund, reversal] = [1, 2, 3, 4, 5, 6].map(() => randomUUID());
    const at = new Date('2026-03-01T12:00:00.000Z');
    await bed.db.query(
      `INSERT INTO commerce."order" (id, buyer_id, seller_id, offer_id, offer_revision, version_id, model_id, subject_kind,
         tier, item_name, amount, currency, platform_fee, platform_fee_bps, platform_fee_clawed_back, status, charge_id,
         processor_fee, grant_id, failure_reason, refunded_amount, created_at, paid_at, updated_at)
       VALUES ($1, $2, $3, $4, 3, $5, $6, 'TEMPLATE', 'COMMERCIAL', 'Harbour Cats — v1 (commercial licence)', 10000, 'USD',
         1000, 1000, 100, 'PARTIALLY_REFUNDED', 'ch_old', 320, $7, NULL, 1000, $8, $8, $8),
              ($9, $2, $3, $4, 3, $5, $6, 'TEMPLATE', 'COMMERCIAL', 'Harbour Cats — v1 (commercial licence)', 10000, 'USD',
         1000, 1000, 0, 'PENDING', NULL, NULL, NULL, NULL, 0, $8, NULL, $8)`,
      [paid, buyer, seller, offer, version, model, grant, at, open],
    );
    await bed.db.query(
      `INSERT INTO commerce.order_split (order_id, recipient_id, role, share_bps, amount, clawed_back, transfer_status,
         transferable_at, transfer_amount, transfer_id, reversed_amount, updated_at)
       VALUES ($1, $2, 'SELLER', 7650, 6885, 688, 'SENT', $4, 6885, 'tr_old', 688, $4),
              ($1, $3, 'IP_OWNER', 2350, 2115, 212, 'SENT', $4, 2115, 'tr_old2', 0, $4)`,
      [paid, seller, owner, at],
    );
    await bed.db.query(
      `INSERT INTO commerce.refund (id, order_id, amount, reason, requested_by, status, provider_refund_id, created_at, updated_at)
       VALUES ($1, $2, 1000, 'ISSUED_BY_CREATOR', $3, 'SUCCEEDED', 're_old', $4, $4)`,
      [refund, paid, seller, at],
    );
    await bed.db.query(
      `INSERT INTO commerce.reversal (id, order_id, recipient_id, cause, amount, recovered, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 688, 688, 'REVERSED', $5, $5)`,
      [reversal, paid, seller, `refund:${refund}`, at],
    );

    await migration.up(runner);
    const lines = await bed.db.query<Record<string, unknown>>(
      `SELECT order_id, position, offer_id, offer_revision, subject_kind, version_id, model_id, seller_id, tier, item_name,
              amount::int, platform_fee::int, platform_fee_bps, platform_fee_clawed_back::int, processor_fee::int, grant_id,
              failure_reason, refunded_amount::int, paid_at
         FROM commerce.order_line ORDER BY paid_at NULLS LAST`,
    );
    const line = {
      position: 1,
      offer_id: offer,
      offer_revision: 3,
      subject_kind: 'TEMPLATE',
      version_id: version,
      model_id: model,
      seller_id: seller,
      tier: 'COMMERCIAL',
      item_name: 'Harbour Cats — v1 (commercial licence)',
      amount: 10000,
      platform_fee: 1000,
      platform_fee_bps: 1000,
      failure_reason: null,
    };
    expect(lines).toEqual([
      {
        ...line,
        order_id: paid,
        platform_fee_clawed_back: 100,
        processor_fee: 320,
        grant_id: grant,
        refunded_amount: 1000,
        paid_at: at,
      },
      {
        ...line,
        order_id: open,
        platform_fee_clawed_back: 0,
        processor_fee: null,
        grant_id: null,
        refunded_amount: 0,
        paid_at: null,
      },
    ]);
    expect(
      await bed.db.query(
        `SELECT id, offer_ids, amount::int, platform_fee::int, refunded_amount::int FROM commerce."order" ORDER BY paid_at NULLS LAST`,
      ),
    ).toEqual([
      { id: paid, offer_ids: [offer], amount: 10000, platform_fee: 1000, refunded_amount: 1000 },
      { id: open, offer_ids: [offer], amount: 10000, platform_fee: 1000, refunded_amount: 0 },
    ]);
    expect(await bed.db.query(`SELECT line, recipient_id FROM commerce.order_split ORDER BY amount DESC`)).toEqual([
      { line: 1, recipient_id: seller },
      { line: 1, recipient_id: owner },
    ]);
    expect(await bed.db.query(`SELECT refund_id, order_id, line, amount::int FROM commerce.refund_line`)).toEqual([
      { refund_id: refund, order_id: paid, line: 1, amount: 1000 },
    ]);
    expect(await bed.db.query(`SELECT id, line FROM commerce.reversal`)).toEqual([{ id: reversal, line: 1 }]);
    // The open checkout is still found by its buyer and (now) its set of offers: a second one is refused.
    await expect(
      bed.db.query(
        `INSERT INTO commerce."order" (id, buyer_id, offer_ids, item_name, amount, currency, platform_fee, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'x', 1, 'USD', 0, 'PENDING', now(), now())`,
        [randomUUID(), buyer, [offer]],
      ),
    ).rejects.toThrow(/order_open_key/);

    // Down restores the old shape from line 1 …
    await migration.down(runner);
    expect(
      await bed.db.query(
        `SELECT id, seller_id, offer_id, grant_id, platform_fee_clawed_back::int FROM commerce."order" WHERE id = $1`,
        [paid],
      ),
    ).toEqual([{ id: paid, seller_id: seller, offer_id: offer, grant_id: grant, platform_fee_clawed_back: 100 }]);
    await migration.up(runner);
    // … but refuses once an order has a second line (it cannot be represented without lines).
    await bed.db.query(
      `INSERT INTO commerce.order_line (id, order_id, position, offer_id, offer_revision, subject_kind, version_id, model_id,
         seller_id, tier, item_name, amount, platform_fee, platform_fee_bps)
       VALUES ($1, $2, 2, $3, 1, 'MODEL', $3, $3, $4, 'PERSONAL', 'y', 500, 50, 1000)`,
      [randomUUID(), open, randomUUID(), seller],
    );
    await expect(migration.down(runner)).rejects.toThrow(/several lines/);
  });
});
