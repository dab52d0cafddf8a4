import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { MoneyReviewRepository } from './money-review.repository';

describe('MoneyReviewRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let reviews: MoneyReviewRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    reviews = new MoneyReviewRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('gathers the four kinds of case from their tables, newest first, and leaves healthy records out', async () => {
    const buyer = (await bed.seed.user()).id;
    const seller = (await bed.seed.user()).id;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const mismatch = await bed.seed.order({ buyerId: buyer, sellerId: seller, status: 'PENDING' });
    await bed.db.query(
      `UPDATE commerce."order" SET failure_reason = 'AMOUNT_MISMATCH', updated_at = $2 WHERE id = $1`,
      [mismatch, at(10)],
    );
    const paid = await bed.seed.order({ buyerId: buyer, sellerId: seller });
    await bed.db.query(
      `INSERT INTO commerce.refund (id, order_id, amount, reason, status, created_at, updated_at)
       VALUES ($1, $2, 300, 'ISSUED_BY_CREATOR', 'FAILED', $3, $3), ($4, $2, 100, 'ISSUED_BY_CREATOR', 'SUCCEEDED', $3, $3)`,
      [randomUUID(), paid, at(20), randomUUID()],
    );
    await bed.db.query(
      `INSERT INTO commerce.reversal (id, order_id, line, recipient_id, cause, amount, status, created_at, updated_at)
       VALUES ($1, $2, 1, $3, 'dispute:dp_1:lost', 850, 'UNRECOVERABLE', $4, $4)`,
      [randomUUID(), paid, seller, at(30)],
    );
    await bed.db.query(
      `INSERT INTO commerce.webhook_event (id, type, payload, received_at) VALUES
         ('evt_stalled', 'charge.refunded', '{}', $1), ('evt_recent', 'charge.refunded', '{}', $2)`,
      [at(120), at(5)],
    );
    const items = await reviews.items(10);
    expect(items.map((i) => i.kind)).toEqual([
      'AMOUNT_MISMATCH',
      'REFUND_FAILED',
      'UNRECOVERED_REVERSAL',
      'STALLED_EVENT',
    ]);
    expect(items[1]).toMatchObject({ orderId: paid, amount: 300, currency: 'EUR' });
    expect(items[2]!.detail).toMatch(/^reversal .* \(dispute:dp_1:lost, line 1\) from /);
    expect(items[3]).toMatchObject({ orderId: null, amount: null, detail: 'event evt_stalled (charge.refunded)' });
    expect(await reviews.items(2)).toHaveLength(2);
  });
});
