import { Clock, JobQueue } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { anOrder, aSplit } from '../../testing';
import { CommerceTasks } from '../commerce.tasks';
import { Books } from '../money/books';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from './clawback.service';
import { RefundRepository } from './refund.repository';

const ipOwner = '00000000-0000-4000-8000-0000000000c2';

function setUp(order: OrderEntity, splits: OrderSplitEntity[]) {
  const { sut, mock } = newTestService(ClawbackService, [[Clock, new FakeClock()]]);
  const orders = mock(OrderRepository);
  orders.lockSplitsOf.mockResolvedValue(splits);
  orders.update.mockResolvedValue(undefined);
  orders.updateSplit.mockResolvedValue(undefined);
  mock(RefundRepository).insertReversal.mockResolvedValue(true);
  mock(LedgerService).post.mockResolvedValue({} as never);
  mock(JobQueue).enqueue.mockResolvedValue('job');
  const run = (amount: number) =>
    sut.clawBack(TEST_MANAGER, order, amount, 'refund:r1', () => [
      { account: Books.clearing(order.currency), amount: -amount },
    ]);
  return { run, mock, orders };
}

// 1000 sold: platform 150, seller 600, IP owner 250.
const order = anOrder();
const seller = aSplit({ amount: 600 });
const owner = aSplit({ recipientId: ipOwner, role: 'IP_OWNER', amount: 250 });

describe('clawing money back from a sale’s parties', () => {
  it('takes each party’s share pro rata, to the cent, and books it balanced', async () => {
    const { run, mock } = setUp(order, [seller, owner]);
    const taken = await run(333);
    const parts = taken.parts.map((p) => p.amount);
    expect(taken.platformPart + parts.reduce((a, b) => a + b, 0)).toBe(333);
    expect([taken.platformPart, ...parts]).toEqual([50, 200, 83]); // 49.95 / 199.8 / 83.25 by largest remainder
    const posting = mock(LedgerService).post.mock.calls[0]![1];
    expect(posting.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(-333 + 200 + 83);
  });

  it('never takes a party below zero: a later clawback works on what each still holds', async () => {
    const { run } = setUp({ ...order, platformFeeClawedBack: 150 }, [
      { ...seller, clawedBack: 600 },
      { ...owner, clawedBack: 100 },
    ]);
    const taken = await run(500);
    expect(taken).toEqual({
      platformPart: 0,
      parts: [
        { recipientId: seller.recipientId, amount: 0 },
        { recipientId: ipOwner, amount: 150 },
      ],
    });
  });

  it('cancels a part not transferred yet once all of it is taken back, and asks nobody for money', async () => {
    const { run, orders, mock } = setUp(order, [seller, owner]);
    await run(1000);
    expect(orders.updateSplit).toHaveBeenCalledWith(
      order.id,
      seller.recipientId,
      expect.objectContaining({ clawedBack: 600, transferStatus: 'CANCELLED' }),
      { manager: TEST_MANAGER },
    );
    expect(mock(RefundRepository).insertReversal).not.toHaveBeenCalled();
  });

  it('asks for a transferred part back with a queued reversal, once per cause and recipient', async () => {
    const sent = { ...seller, transferStatus: 'SENT' as const, transferAmount: 600, transferId: 'tr_1' };
    const { run, mock } = setUp(order, [sent, owner]);
    await run(1000);
    expect(mock(RefundRepository).insertReversal).toHaveBeenCalledTimes(1);
    const reversal = mock(RefundRepository).insertReversal.mock.calls[0]![1];
    expect(reversal).toMatchObject({
      recipientId: seller.recipientId,
      cause: 'refund:r1',
      amount: 600,
      status: 'PENDING',
    });
    expect(mock(JobQueue).enqueue).toHaveBeenCalledWith(TEST_MANAGER, CommerceTasks.reverseTransfer, {
      reversalId: reversal.id,
    });
  });

  it('queues nothing for a reversal already recorded for this cause (a replay)', async () => {
    const sent = { ...seller, transferStatus: 'SENT' as const, transferAmount: 600 };
    const { run, mock } = setUp(order, [sent]);
    mock(RefundRepository).insertReversal.mockResolvedValue(false);
    await run(500);
    expect(mock(JobQueue).enqueue).not.toHaveBeenCalled();
  });
});
