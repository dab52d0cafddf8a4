import { APP_CONFIG, Clock, JobQueue, Transactions } from '@lookbook/core';
import { LicensingFacade } from '@lookbook/licensing';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { anOrder, anOrderLine } from '../../testing';
import { CommerceTasks } from '../commerce.tasks';
import type { OrderLineEntity } from '../orders/order-line.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from './clawback.service';
import type { RefundLineEntity } from './refund-line.entity';
import type { RefundEntity } from './refund.entity';
import { RefundRepository } from './refund.repository';
import { refundReasonFor, RefundService } from './refund.service';

const order = anOrder(); // paid 2026-03-01 12:00, 1000 EUR cents, one line
const line = anOrderLine();
const buyer = anActor(order.buyerId);
const seller = anActor(line.sellerId);
const support = anActor('00000000-0000-4000-8000-0000000000aa', ['moderator']);
const stranger = anActor('00000000-0000-4000-8000-0000000000bb');
const otherSeller = anActor('00000000-0000-4000-8000-0000000000c9');
const DAY = 86_400_000;

// An order of three lines (1000 by the seller, 2000 by another seller, 1 by the seller), 3001 in all.
const three = anOrder({ amount: 3001, platformFee: 450 });
const threeLines = [
  anOrderLine({ position: 1 }),
  anOrderLine({ position: 2, amount: 2000, platformFee: 300, sellerId: otherSeller.userId, grantId: 'grant-2' }),
  anOrderLine({ position: 3, amount: 1, platformFee: 0, grantId: 'grant-3' }),
];

function setUp(
  current: OrderEntity | null = order,
  lines: OrderLineEntity[] = [line],
  now = new Date(order.paidAt!.getTime() + DAY),
) {
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
  orders.linesOf.mockResolvedValue(lines);
  orders.addRefunded.mockResolvedValue(undefined);
  refunds.insert.mockResolvedValue(undefined);
  queue.enqueue.mockResolvedValue('job-1');
  return { sut, mock, orders, refunds, queue, clock };
}

/** What a recorded refund reserved, per line: `[position, amount]`. */
const reserved = (orders: ReturnType<typeof setUp>['orders']) =>
  orders.addRefunded.mock.calls.map(([, , position, amount]) => [position, amount]);

describe('who may refund what', () => {
  it('names the reason by who asks: the line’s seller, then support, then the buyer; anyone else gets none', () => {
    expect(refundReasonFor(seller, order, line)).toBe('ISSUED_BY_CREATOR');
    expect(refundReasonFor(support, order, line)).toBe('ISSUED_BY_SUPPORT');
    expect(refundReasonFor(buyer, order, line)).toBe('REQUESTED_BY_BUYER');
    expect(refundReasonFor(stranger, order, line)).toBeNull();
    expect(refundReasonFor(otherSeller, order, line)).toBeNull(); // sells another line, not this one
    // A creator who bought their own look refunds as its seller (any part, any time).
    expect(refundReasonFor(seller, { buyerId: line.sellerId }, line)).toBe('ISSUED_BY_CREATOR');
  });

  it('answers ORDER_NOT_FOUND to strangers and for unknown orders, recording nothing', async () => {
    const { sut, refunds } = setUp();
    await expect(sut.request(stranger, order.id)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
    const missing = setUp(null);
    await expect(missing.sut.request(buyer, order.id)).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });
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
    await expect(sut.request(seller, order.id, { amount: 100 })).rejects.toMatchObject({ code });
    expect(refunds.insert).not.toHaveBeenCalled();
  });
});

describe('refund amounts', () => {
  it.each([0, -5, 1.5, 1001, Number.MAX_SAFE_INTEGER + 2])('refuses %p of a 1000 order', async (amount) => {
    const { sut, refunds } = setUp();
    await expect(sut.request(seller, order.id, { amount })).rejects.toMatchObject({
      code: 'INVALID_REFUND_AMOUNT',
      details: { max: 1000 },
    });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('bounds a refund by what earlier refunds (even pending ones) left', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 600 }, [
      { ...line, refundedAmount: 600 },
    ]);
    await expect(sut.request(seller, order.id, { amount: 401 })).rejects.toMatchObject({ details: { max: 400 } });
  });

  it('lets the seller refund part of a sale at any time, reserving it and queueing the provider call', async () => {
    const { sut, orders, refunds, queue } = setUp(order, [line], new Date(order.paidAt!.getTime() + 400 * DAY));
    const { refund, lines } = await sut.request(seller, order.id, { amount: 250, note: '  Wrong file\r\nsent  ' });
    expect(refund).toMatchObject({
      amount: 250,
      reason: 'ISSUED_BY_CREATOR',
      status: 'PENDING',
      requestedBy: seller.userId,
      note: 'Wrong file\nsent',
    });
    expect(lines).toEqual([{ refundId: refund.id, orderId: order.id, line: 1, amount: 250 }]);
    expect(refunds.insert).toHaveBeenCalledWith(TEST_MANAGER, refund, lines);
    expect(orders.addRefunded).toHaveBeenCalledWith(TEST_MANAGER, order.id, 1, 250, expect.any(Date));
    expect(queue.enqueue).toHaveBeenCalledWith(TEST_MANAGER, CommerceTasks.refund, { refundId: refund.id });
  });

  it.each([
    ['a note of 501 characters', 'x'.repeat(501), 'TOO_LONG'],
    ['a NUL', 'bad\u0000note', 'CONTROL_CHARACTER'],
    ['an invisible-only note', ' \u200b ', 'BLANK'],
  ])('refuses %s with a typed error naming the field, recording nothing', async (_, note, problem) => {
    const { sut, refunds } = setUp();
    await expect(sut.request(buyer, order.id, { note })).rejects.toMatchObject({
      code: 'INVALID_TEXT',
      details: expect.objectContaining({ field: 'note', problem }),
    });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('defaults to everything that is left, and keeps a blank note as none', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 300 }, [
      { ...line, refundedAmount: 300 },
    ]);
    const { refund } = await sut.request(support, order.id, { note: '   ' });
    expect(refund).toMatchObject({ amount: 700, reason: 'ISSUED_BY_SUPPORT', note: null });
  });
});

describe('the buyer’s refund window', () => {
  it('gives the buyer a full refund within the window', async () => {
    const { sut } = setUp(order, [line], new Date(order.paidAt!.getTime() + 14 * DAY));
    await expect(sut.request(buyer, order.id)).resolves.toMatchObject({
      refund: { amount: 1000, reason: 'REQUESTED_BY_BUYER' },
    });
  });

  it('closes one millisecond after the window ends', async () => {
    const { sut, refunds } = setUp(order, [line], new Date(order.paidAt!.getTime() + 14 * DAY + 1));
    await expect(sut.request(buyer, order.id)).rejects.toMatchObject({ code: 'REFUND_WINDOW_CLOSED' });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('refuses a partial refund asked by the buyer, even within the window', async () => {
    const { sut } = setUp();
    await expect(sut.request(buyer, order.id, { amount: 500 })).rejects.toMatchObject({
      code: 'BUYER_REFUNDS_ARE_FULL',
    });
  });

  it('lets the buyer ask for exactly what is left after a seller’s partial refund', async () => {
    const { sut } = setUp({ ...order, status: 'PARTIALLY_REFUNDED', refundedAmount: 400 }, [
      { ...line, refundedAmount: 400 },
    ]);
    await expect(sut.request(buyer, order.id, { amount: 600 })).resolves.toMatchObject({ refund: { amount: 600 } });
  });
});

describe('refunding an order of several lines', () => {
  it('refunds one named line in full for the buyer: only that line is reserved', async () => {
    const { sut, orders } = setUp(three, threeLines);
    const { refund, lines } = await sut.request(buyer, three.id, { lineId: threeLines[1]!.id });
    expect(refund).toMatchObject({ amount: 2000, reason: 'REQUESTED_BY_BUYER' });
    expect(lines.map((l) => [l.line, l.amount])).toEqual([[2, 2000]]);
    expect(reserved(orders)).toEqual([[2, 2000]]);
  });

  it('refunds every line with something left in one refund when no line is named (the buyer, or support)', async () => {
    const current = { ...three, status: 'PARTIALLY_REFUNDED' as const, refundedAmount: 1000 };
    const lines = [{ ...threeLines[0]!, refundedAmount: 1000 }, threeLines[1]!, threeLines[2]!];
    const { sut, orders } = setUp(current, lines);
    const { refund } = await sut.request(buyer, three.id);
    expect(refund.amount).toBe(2001);
    expect(reserved(orders)).toEqual([
      [2, 2000],
      [3, 1],
    ]);
    const bySupport = setUp(three, threeLines);
    await expect(bySupport.sut.request(support, three.id)).resolves.toMatchObject({
      refund: { amount: 3001, reason: 'ISSUED_BY_SUPPORT' },
    });
  });

  it('lets a line’s seller refund any part of their own line, and not of another seller’s', async () => {
    const { sut, orders } = setUp(three, threeLines, new Date(three.paidAt!.getTime() + 90 * DAY));
    await expect(sut.request(otherSeller, three.id, { lineId: threeLines[1]!.id, amount: 999 })).resolves.toMatchObject(
      {
        refund: { amount: 999, reason: 'ISSUED_BY_CREATOR' },
      },
    );
    expect(reserved(orders)).toEqual([[2, 999]]);
    await expect(sut.request(otherSeller, three.id, { lineId: threeLines[0]!.id })).rejects.toMatchObject({
      code: 'ORDER_LINE_NOT_FOUND',
    });
  });

  it.each([
    ['an amount without a line', buyer, { amount: 5 }, 'ORDER_LINE_REQUIRED'],
    ['every line, by a seller of only some', seller, {}, 'ORDER_LINE_REQUIRED'],
    ['a line of another order', support, { lineId: '00000000-0000-4000-8000-00000000ffff' }, 'ORDER_LINE_NOT_FOUND'],
    [
      'more than the named line cost',
      otherSeller,
      { lineId: threeLines[1]!.id, amount: 2001 },
      'INVALID_REFUND_AMOUNT',
    ],
    ['part of a line, by the buyer', buyer, { lineId: threeLines[1]!.id, amount: 1000 }, 'BUYER_REFUNDS_ARE_FULL'],
  ] as const)('refuses %s (%s), recording nothing', async (_, actor, input, code) => {
    const { sut, refunds } = setUp(three, threeLines);
    await expect(sut.request(actor, three.id, input)).rejects.toMatchObject({ code });
    expect(refunds.insert).not.toHaveBeenCalled();
  });

  it('refuses a line already refunded in full', async () => {
    const lines = [threeLines[0]!, { ...threeLines[1]!, refundedAmount: 2000 }, threeLines[2]!];
    const { sut } = setUp({ ...three, status: 'PARTIALLY_REFUNDED', refundedAmount: 2000 }, lines);
    await expect(sut.request(buyer, three.id, { lineId: threeLines[1]!.id })).rejects.toMatchObject({
      code: 'NOTHING_TO_REFUND',
    });
  });
});

describe('when the provider has made the refund', () => {
  const refundId = '00000000-0000-4000-8000-0000000000e5';
  const pending = (amount: number, change: Partial<RefundEntity> = {}): RefundEntity => ({
    id: refundId,
    orderId: order.id,
    amount,
    reason: 'ISSUED_BY_CREATOR',
    requestedBy: line.sellerId,
    note: 'Wrong file',
    status: 'PENDING',
    providerRefundId: null,
    createdAt: order.paidAt!,
    updatedAt: order.paidAt!,
    ...change,
  });
  const of = (lines: [number, number][]): RefundLineEntity[] =>
    lines.map(([position, amount]) => ({ refundId, orderId: order.id, line: position, amount }));

  function applying(
    refund: RefundEntity | null,
    current: OrderEntity,
    refundLines: RefundLineEntity[],
    succeeded: [number, number][],
    lines: OrderLineEntity[] = [line],
  ) {
    const setup = setUp(current, lines);
    setup.refunds.lock.mockResolvedValue(refund);
    setup.refunds.update.mockResolvedValue(undefined);
    setup.refunds.linesOf.mockResolvedValue(refundLines);
    setup.refunds.succeededByLine.mockResolvedValue(
      succeeded.map(([position, refunded]) => ({ orderId: order.id, line: position, refunded })),
    );
    setup.orders.update.mockResolvedValue(undefined);
    setup.mock(ClawbackService).clawBack.mockResolvedValue({ platformPart: 0, parts: [] });
    setup.mock(LicensingFacade).revoke.mockResolvedValue({} as never);
    return setup;
  }

  it('a partial refund claws back pro rata and leaves the licence', async () => {
    const { sut, orders, mock } = applying(pending(300), order, of([[1, 300]]), [[1, 300]]);
    await expect(sut.applySucceeded(TEST_MANAGER, refundId, 're_1')).resolves.toBe(true);
    expect(mock(ClawbackService).clawBack).toHaveBeenCalledWith(
      TEST_MANAGER,
      order,
      [{ lines: [line], amount: 300 }],
      `refund:${refundId}`,
      expect.any(Function),
    );
    expect(orders.update).toHaveBeenCalledWith(
      order.id,
      expect.objectContaining({ status: 'PARTIALLY_REFUNDED' }),
      TEST_MANAGER,
    );
    expect(mock(LicensingFacade).revoke).not.toHaveBeenCalled();
  });

  it('the refund that completes the total ends the licence, with the refund’s note', async () => {
    const current = { ...order, status: 'PARTIALLY_REFUNDED' as const, refundedAmount: 1000 };
    const { sut, orders, mock } = applying(pending(700), current, of([[1, 700]]), [[1, 1000]]);
    await sut.applySucceeded(TEST_MANAGER, refundId, 're_2');
    expect(orders.update).toHaveBeenCalledWith(order.id, expect.objectContaining({ status: 'REFUNDED' }), TEST_MANAGER);
    expect(mock(LicensingFacade).revoke).toHaveBeenCalledWith(TEST_MANAGER, line.grantId, 'REFUNDED', 'Wrong file');
  });

  it('a line refunded in full ends that line’s licence only; the order is partly refunded', async () => {
    const { sut, orders, mock } = applying(pending(2000), three, of([[2, 2000]]), [[2, 2000]], threeLines);
    await sut.applySucceeded(TEST_MANAGER, refundId, 're_3');
    const [, , portions] = mock(ClawbackService).clawBack.mock.calls[0]!;
    expect(portions).toEqual([{ lines: [threeLines[1]], amount: 2000 }]);
    expect(orders.update).toHaveBeenCalledWith(
      three.id,
      expect.objectContaining({ status: 'PARTIALLY_REFUNDED' }),
      TEST_MANAGER,
    );
    expect(mock(LicensingFacade).revoke.mock.calls).toEqual([[TEST_MANAGER, 'grant-2', 'REFUNDED', 'Wrong file']]);
  });

  it('a refund of several lines claws back each from its own line, and ends each licence it completes', async () => {
    const { sut, mock } = applying(
      pending(2001),
      three,
      of([
        [2, 2000],
        [3, 1],
      ]),
      [
        [2, 2000],
        [3, 1],
      ],
      threeLines,
    );
    await sut.applySucceeded(TEST_MANAGER, refundId, 're_4');
    expect(mock(ClawbackService).clawBack.mock.calls[0]![2]).toEqual([
      { lines: [threeLines[1]], amount: 2000 },
      { lines: [threeLines[2]], amount: 1 },
    ]);
    expect(mock(LicensingFacade).revoke.mock.calls.map(([, grant]) => grant)).toEqual(['grant-2', 'grant-3']);
  });

  it('a disputed order keeps its status: the dispute’s outcome decides it', async () => {
    const { sut, orders } = applying(pending(300), { ...order, status: 'DISPUTED' }, of([[1, 300]]), [[1, 300]]);
    await sut.applySucceeded(TEST_MANAGER, refundId, 're_3');
    expect(orders.update).not.toHaveBeenCalled();
  });

  it('a replay (refund no longer pending) changes nothing', async () => {
    const { sut, mock } = applying(pending(300, { status: 'SUCCEEDED' }), order, of([[1, 300]]), [[1, 300]]);
    await expect(sut.applySucceeded(TEST_MANAGER, refundId, 're_1')).resolves.toBe(false);
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
  });

  it('a refused refund releases its reservation on every line it named, and nothing else', async () => {
    const { sut, refunds, orders, mock } = applying(
      pending(2001),
      three,
      of([
        [2, 2000],
        [3, 1],
      ]),
      [],
      threeLines,
    );
    await sut.markFailed(refundId);
    expect(refunds.update).toHaveBeenCalledWith(TEST_MANAGER, refundId, expect.objectContaining({ status: 'FAILED' }));
    expect(reserved(orders)).toEqual([
      [2, -2000],
      [3, -1],
    ]);
    expect(mock(ClawbackService).clawBack).not.toHaveBeenCalled();
  });
});

describe('refunds made at the provider directly (charge.refunded)', () => {
  function syncing(current: OrderEntity, lines: OrderLineEntity[], succeeded: [number, number][]) {
    const setup = setUp(current, lines);
    setup.refunds.lock.mockImplementation((_m, id: string) =>
      Promise.resolve({ id, orderId: current.id, amount: 0, status: 'PENDING', note: null } as RefundEntity),
    );
    setup.refunds.update.mockResolvedValue(undefined);
    setup.refunds.linesOf.mockResolvedValue([]);
    setup.refunds.succeededByLine.mockResolvedValue(
      succeeded.map(([position, refunded]) => ({ orderId: current.id, line: position, refunded })),
    );
    setup.orders.update.mockResolvedValue(undefined);
    setup.mock(ClawbackService).clawBack.mockResolvedValue({ platformPart: 0, parts: [] });
    return setup;
  }

  it('records only what we did not know of, as a provider refund', async () => {
    const { sut, refunds } = syncing({ ...order, refundedAmount: 200 }, [{ ...line, refundedAmount: 200 }], [[1, 500]]);
    await expect(sut.syncChargeRefunds(order.id, 500, 're_dash')).resolves.toBe('recorded external refund of 300');
    expect(refunds.insert).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ amount: 300, reason: 'PROVIDER', requestedBy: null }),
      [expect.objectContaining({ line: 1, amount: 300 })],
    );
    expect(refunds.update).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.any(String),
      expect.objectContaining({ status: 'SUCCEEDED', providerRefundId: 're_dash' }),
    );
  });

  it('shares an unknown refund of a multi-line order over the lines by what is left of each', async () => {
    // Left: 1000, 0 (refunded), 1 → 600 over them: 599.4 / 0 / 0.6 → 599, 0, 1.
    const lines = [threeLines[0]!, { ...threeLines[1]!, refundedAmount: 2000 }, threeLines[2]!];
    const { sut, refunds } = syncing({ ...three, refundedAmount: 2000 }, lines, [
      [1, 599],
      [2, 2000],
      [3, 1],
    ]);
    await sut.syncChargeRefunds(three.id, 2600, 're_dash');
    expect(refunds.insert.mock.calls[0]![2].map((l) => [l.line, l.amount])).toEqual([
      [1, 599],
      [3, 1],
    ]);
  });

  it('is a no-op when every refund is already recorded', async () => {
    const { sut, refunds } = setUp({ ...order, refundedAmount: 500 });
    await expect(sut.syncChargeRefunds(order.id, 500, 're_x')).resolves.toBe('refunds already recorded');
    expect(refunds.insert).not.toHaveBeenCalled();
  });
});
