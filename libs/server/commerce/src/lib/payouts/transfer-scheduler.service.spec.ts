import { APP_CONFIG, JobQueue } from '@lookbook/core';
import { newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { aSplit } from '../../testing';
import { CommerceTasks } from '../commerce.tasks';
import { OrderRepository } from '../orders/order.repository';
import { TransferScheduler } from './transfer-scheduler.service';

const PAID = new Date('2026-05-01T12:00:00.000Z');
const ORDER = '0190a5b0-0000-7000-8000-0000000000a1';
const key = (recipientId: string, line = 1) => ({ orderId: ORDER, recipientId, line });

function setUp(holdHours: string) {
  const { sut, mock } = newTestService(TransferScheduler, [[APP_CONFIG, testConfig({ PAYOUT_HOLD_HOURS: holdHours })]]);
  mock(OrderRepository).updateSplitsOf.mockResolvedValue(undefined);
  mock(JobQueue).enqueue.mockResolvedValue('job');
  return { sut, mock, queue: mock(JobQueue) };
}

describe('when each split is paid', () => {
  it.each([
    ['0', '2026-05-01T12:00:00.000Z'],
    ['24', '2026-05-02T12:00:00.000Z'],
    ['168', '2026-05-08T12:00:00.000Z'],
  ])(
    'a paid order with a %s-hour hold: every split transferable then, each given split queued for then',
    async (hold, at) => {
      const { sut, mock, queue } = setUp(hold);
      const splits = [key('r1'), key('r2', 2)];
      await expect(sut.scheduleSale(TEST_MANAGER, ORDER, splits, PAID)).resolves.toEqual(new Date(at));
      expect(mock(OrderRepository).updateSplitsOf).toHaveBeenCalledWith(TEST_MANAGER, ORDER, {
        transferableAt: new Date(at),
        updatedAt: PAID,
      });
      expect(queue.enqueue.mock.calls).toEqual(
        splits.map((split) => [TEST_MANAGER, CommerceTasks.transfer, split, { runAt: new Date(at) }]),
      );
    },
  );

  it('queues one split’s transfer now, outside any transaction, when no time is given', async () => {
    const { sut, queue } = setUp('24');
    await sut.schedule(undefined, key('r1', 3));
    expect(queue.enqueue).toHaveBeenCalledWith(undefined, CommerceTasks.transfer, key('r1', 3), { runAt: undefined });
  });

  it('releases everything that waited for an account, each at its own time, and counts it', async () => {
    const { sut, mock, queue } = setUp('24');
    const early = new Date('2026-04-01T00:00:00.000Z');
    const later = new Date('2026-06-01T00:00:00.000Z');
    const waiting = [
      aSplit({ orderId: ORDER, recipientId: 'r9', line: 1, transferableAt: early }),
      aSplit({ orderId: ORDER, recipientId: 'r9', line: 2, transferableAt: later }),
    ];
    mock(OrderRepository).waitingSplitsOf.mockResolvedValue(waiting);
    await expect(sut.releaseWaiting(TEST_MANAGER, 'r9')).resolves.toBe(2);
    expect(mock(OrderRepository).waitingSplitsOf).toHaveBeenCalledWith(TEST_MANAGER, 'r9');
    expect(queue.enqueue.mock.calls).toEqual([
      [TEST_MANAGER, CommerceTasks.transfer, key('r9', 1), { runAt: early }],
      [TEST_MANAGER, CommerceTasks.transfer, key('r9', 2), { runAt: later }],
    ]);
  });

  it('releases nothing when nothing waited', async () => {
    const { sut, mock, queue } = setUp('24');
    mock(OrderRepository).waitingSplitsOf.mockResolvedValue([]);
    await expect(sut.releaseWaiting(TEST_MANAGER, 'r9')).resolves.toBe(0);
    expect(queue.enqueue).not.toHaveBeenCalled();
  });
});
