import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { RefundLineEntity } from './refund-line.entity';
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
    bed = await createRepositoryTestBed([Refund, RefundLineEntity, Reversal]);
    refunds = new RefundRepository(bed.dataSource);
    const buyer = (await bed.seed.user()).id;
    seller = (await bed.seed.user()).id;
    orderId = await bed.seed.order({ buyerId: buyer, sellerId: seller, lines: [{}, {}] });
  });
  afterAll(() => bed.close());

  const refund = (change: Partial<RefundEntity> = {}): RefundEntity => ({
    id: randomUUID(),
    orderId,
    amount: 100,
    reason: 'ISSUED_BY_CREATOR',
    requestedBy: null,
    note: null,
    status: 'PENDING',
    providerRefundId: null,
    createdAt: old,
    updatedAt: old,
    ...change,
  });
  const reversal = (change: Partial<ReversalEntity> = {}): ReversalEntity => ({
    id: randomUUID(),
    orderId,
    line: 1,
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

  /** A refund with its lines (`[line, amount]`), inserted together. */
  const insert = (r: RefundEntity, lines: [number, number][] = [[1, r.amount]]) =>
    bed.dataSource.transaction((m) =>
      refunds.insert(
        m,
        r,
        lines.map(([line, amount]) => ({ refundId: r.id, orderId, line, amount })),
      ),
    );

  it('totals only what the provider has refunded, per order and per line (pending and failed excluded)', async () => {
    const split = refund({ amount: 200, status: 'SUCCEEDED', providerRefundId: `re_${randomUUID()}` });
    await insert(split, [
      [1, 120],
      [2, 80],
    ]);
    await insert(refund({ amount: 50, status: 'SUCCEEDED', providerRefundId: `re_${randomUUID()}` }), [[2, 50]]);
    await insert(refund({ amount: 300, status: 'FAILED' }));
    await insert(refund({ amount: 400 }), [[2, 400]]);
    expect(await bed.dataSource.transaction((m) => refunds.succeededTotal(m, orderId))).toBe(250);
    expect((await refunds.succeededByLine([orderId])).sort((a, b) => a.line - b.line)).toEqual([
      { orderId, line: 1, refunded: 120 },
      { orderId, line: 2, refunded: 130 },
    ]);
    expect(await refunds.succeededByLine([])).toEqual([]);
    const receipts = await refunds.ofOrders([orderId]);
    expect(receipts.map((r) => r.amount).sort((a, b) => a - b)).toEqual([50, 200, 300, 400]);
    expect(await refunds.ofOrders([])).toEqual([]);
    expect(await bed.dataSource.transaction((m) => refunds.linesOf(m, split.id))).toEqual([
      { refundId: split.id, orderId, line: 1, amount: 120 },
      { refundId: split.id, orderId, line: 2, amount: 80 },
    ]);
    expect(await refunds.linesOfOrders([orderId])).toHaveLength(5);
  });

  it('refuses a refund line for a line the order does not have, writing none of the refund', async () => {
    const r = refund();
    await expect(insert(r, [[3, 100]])).rejects.toThrow(/refund_line_line_fkey/);
    expect(await refunds.byId(r.id)).toBeNull();
  });

  it('lists pending refunds that stopped moving, and not the ones just touched', async () => {
    const stalled = refund();
    const fresh = refund({ updatedAt: new Date() });
    await insert(stalled);
    await insert(fresh);
    const ids = await refunds.stalledIds(new Date(Date.now() - 600_000));
    expect(ids).toContain(stalled.id);
    expect(ids).not.toContain(fresh.id);
  });

  it('records a reversal once per cause, line and recipient', async () => {
    const first = reversal();
    expect(await bed.dataSource.transaction((m) => refunds.insertReversal(m, first))).toBe(true);
    expect(await bed.dataSource.transaction((m) => refunds.insertReversal(m, { ...first, id: randomUUID() }))).toBe(
      false,
    );
    // The same cause taking the same recipient's part of another line is another reversal.
    const line2 = { ...first, id: randomUUID(), line: 2 };
    expect(await bed.dataSource.transaction((m) => refunds.insertReversal(m, line2))).toBe(true);
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
