import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { EarningsRepository } from './earnings.repository';

describe('EarningsRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let earnings: EarningsRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    earnings = new EarningsRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('totals a creator’s money per currency: earned (less clawbacks), transferred (less reversals), paid out (any case of code)', async () => {
    const buyer = (await bed.seed.user()).id;
    const creator = (await bed.seed.user()).id;
    const sent = await bed.seed.order({
      buyerId: buyer,
      sellerId: creator,
      splits: [{ recipientId: creator, amount: 850, transferStatus: 'SENT', transferAmount: 850 }],
    });
    await bed.db.query(`UPDATE commerce.order_split SET reversed_amount = 100, clawed_back = 100 WHERE order_id = $1`, [
      sent,
    ]);
    await bed.seed.order({ buyerId: buyer, sellerId: creator }); // earned, still on hold
    await bed.seed.order({ buyerId: buyer, sellerId: creator, currency: 'USD' });
    await bed.seed.order({ buyerId: buyer, sellerId: creator, status: 'PENDING' }); // not paid: earns nothing
    for (const [id, amount, status] of [
      ['po_1', 300, 'PAID'],
      ['po_2', 200, 'IN_TRANSIT'],
      ['po_3', 999, 'FAILED'],
    ] as const) {
      await bed.db.query(
        `INSERT INTO commerce.payout (provider_payout_id, creator_id, amount, currency, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'eur', $4, now(), now())`,
        [`${id}_${creator}`, creator, amount, status],
      );
    }
    expect(await earnings.totals(creator)).toEqual([
      { currency: 'EUR', earned: 750 + 850, transferred: 750, paidOut: 300, inFlight: 200 },
      { currency: 'USD', earned: 850, transferred: 0, paidOut: 0, inFlight: 0 },
    ]);
  });

  it('has no rows for someone who never earned', async () => {
    expect(await earnings.totals((await bed.seed.user()).id)).toEqual([]);
  });
});
