import { Clock, Transactions } from '@lookbook/core';
import { ConflictError } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, aPaidSession, aSplit } from '../../testing';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import { RefundService } from '../refunds/refund.service';
import type { PaidSession } from './fulfilment.service';
import { FulfilmentService } from './fulfilment.service';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

const pending = anOrder({ status: 'PENDING', paidAt: null, chargeId: null, paymentIntentId: null, grantId: null });
const session: PaidSession = aPaidSession({ orderId: pending.id });
const paidAt = new Date('2026-03-01T12:05:00.000Z');
const splits = [aSplit({ amount: 600 }), aSplit({ recipientId: '00000000-0000-4000-8000-0000000000c2', amount: 250 })];

function setUp(current: OrderEntity | null = pending) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(FulfilmentService, [
    [Transactions, transactions],
    [Clock, new FakeClock(paidAt)],
  ]);
  const orders = mock(OrderRepository);
  orders.lock.mockResolvedValue(current);
  orders.splitsOf.mockResolvedValue(splits);
  orders.update.mockResolvedValue(undefined);
  orders.byId.mockResolvedValue(current && { ...current, status: 'PAID' });
  const ledger = mock(LedgerService);
  ledger.post.mockResolvedValue({} as never);
  const licensing = mock(LicensingFacade);
  licensing.issueForOrder.mockResolvedValue({ id: 'grant-1' } as never);
  const scheduler = mock(TransferScheduler);
  scheduler.scheduleSale.mockResolvedValue(paidAt);
  return { sut, mock, orders, ledger, licensing, scheduler, transactions };
}

describe('fulfilling a paid checkout', () => {
  it('grants the licence, books the sale to the cent, marks the order paid and schedules every split', async () => {
    const { sut, orders, ledger, licensing, scheduler } = setUp();
    await expect(sut.fulfil(session)).resolves.toBe('fulfilled');
    expect(licensing.issueForOrder).toHaveBeenCalledWith(TEST_MANAGER, {
      offerId: pending.offerId,
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
      expect.objectContaining({ status: 'PAID', paidAt, chargeId: 'ch_1', grantId: 'grant-1', failureReason: null }),
      TEST_MANAGER,
    );
    expect(scheduler.scheduleSale).toHaveBeenCalledWith(TEST_MANAGER, pending.id, splits, paidAt);
  });

  it('posts no processor fee when the provider reports none', async () => {
    const { sut, ledger } = setUp();
    await sut.fulfil({ ...session, processorFee: null });
    expect(ledger.post).toHaveBeenCalledTimes(1);
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
    const { sut, orders, ledger, licensing, scheduler, mock, transactions } = setUp();
    licensing.issueForOrder.mockRejectedValue(new ConflictError('OFFER_SOLD_OUT', 'sold exclusively meanwhile'));
    const refunds = mock(RefundService);
    refunds.refundInTransaction.mockResolvedValue({} as never);
    await expect(sut.fulfil(session)).resolves.toBe('refunded: OFFER_SOLD_OUT');
    expect(transactions.count).toBe(2); // the first (granting) transaction rolled back
    expect(orders.update).toHaveBeenLastCalledWith(
      pending.id,
      expect.objectContaining({ status: 'PAID', grantId: null, failureReason: 'OFFER_SOLD_OUT' }),
      TEST_MANAGER,
    );
    expect(ledger.post).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ kind: 'SALE' }));
    expect(scheduler.scheduleSale).toHaveBeenLastCalledWith(TEST_MANAGER, pending.id, [], paidAt);
    expect(refunds.refundInTransaction).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ id: pending.id }),
      {
        amount: 1000,
        reason: 'LICENSE_UNAVAILABLE',
        requestedBy: null,
      },
    );
  });

  it('lets anything that is not a domain rule (an outage) fail the job, to be retried', async () => {
    const { sut, licensing, mock } = setUp();
    licensing.issueForOrder.mockRejectedValue(new Error('connection reset'));
    await expect(sut.fulfil(session)).rejects.toThrow('connection reset');
    expect(mock(RefundService).refundInTransaction).not.toHaveBeenCalled();
  });
});
