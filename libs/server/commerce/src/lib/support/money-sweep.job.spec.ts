import { Logger } from '@nestjs/common';
import { Clock, JobQueue } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { FakeClock, newTestService } from '@lookbook/testing';
import { CommerceTasks } from '../commerce.tasks';
import { OrderRepository } from '../orders/order.repository';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import { RefundRepository } from '../refunds/refund.repository';
import { WebhookEventRepository } from '../webhooks/webhook-event.repository';
import { MoneySweepJob } from './money-sweep.job';

const NOW = new Date('2026-02-01T10:00:00.000Z');
const TEN_MINUTES_AGO = new Date('2026-02-01T09:50:00.000Z');
const split = (n: number) => ({ orderId: `o${n}`, recipientId: `r${n}`, line: 1 });

function setUp(stalled: { splits?: number; refunds?: string[]; reversals?: string[]; events?: string[] } = {}) {
  const { sut, mock } = newTestService(MoneySweepJob, [[Clock, new FakeClock(NOW)]]);
  const splits = Array.from({ length: stalled.splits ?? 0 }, (_, i) => split(i));
  mock(OrderRepository).stalledSplits.mockResolvedValue(splits);
  mock(RefundRepository).stalledIds.mockResolvedValue(stalled.refunds ?? []);
  mock(RefundRepository).stalledReversalIds.mockResolvedValue(stalled.reversals ?? []);
  mock(WebhookEventRepository).stalledIds.mockResolvedValue(stalled.events ?? []);
  mock(TransferScheduler).schedule.mockResolvedValue('job');
  mock(JobQueue).enqueue.mockResolvedValue('job');
  mock(LedgerService).reconcile.mockResolvedValue([]);
  return { sut, mock, splits };
}

describe('the money sweep', () => {
  afterEach(() => jest.restoreAllMocks());

  it('looks for work stalled for ten minutes, as of now', async () => {
    const { sut, mock } = setUp();
    await expect(sut.requeue()).resolves.toBe(0);
    expect(mock(OrderRepository).stalledSplits).toHaveBeenCalledWith(NOW, TEN_MINUTES_AGO);
    expect(mock(RefundRepository).stalledIds).toHaveBeenCalledWith(TEN_MINUTES_AGO);
    expect(mock(RefundRepository).stalledReversalIds).toHaveBeenCalledWith(TEN_MINUTES_AGO);
    expect(mock(WebhookEventRepository).stalledIds).toHaveBeenCalledWith(TEN_MINUTES_AGO);
    expect(mock(JobQueue).enqueue).not.toHaveBeenCalled();
  });

  it('queues each stalled transfer, refund, reversal and event again, and counts them', async () => {
    const { sut, mock, splits } = setUp({ splits: 2, refunds: ['rf1'], reversals: ['rv1', 'rv2'], events: ['evt1'] });
    await expect(sut.requeue()).resolves.toBe(6);
    expect(mock(TransferScheduler).schedule.mock.calls).toEqual(splits.map((s) => [undefined, s]));
    expect(mock(JobQueue).enqueue.mock.calls).toEqual([
      [undefined, CommerceTasks.refund, { refundId: 'rf1' }],
      [undefined, CommerceTasks.reverseTransfer, { reversalId: 'rv1' }],
      [undefined, CommerceTasks.reverseTransfer, { reversalId: 'rv2' }],
      [undefined, CommerceTasks.processEvent, { eventId: 'evt1' }],
    ]);
  });

  it('requeues, then reconciles the ledger and reports drift loudly, on every run', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { sut, mock } = setUp({ refunds: ['rf1'] });
    mock(LedgerService).reconcile.mockResolvedValue([{ code: 'CREATOR_PAYABLE:u1:EUR', cached: 10, derived: 12 }]);
    await sut.handle();
    expect(mock(JobQueue).enqueue).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('re-queued 1 stalled money job(s)');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('CREATOR_PAYABLE:u1:EUR'));
  });

  it('stays quiet when nothing stalled and the ledger agrees', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { sut, mock } = setUp();
    await sut.handle();
    expect(mock(LedgerService).reconcile).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
