import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import type { RefundEntity } from './refund.entity';
import { RefundEntity as Refund } from './refund.entity';
import { RefundRepository } from './refund.repository';
import type { ReversalEntity } from './reversal.entity';
import { ReversalEntity as Reversal } from './reversal.entity';

describe('RefundRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let refunds: RefundRepository;
  let orderId: string;
  let seller: string;
  const old = new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    bed = await createRepositoryTestBed([Refund, Reversal]);
    refunds = new RefundRepository(bed.dataSource);
    const buyer = (await bed.seed.user()).id;
    seller = (await bed.seed.user()).id;
    orderId = await bed.seed.order({ buyerId: buyer, sellerId: seller });
  });
  afterAll(() => bed.close());

  const refund = (change: Partial<RefundEntity> = {}): RefundEntity => ({
    id: randomUUID(),
    orderId,
    amount: 100,
    reason: 'ISSUED_BY_CREATOR',
    requestedBy: null,
    status: 'PENDING',
    providerRefundId: null,
    createdAt: old,
    updatedAt: old,
    ...change,
  });
  const reversal = (change: Partial<ReversalEntity> = {}): ReversalEntity => ({
    id: randomUUID(),
    orderId,
    recipientId: seller,
    cause: `refund:${randomUUID()}`,
    amount: 100,
    recovered: 0,
    status: 'PENDING',
    providerReversalId: null,
    createdAt: old,
    updatedAt: old,
    ...change,
  });

  it('totals only what the provider has refunded (pending and failed excluded)', async () => {
    await bed.dataSource.transaction(async (m) => {
      await refunds.insert(m, refund({ amount: 200, status: 'SUCCEEDED', providerRefundId: `re_${randomUUID()}` }));
      await refunds.insert(m, refund({ amount: 50, status: 'SUCCEEDED', providerRefundId: `re_${randomUUID()}` }));
      await refunds.insert(m, refund({ amount: 300, status: 'FAILED' }));
      await refunds.insert(m, refund({ amount: 400 }));
    });
    expect(await bed.dataSource.transaction((m) => refunds.succeededTotal(m, orderId))).toBe(250);
    const receipts = await refunds.ofOrders([orderId]);
    expect(receipts.map((r) => r.amount).sort((a, b) => a - b)).toEqual([50, 200, 300, 400]);
    expect(await refunds.ofOrders([])).toEqual([]);
  });

  it('lists pending refunds that stopped moving, and not the ones just touched', async () => {
    const stalled = refund();
    const fresh = refund({ updatedAt: new Date() });
    await bed.dataSource.transaction(async (m) => {
      await refunds.insert(m, stalled);
      await refunds.insert(m, fresh);
    });
    const ids = await refunds.stalledIds(new Date(Date.now() - 600_000));
    expect(ids).toContain(stalled.id);
    expect(ids).not.toContain(fresh.id);
  });

  it('records a reversal once per cause and recipient', async () => {
    const first = reversal();
    expect(await bed.dataSource.transaction((m) => refunds.insertReversal(m, first))).toBe(true);
    expect(await bed.dataSource.transaction((m) => refunds.insertReversal(m, { ...first, id: randomUUID() }))).toBe(
      false,
    );
    expect(await refunds.reversalById(first.id)).toMatchObject({ amount: 100, status: 'PENDING' });
  });

  it('settles a reversal only while it is pending', async () => {
    const pending = reversal();
    await bed.dataSource.transaction((m) => refunds.insertReversal(m, pending));
    await refunds.settleReversal(pending.id, { status: 'CANCELLED', updatedAt: new Date() });
    await refunds.settleReversal(pending.id, { status: 'REVERSED', recovered: 100 });
    expect(await refunds.reversalById(pending.id)).toMatchObject({ status: 'CANCELLED', recovered: 0 });
    expect(await refunds.stalledReversalIds(new Date())).not.toContain(pending.id);
  });
});
