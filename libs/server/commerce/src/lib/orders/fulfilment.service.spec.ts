import { Clock, Notifier, Transactions } from '@lookbook/core';
import { ConflictError } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, anOrderLine, aPaidSession, aSplit } from '../../testing';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import { RefundService } from '../refunds/refund.service';
import type { PaidSession } from './fulfilment.service';
import { FulfilmentService } from './fulfilment.service';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderSplitEntity } from './order-split.entity';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

const pending = anOrder({ status: 'PENDING', paidAt: null, chargeId: null, paymentIntentId: null });
const session: PaidSession = aPaidSession({ orderId: pending.id });
const paidAt = new Date('2026-03-01T12:05:00.000Z');
const ipOwner = '00000000-0000-4000-8000-0000000000c2';
const oneLine = [anOrderLine({ grantId: null, processorFee: null, paidAt: null })];
const splits = [aSplit({ amount: 600 }), aSplit({ recipientId: ipOwner, amount: 250 })];

// Three lines, 3000 in all: 1000 (the seller's and an IP owner's), 1500 and 500 (versions sorted c < a < b on purpose).
const version = (c: string) => `00000000-0000-4000-8000-00000000${c}e1`.slice(-36);
const threeLines = [
  anOrderLine({ position: 1, versionId: version('cc'), offerId: 'offer-1', grantId: null, processorFee: null }),
  anOrderLine({ position: 2, versionId: version('aa'), offerId: 'offer-2', amount: 1500, platformFee: 225 }),
  anOrderLine({ position: 3, versionId: version('bb'), offerId: 'offer-3', amount: 500, platformFee: 75 }),
];
const threeSplits = [
  aSplit({ line: 1, amount: 600 }),
  aSplit({ line: 1, recipientId: ipOwner, amount: 250 }),
  aSplit({ line: 2, amount: 1275 }),
  aSplit({ line: 3, recipientId: ipOwner, amount: 425 }),
];
const threeOrder = anOrder({ ...pending, amount: 3000, platformFee: 450 });

function setUp(
  current: OrderEntity | null = pending,
  lines: OrderLineEntity[] = oneLine,
  orderSplits: OrderSplitEntity[] = splits,
) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(FulfilmentService, [
    [Transactions, transactions],
    [Clock, new FakeClock(paidAt)],
  ]);
  const orders = mock(OrderRepository);
  orders.lock.mockResolvedValue(current);
  orders.linesOf.mockResolvedValue(lines);
  orders.splitsOf.mockResolvedValue(orderSplits);
  orders.update.mockResolvedValue(undefined);
  orders.updateLine.mockResolvedValue(undefined);
  const ledger = mock(LedgerService);
  ledger.post.mockResolvedValue({} as never);
  const licensing = mock(LicensingFacade);
  licensing.issueForOrder.mockImplementation((_m, input: { orderRef: string }) =>
    Promise.resolve({ id: `grant for ${input.orderRef}` } as never),
  );
  const scheduler = mock(TransferScheduler);
  scheduler.scheduleSale.mockResolvedValue(paidAt);
  const refunds = mock(RefundService);
  refunds.refundInTransaction.mockResolvedValue({} as never);
  const notify = mock(Notifier).notify.mockResolvedValue(undefined);
  return { sut, mock, orders, ledger, licensing, scheduler, transactions, refunds, notify };
}

const lineUpdate = (orders: ReturnType<typeof setUp>['orders'], line: OrderLineEntity) =>
  orders.updateLine.mock.calls.find(([id]) => id === line.id)?.[1];

describe('fulfilling a paid checkout', () => {
  it('grants the licence, books the sale to the cent, marks the order paid and schedules every split', async () => {
    const { sut, orders, ledger, licensing, scheduler } = setUp();
    await expect(sut.fulfil(session)).resolves.toBe('fulfilled');
    expect(licensing.issueForOrder).toHaveBeenCalledWith(TEST_MANAGER, {
      offerId: oneLine[0]!.offerId,
      licenseeId: pending.buyerId,
      orderRef: `order:${pending.id}`,
    });
    const sale = ledger.post.mock.calls[0]![1];
    expect(sale).toMatchObject({ externalRef: `order:${pending.id}:paid`, kind: 'SALE' });
    expect(sale.entries.map((e) => e.amount)).toEqual([1000, -150, -600, -250]);
    expect(ledger.post.mock.calls[1]![1]).toMatchObject({
      kind: 'PROCESSOR_FEE',
      externalRef: `order:${pending.id}:processor-fee`,
    });
    expect(orders.update).toHaveBeenCalledWith(
      pending.id,
      expect.objectContaining({ status: 'PAID', paidAt, chargeId: 'ch_1', processorFee: 30, failureReason: null }),
      TEST_MANAGER,
    );
    expect(lineUpdate(orders, oneLine[0]!)).toEqual({
      grantId: `grant for order:${pending.id}`,
      failureReason: null,
      processorFee: 30,
      paidAt,
    });
    expect(scheduler.scheduleSale).toHaveBeenCalledWith(TEST_MANAGER, pending.id, splits, paidAt);
  });

  it('posts no processor fee when the provider reports none', async () => {
    const { sut, ledger, orders } = setUp();
    await sut.fulfil({ ...session, processorFee: null });
    expect(ledger.post).toHaveBeenCalledTimes(1);
    expect(lineUpdate(orders, oneLine[0]!)).toMatchObject({ processorFee: null });
  });

  it('honours a checkout that expired (or was superseded) but was paid anyway', async () => {
    const { sut, orders } = setUp({ ...pending, status: 'CANCELLED' });
    await expect(sut.fulfil(session)).resolves.toBe('fulfilled');
    expect(orders.update).toHaveBeenCalledWith(pending.id, expect.objectContaining({ status: 'PAID' }), TEST_MANAGER);
  });

  it.each(['PAID', 'REFUNDED', 'DISPUTED'] as const)('is a no-op replay on a %s order', async (status) => {
    const { sut, ledger, licensing } = setUp({ ...pending, status });
    await expect(sut.fulfil(session)).resolves.toBe('already fulfilled');
    expect(ledger.post).not.toHaveBeenCalled();
    expect(licensing.issueForOrder).not.toHaveBeenCalled();
  });

  it('knows nothing of an order that does not exist', async () => {
    const { sut, ledger } = setUp(null);
    await expect(sut.fulfil(session)).resolves.toBe('unknown order');
    expect(ledger.post).not.toHaveBeenCalled();
  });
});

describe('fulfilling an order of several lines', () => {
  const paid = { ...session, amount: 3000, processorFee: 117 };

  it('grants every line in one transaction (in version order), books one sale and shares the processor fee', async () => {
    const { sut, orders, ledger, licensing, scheduler, transactions } = setUp(threeOrder, threeLines, threeSplits);
    await expect(sut.fulfil(paid)).resolves.toBe('fulfilled');
    expect(transactions.count).toBe(1);
    // Version order (aa, bb, cc), so fulfilments sharing versions lock them in the same order; line 1 keeps `order:<id>`.
    expect(licensing.issueForOrder.mock.calls.map(([, input]) => input.orderRef)).toEqual([
      `order:${pending.id}:line:2`,
      `order:${pending.id}:line:3`,
      `order:${pending.id}`,
    ]);
    const sale = ledger.post.mock.calls[0]![1];
    expect(sale.externalRef).toBe(`order:${pending.id}:paid`);
    expect(sale.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
    expect(sale.entries.map((e) => e.amount)).toEqual([3000, -450, -600, -250, -1275, -425]);
    // 117 over 1000 / 1500 / 500 = 39 / 58.5 / 19.5 → 39, 59, 19 (the tie goes to the earlier line).
    expect(threeLines.map((l) => lineUpdate(orders, l)?.processorFee)).toEqual([39, 59, 19]);
    expect(threeLines.map((l) => lineUpdate(orders, l)?.grantId)).toEqual([
      `grant for order:${pending.id}`,
      `grant for order:${pending.id}:line:2`,
      `grant for order:${pending.id}:line:3`,
    ]);
    expect(scheduler.scheduleSale).toHaveBeenCalledWith(TEST_MANAGER, pending.id, threeSplits, paidAt);
  });

  it('refunds a line that can no longer be granted, grants the others, and pays nobody for that line', async () => {
    const { sut, orders, ledger, licensing, scheduler, refunds, transactions } = setUp(
      threeOrder,
      threeLines,
      threeSplits,
    );
    licensing.issueForOrder.mockImplementation((_m, input: { offerId: string; orderRef: string }) =>
      input.offerId === 'offer-2'
        ? Promise.reject(new ConflictError('VERSION_EXCLUSIVELY_LICENSED', 'sold exclusively meanwhile'))
        : Promise.resolve({ id: `grant for ${input.orderRef}` } as never),
    );
    await expect(sut.fulfil(paid)).resolves.toBe('fulfilled 2 of 3; refunded line 2: VERSION_EXCLUSIVELY_LICENSED');
    expect(transactions.count).toBe(2); // the first round refused line 2 and rolled back
    const committed = orders.updateLine.mock.calls.slice(-3);
    expect(committed.map(([, change]) => [change.grantId, change.failureReason])).toEqual([
      [`grant for order:${pending.id}`, null],
      [null, 'VERSION_EXCLUSIVELY_LICENSED'],
      [`grant for order:${pending.id}:line:3`, null],
    ]);
    expect(orders.update).toHaveBeenLastCalledWith(
      pending.id,
      expect.objectContaining({ status: 'PAID', failureReason: null }),
      TEST_MANAGER,
    );
    // The whole sale is booked (the money came in); line 2's splits are not scheduled; its refund claws them back.
    expect(ledger.post).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ kind: 'SALE' }));
    expect(scheduler.scheduleSale).toHaveBeenLastCalledWith(
      TEST_MANAGER,
      pending.id,
      threeSplits.filter((s) => s.line !== 2),
      paidAt,
    );
    expect(refunds.refundInTransaction).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ id: pending.id }),
      {
        lines: [{ line: threeLines[1], amount: 1500 }],
        reason: 'LICENSE_UNAVAILABLE',
        requestedBy: null,
      },
    );
  });

  it('refunds every line that cannot be granted, one round per refusal, in one refund', async () => {
    const { sut, licensing, refunds, transactions, orders, notify } = setUp(threeOrder, threeLines, threeSplits);
    licensing.issueForOrder.mockImplementation((_m, input: { offerId: string; orderRef: string }) =>
      input.offerId === 'offer-2' || input.offerId === 'offer-1'
        ? Promise.reject(new ConflictError('OFFER_NOT_AVAILABLE', 'withdrawn'))
        : Promise.resolve({ id: `grant for ${input.orderRef}` } as never),
    );
    await expect(sut.fulfil(paid)).resolves.toBe(
      'fulfilled 1 of 3; refunded line 1: OFFER_NOT_AVAILABLE, line 2: OFFER_NOT_AVAILABLE',
    );
    expect(transactions.count).toBe(3);
    expect(refunds.refundInTransaction.mock.calls[0]![2].lines).toEqual([
      { line: threeLines[0], amount: 1000 },
      { line: threeLines[1], amount: 1500 },
    ]);
    expect(orders.update).toHaveBeenLastCalledWith(
      pending.id,
      expect.objectContaining({ failureReason: null }),
      TEST_MANAGER,
    );
    // Only the IP owner is paid (line 3): the seller, paid on refused lines only, hears of no sale.
    expect(notify.mock.calls.map(([, event]) => event.recipientId)).toEqual([ipOwner]);
  });

  it('notifies each creator paid by the sale once, in the fulfilment transaction, and never a buyer of their own work', async () => {
    const { sut, notify } = setUp(threeOrder, threeLines, threeSplits);
    await sut.fulfil(paid);
    expect(notify).toHaveBeenCalledTimes(2);
    for (const recipientId of [threeSplits[0]!.recipientId, ipOwner])
      expect(notify).toHaveBeenCalledWith(TEST_MANAGER, {
        recipientId,
        kind: 'SALE',
        subjectKind: 'ORDER',
        subjectId: threeOrder.id,
        text: `New sale: someone licensed ${threeOrder.itemName}`,
        url: '/earnings',
        dedupeKey: `commerce.sale:${threeOrder.id}:${recipientId}`,
      });
    const own = setUp({ ...threeOrder, buyerId: ipOwner }, threeLines, threeSplits);
    await own.sut.fulfil(paid);
    expect(own.notify.mock.calls.map(([, event]) => event.recipientId)).toEqual([threeSplits[0]!.recipientId]);
  });
});

describe('amount mismatches', () => {
  it.each([
    ['a different amount', { amount: 999 }],
    ['a different currency', { currency: 'USD' }],
    ['no amount', { amount: null }],
  ])('holds an order charged %s for review: no licence, no booking, no transfer', async (_, change) => {
    const { sut, orders, ledger, licensing, scheduler } = setUp();
    await expect(sut.fulfil({ ...session, ...change })).resolves.toBe('amount mismatch: held for review');
    expect(orders.update).toHaveBeenCalledWith(
      pending.id,
      { failureReason: 'AMOUNT_MISMATCH', updatedAt: paidAt },
      TEST_MANAGER,
    );
    expect(licensing.issueForOrder).not.toHaveBeenCalled();
    expect(ledger.post).not.toHaveBeenCalled();
    expect(scheduler.scheduleSale).not.toHaveBeenCalled();
  });
});

describe('a paid order whose licence can no longer be granted', () => {
  it('records the money in a fresh transaction, pays nobody and refunds the buyer in full', async () => {
    const { sut, orders, ledger, licensing, scheduler, refunds, transactions } = setUp();
    licensing.issueForOrder.mockRejectedValue(new ConflictError('OFFER_SOLD_OUT', 'sold exclusively meanwhile'));
    await expect(sut.fulfil(session)).resolves.toBe('refunded: OFFER_SOLD_OUT');
    expect(transactions.count).toBe(2); // the first (granting) transaction rolled back
    expect(orders.update).toHaveBeenLastCalledWith(
      pending.id,
      expect.objectContaining({ status: 'PAID', failureReason: 'OFFER_SOLD_OUT' }),
      TEST_MANAGER,
    );
    expect(lineUpdate(orders, oneLine[0]!)).toMatchObject({ grantId: null, failureReason: 'OFFER_SOLD_OUT' });
    expect(ledger.post).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ kind: 'SALE' }));
    expect(scheduler.scheduleSale).toHaveBeenLastCalledWith(TEST_MANAGER, pending.id, [], paidAt);
    expect(refunds.refundInTransaction).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ id: pending.id }),
      {
        lines: [{ line: oneLine[0], amount: 1000 }],
        reason: 'LICENSE_UNAVAILABLE',
        requestedBy: null,
      },
    );
  });

  it('lets anything that is not a domain rule (an outage) fail the job, to be retried', async () => {
    const { sut, licensing, refunds } = setUp();
    licensing.issueForOrder.mockRejectedValue(new Error('connection reset'));
    await expect(sut.fulfil(session)).rejects.toThrow('connection reset');
    expect(refunds.refundInTransaction).not.toHaveBeenCalled();
  });
});
