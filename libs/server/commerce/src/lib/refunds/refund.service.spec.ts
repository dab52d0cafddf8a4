import { APP_CONFIG, Clock, JobQueue, Transactions } from '@lookbook/core';
import { LicensingFacade } from '@lookbook/licensing';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { anOrder } from '../../testing';
import { CommerceTasks } from '../commerce.tasks';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from './clawback.service';
import type { RefundEntity } from './refund.entity';
import { RefundRepository } from './refund.repository';
import { refundReasonFor, RefundService } from './refund.service';

const order = anOrder(); // paid 2026-03-01 12:00, 1000 EUR cents
const buyer = anActor(order.buyerId);
const seller = anActor(order.sellerId);
const support = anActor('00000000-0000-4000-8000-0000000000aa', ['moderator']);
const stranger = anActor('00000000-0000-4000-8000-0000000000bb');
const DAY = 86_400_000;

function setUp(current: OrderEntity | null = order, now = new Date(order.paidAt!.getTime() + DAY)) {
  const clock = new FakeClock(now);
  const { sut, mock } = newTestService(RefundService, [
    [Transactions, new InlineTransactions()],
    [Clock, clock],
    [APP_CONFIG, testConfig({ REFUND_WINDOW_DAYS: '14' })],
  ]);
  const orders = mock(OrderRepository);
  const refunds = mock(RefundRepository);
  const queue = mock(JobQueue);
  orders.lock.mockResolvedValue(current);
  orders.addRefunded.mockResolvedValue(undefined);
  refunds.insert.mockResolvedValue(undefined);
  queue.enqueue.mockResolvedValue('job-1');
  return { sut, mock, orders, refunds, queue, clock };
}

describe('who may refund what', () => {
  it('names the reason by who asks: the seller, then support, then the buyer; anyone else gets none', () => {
    expect(refundReasonFor(seller, order)).toBe('ISSUED_BY_CREATOR');
    expect(refundReasonFor(support, order)).toBe('ISSUED_BY_SUPPORT');
    expect(refundReasonFor(buyer, order)).toBe('REQUESTED_BY_BUYER');
    expect(refundReasonFor(stranger, order)).toBeNull();
    // A creator who bought their own look refunds as its seller (any part, any time).
    expect(refundReasonFor(seller, { ...order, buyerId: order.sellerId })).toBe('ISSUED_BY_CREATOR');
  });

  it('answers ORDER_NOT_FOUND to strangers and for unknown orders, recording nothing', async () => {
    const { sut, refunds } = setUp();
    await expect(sut.request(stranger, order.id, undefined)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    const missing = setUp(null);
    await expect(missing.sut.request(buyer, order.id, undefined)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it.each([
    ['DISPUTED', 'ORDER_DISPUTED'],
    ['REFUNDED', 'NOTHING_TO_REFUND'],
    ['DISPUTE_LOST', 'NOTHING_TO_REFUND'],
    ['PENDING', 'ORDER_NOT_PAID'],
    ['EXPIRED', 'ORDER_NOT_PAID'],
  ] as const)('refuses a refund on a %s order (%s)', async (status, code) => {
    const { sut, refunds } = setUp({ ...order, status });
    await expect(sut.request(seller, order.id, 100)).rejects.toMatchObject({ code });
    expect(refunds.insert).not.toHaveBeenCalled();
  });
});

describe('refund amounts', () => {
  it.each([0, -5, 1.5, 1001, Number.MAX_SAFE_INTEGER + 2])('refuses %p of a 1000 order', async (amount) => {
    const { sut, refunds } = setUp();
    await expect(sut.request(seller, order.id, amount)).rejects.toMatchObject({
      code: 'INVALID_REFUND_AMOUNT',
      details: { max: 1000 },
    });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('bounds a refund by what earlier refunds (even pending ones) left', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 600 });
    await expect(sut.request(seller, order.id, 401)).rejects.toMatchObject({ details: { max: 400 } });
  });

  it('lets the seller refund part of a sale at any time, reserving it and queueing the provider call', async () => {
    const { sut, orders, refunds, queue } = setUp(order, new Date(order.paidAt!.getTime() + 400 * DAY));
    const refund = await sut.request(seller, order.id, 250);
    expect(refund).toMatchObject({
      amount: 250,
      reason: 'ISSUED_BY_CREATOR',
      status: 'PENDING',
      requestedBy: seller.userId,
    });
    expect(refunds.insert).toHaveBeenCalledWith(TEST_MANAGER, refund);
    expect(orders.addRefunded).toHaveBeenCalledWith(TEST_MANAGER, order.id, 250, expect.any(Date));
    expect(queue.enqueue).toHaveBeenCalledWith(TEST_MANAGER, CommerceTasks.refund, { refundId: refund.id });
  });

  it('defaults to everything that is left', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 300 });
    await expect(sut.request(support, order.id, undefined)).resolves.toMatchObject({
      amount: 700,
      reason: 'ISSUED_BY_SUPPORT',
    });
  });
});

describe('the buyer’s refund window', () => {
  it('gives the buyer a full refund within the window', async () => {
    const { sut } = setUp(order, new Date(order.paidAt!.getTime() + 14 * DAY));
    await expect(sut.request(buyer, order.id, undefined)).resolves.toMatchObject({
      amount: 1000,
      reason: 'REQUESTED_BY_BUYER',
    });
  });

  it('closes one millisecond after the window ends', async () => {
    const { sut, refunds } = setUp(order, new Date(order.paidAt!.getTime() + 14 * DAY + 1));
    await expect(sut.request(buyer, order.id, undefined)).rejects.toMatchObject({
      code: 'REFUND_WINDOW_CLOSED',
    });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('refuses a partial refund asked by the buyer, even within the window', async () => {
    const { sut } = setUp();
    await expect(sut.request(buyer, order.id, 500)).rejects.toMatchObject({ code: 'BUYER_REFUNDS_ARE_FULL' });
  });

  it('lets the buyer ask for exactly what is left after a seller’s partial refund', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 400 });
    await expect(sut.request(buyer, order.id, 600)).resolves.toMatchObject({ amount: 600 });
  });
});

describe('when the provider has made the refund', () => {
  const pending = (amount: number): RefundEntity => ({
    id: '00000000-0000-4000-8000-0000000000e5',
    orderId: order.id,
    amount,
    reason: 'ISSUED_BY_CREATOR',
    requestedBy: order.sellerId,
    status: 'PENDING',
    providerRefundId: null,
    createdAt: order.paidAt!,
    updatedAt: order.paidAt!,
  });

  function applying(refund: RefundEntity | null, current: OrderEntity, succeededTotal: number) {
    const setup = setUp(current);
    setup.refunds.lock.mockResolvedValue(refund);
    setup.refunds.update.mockResolvedValue(undefined);
    setup.refunds.succeededTotal.mockResolvedValue(succeededTotal);
    setup.orders.update.mockResolvedValue(undefined);
    setup.mock(ClawbackService).clawBack.mockResolvedValue({ platformPart: 0, parts: [] });
    setup.mock(LicensingFacade).revoke.mockResolvedValue({} as never);
    return setup;
  }

  it('a partial refund claws back pro rata and leaves the licence', async () => {
    const { sut, orders, mock } = applying(pending(300), order, 300);
    await expect(sut.applySucceeded(TEST_MANAGER, pending(300).id, 're_1')).resolves.toBe(true);
    expect(mock(ClawbackService).clawBack).toHaveBeenCalledWith(
      TEST_MANAGER,
      order,
      300,
      `refund:${pending(300).id}`,
      expect.any(Function),
    );
    expect(orders.update).toHaveBeenCalledWith(
      order.id,
      expect.objectContaining({ status: 'PARTIALLY_REFUNDED' }),
      TEST_MANAGER,
    );
    expect(mock(LicensingFacade).revoke).not.toHaveBeenCalled();
  });

  it('the refund that completes the total ends the licence', async () => {
    const current = { ...order, status: 'PARTIALLY_REFUNDED' as const, refundedAmount: 1000 };
    const { sut, orders, mock } = applying(pending(700), current, 1000);
    await sut.applySucceeded(TEST_MANAGER, pending(700).id, 're_2');
    expect(orders.update).toHaveBeenCalledWith(order.id, expect.objectContaining({ status: 'REFUNDED' }), TEST_MANAGER);
    expect(mock(LicensingFacade).revoke).toHaveBeenCalledWith(TEST_MANAGER, order.grantId, 'REFUNDED');
  });

  it('a disputed order keeps its status: the dispute’s outcome decides it', async () => {
    const { sut, orders } = applying(pending(300), { ...order, status: 'DISPUTED' }, 300);
    await sut.applySucceeded(TEST_MANAGER, pending(300).id, 're_3');
    expect(orders.update).not.toHaveBeenCalled();
  });

  it('a replay (refund no longer pending) changes nothing', async () => {
    const { sut, mock } = applying({ ...pending(300), status: 'SUCCEEDED' }, order, 300);
    await expect(sut.applySucceeded(TEST_MANAGER, pending(300).id, 're_1')).resolves.toBe(false);
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
  });

  it('a refused refund releases its reservation and nothing else', async () => {
    const { sut, refunds, orders, mock } = applying(pending(300), order, 0);
    await sut.markFailed(pending(300).id);
    expect(refunds.update).toHaveBeenCalledWith(
      TEST_MANAGER,
      pending(300).id,
      expect.objectContaining({ status: 'FAILED' }),
    );
    expect(orders.addRefunded).toHaveBeenCalledWith(TEST_MANAGER, order.id, -300, expect.any(Date));
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
  });
});

describe('refunds made at the provider directly (charge.refunded)', () => {
  it('records only what we did not know of, as a provider refund', async () => {
    const { sut, refunds, mock } = setUp({ ...order, refundedAmount: 200 });
    refunds.lock.mockImplementation((_m, id: string) =>
      Promise.resolve({ id, orderId: order.id, amount: 300, status: 'PENDING' } as RefundEntity),
    );
    refunds.update.mockResolvedValue(undefined);
    refunds.succeededTotal.mockResolvedValue(500);
    mock(OrderRepository).update.mockResolvedValue(undefined);
    mock(ClawbackService).clawBack.mockResolvedValue({ platformPart: 0, parts: [] });
    await expect(sut.syncChargeRefunds(order.id, 500, 're_dash')).resolves.toBe('recorded external refund of 300');
    expect(refunds.insert).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ amount: 300, reason: 'PROVIDER', requestedBy: null }),
    );
    expect(refunds.update).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.any(String),
      expect.objectContaining({ status: 'SUCCEEDED', providerRefundId: 're_dash' }),
    );
  });

  it('is a no-op when every refund is already recorded', async () => {
    const { sut, refunds } = setUp({ ...order, refundedAmount: 500 });
    await expect(sut.syncChargeRefunds(order.id, 500, 're_x')).resolves.toBe('refunds already recorded');
    expect(refunds.insert).not.toHaveBeenCalled();
  });
});
