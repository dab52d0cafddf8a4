import { Clock, JobQueue } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, anOrderLine, aSplit } from '../../testing';
import { CommerceTasks } from '../commerce.tasks';
import { Books } from '../money/books';
import type { OrderLineEntity } from '../orders/order-line.entity';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import type { ClawbackPortion } from './clawback.service';
import { ClawbackService } from './clawback.service';
import { RefundRepository } from './refund.repository';

const ipOwner = '00000000-0000-4000-8000-0000000000c2';

function setUp(order: OrderEntity, splits: OrderSplitEntity[]) {
  const { sut, mock } = newTestService(ClawbackService, [[Clock, new FakeClock()]]);
  const orders = mock(OrderRepository);
  orders.lockSplitsOf.mockResolvedValue(splits);
  orders.updateLine.mockResolvedValue(undefined);
  orders.updateSplit.mockResolvedValue(undefined);
  mock(RefundRepository).insertReversal.mockResolvedValue(true);
  mock(LedgerService).post.mockResolvedValue({} as never);
  mock(JobQueue).enqueue.mockResolvedValue('job');
  const take = (portions: ClawbackPortion[]) =>
    sut.clawBack(TEST_MANAGER, order, portions, 'refund:r1', () => [
      { account: Books.clearing(order.currency), amount: -portions.reduce((sum, p) => sum + p.amount, 0) },
    ]);
  return { take, mock, orders };
}

// Line 1: 1000 sold: platform 150, seller 600, IP owner 250.
const order = anOrder();
const line = anOrderLine();
const seller = aSplit({ amount: 600 });
const owner = aSplit({ recipientId: ipOwner, role: 'IP_OWNER', amount: 250 });
const run = (setup: ReturnType<typeof setUp>, amount: number, l: OrderLineEntity = line) =>
  setup.take([{ lines: [l], amount }]);

describe('clawing money back from a line’s parties', () => {
  it('takes each party’s share pro rata, to the cent, and books it balanced', async () => {
    const setup = setUp(order, [seller, owner]);
    const taken = await run(setup, 333);
    const parts = taken.parts.map((p) => p.amount);
    expect(taken.platformPart + parts.reduce((a, b) => a + b, 0)).toBe(333);
    expect([taken.platformPart, ...parts]).toEqual([50, 200, 83]); // 49.95 / 199.8 / 83.25 by largest remainder
    const posting = setup.mock(LedgerService).post.mock.calls[0]![1];
    expect(posting.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(-333 + 200 + 83);
    expect(setup.orders.updateLine).toHaveBeenCalledWith(line.id, { platformFeeClawedBack: 50 }, TEST_MANAGER);
  });

  it('never takes a party below zero: a later clawback works on what each still holds', async () => {
    const setup = setUp(order, [
      { ...seller, clawedBack: 600 },
      { ...owner, clawedBack: 100 },
    ]);
    const taken = await run(setup, 500, { ...line, platformFeeClawedBack: 150 });
    expect(taken).toEqual({ platformPart: 0, parts: [{ line: 1, recipientId: ipOwner, amount: 150 }] });
  });

  it('cancels a part not transferred yet once all of it is taken back, and asks nobody for money', async () => {
    const setup = setUp(order, [seller, owner]);
    await run(setup, 1000);
    expect(setup.orders.updateSplit).toHaveBeenCalledWith(
      seller,
      expect.objectContaining({ clawedBack: 600, transferStatus: 'CANCELLED' }),
      { manager: TEST_MANAGER },
    );
    expect(setup.mock(RefundRepository).insertReversal).not.toHaveBeenCalled();
  });

  it('asks for a transferred part back with a queued reversal, once per cause, line and recipient', async () => {
    const sent = { ...seller, transferStatus: 'SENT' as const, transferAmount: 600, transferId: 'tr_1' };
    const setup = setUp(order, [sent, owner]);
    await run(setup, 1000);
    expect(setup.mock(RefundRepository).insertReversal).toHaveBeenCalledTimes(1);
    const reversal = setup.mock(RefundRepository).insertReversal.mock.calls[0]![1];
    expect(reversal).toMatchObject({
      line: 1,
      recipientId: seller.recipientId,
      cause: 'refund:r1',
      amount: 600,
      status: 'PENDING',
    });
    expect(setup.mock(JobQueue).enqueue).toHaveBeenCalledWith(TEST_MANAGER, CommerceTasks.reverseTransfer, {
      reversalId: reversal.id,
    });
  });

  it('queues nothing for a reversal already recorded for this cause (a replay)', async () => {
    const sent = { ...seller, transferStatus: 'SENT' as const, transferAmount: 600 };
    const setup = setUp(order, [sent]);
    setup.mock(RefundRepository).insertReversal.mockResolvedValue(false);
    await run(setup, 500);
    expect(setup.mock(JobQueue).enqueue).not.toHaveBeenCalled();
  });
});

describe('clawing back from an order of several lines', () => {
  // Line 2: 2000 (platform 300, seller 1700, already transferred); line 3: 1 (platform 0, IP owner 1).
  const line2 = anOrderLine({ position: 2, amount: 2000, platformFee: 300 });
  const line3 = anOrderLine({ position: 3, amount: 1, platformFee: 0 });
  const splits = [
    seller,
    owner,
    aSplit({ line: 2, amount: 1700, transferStatus: 'SENT', transferAmount: 1700, transferId: 'tr_2' }),
    aSplit({ line: 3, recipientId: ipOwner, role: 'IP_OWNER', amount: 1 }),
  ];

  it('takes a line’s refund from that line’s parties only: the others keep theirs, untouched', async () => {
    const setup = setUp(anOrder({ amount: 3001 }), splits);
    const taken = await run(setup, 2000, line2);
    expect(taken).toEqual({ platformPart: 300, parts: [{ line: 2, recipientId: seller.recipientId, amount: 1700 }] });
    expect(setup.orders.updateSplit).toHaveBeenCalledTimes(1);
    expect(setup.orders.updateLine.mock.calls).toEqual([[line2.id, { platformFeeClawedBack: 300 }, TEST_MANAGER]]);
    // Line 2 was transferred: its reversal names line 2 (the same seller's line 1 part is not touched).
    expect(setup.mock(RefundRepository).insertReversal.mock.calls[0]![1]).toMatchObject({
      line: 2,
      recipientId: seller.recipientId,
      amount: 1700,
    });
  });

  it('takes a part of a line pro rata within the line (a creator’s partial refund)', async () => {
    const setup = setUp(anOrder({ amount: 3001 }), splits);
    const taken = await run(setup, 999, line2);
    expect([taken.platformPart, ...taken.parts.map((p) => p.amount)]).toEqual([150, 849]); // 149.85 / 849.15
  });

  it('takes several lines’ refunds in one posting, each from its own parties', async () => {
    const setup = setUp(anOrder({ amount: 3001 }), splits);
    const taken = await setup.take([
      { lines: [line], amount: 1000 },
      { lines: [line3], amount: 1 },
    ]);
    expect(taken.platformPart).toBe(150);
    expect(taken.parts).toEqual([
      { line: 1, recipientId: seller.recipientId, amount: 600 },
      { line: 1, recipientId: ipOwner, amount: 250 },
      { line: 3, recipientId: ipOwner, amount: 1 },
    ]);
    expect(setup.mock(LedgerService).post).toHaveBeenCalledTimes(1);
    const posting = setup.mock(LedgerService).post.mock.calls[0]![1];
    expect(posting.externalRef).toBe('refund:r1');
    expect(posting.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(-1001 + 600 + 250 + 1);
  });

  it('spreads a dispute over every line pro rata to what each party still holds (the whole charge)', async () => {
    const setup = setUp(anOrder({ amount: 3001 }), splits);
    const taken = await setup.take([{ lines: [line, line2, line3], amount: 3001 }]);
    expect(taken.platformPart).toBe(450);
    expect(taken.parts.map((p) => [p.line, p.amount])).toEqual([
      [1, 600],
      [1, 250],
      [2, 1700],
      [3, 1],
    ]);
    const partial = setUp(anOrder({ amount: 3001 }), splits);
    const half = await partial.take([{ lines: [line, line2, line3], amount: 1500 }]);
    // 1500 × (150, 600, 250, 300, 1700, 1) / 3001, by largest remainder.
    expect([half.platformPart, ...half.parts.map((p) => p.amount)]).toEqual([75 + 150, 300, 125, 850]); // line 3: 0
    expect(half.platformPart + half.parts.reduce((sum, p) => sum + p.amount, 0)).toBe(1500);
  });
});
