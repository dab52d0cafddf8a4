import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { Clock, JobQueue, JobTask } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { CommerceTasks } from '../commerce.tasks';
import { OrderRepository } from '../orders/order.repository';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import { RefundRepository } from '../refunds/refund.repository';
import { WebhookEventRepository } from '../webhooks/webhook-event.repository';

/** Work older than this without progress is assumed lost (a job that ran out of attempts, a restored backup…). */
const STALE_MS = 10 * 60_000;

/**
 * The safety net under the money jobs: every quarter hour, anything that should have moved and did not — a due or
 * in-flight transfer, a pending refund or reversal, an unprocessed webhook — is queued again (job keys make this a
 * no-op when its job is still queued; every handler is idempotent). It also reconciles the ledger's cached balances
 * and reports drift loudly.
 */
@Injectable()
@JobTask(CommerceTasks.sweep)
export class MoneySweepJob implements JobHandler {
  private readonly log = new Logger('MoneySweep');

  constructor(
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRepository,
    private readonly events: WebhookEventRepository,
    private readonly transfers: TransferScheduler,
    private readonly queue: JobQueue,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const requeued = await this.requeue();
    if (requeued) this.log.warn(`re-queued ${requeued} stalled money job(s)`);
    const drift = await this.ledger.reconcile();
    if (drift.length) this.log.error(`ledger balances drifted from their entries: ${JSON.stringify(drift)}`);
  }

  /** Returns how many jobs it queued. */
  async requeue(): Promise<number> {
    const now = this.clock.now();
    const stale = new Date(now.getTime() - STALE_MS);
    const splits = await this.orders.stalledSplits(now, stale);
    for (const split of splits) await this.transfers.schedule(undefined, split);
    const refunds = await this.refunds.stalledIds(stale);
    for (const refundId of refunds) await this.queue.enqueue(undefined, CommerceTasks.refund, { refundId });
    const reversals = await this.refunds.stalledReversalIds(stale);
    for (const reversalId of reversals) {
      await this.queue.enqueue(undefined, CommerceTasks.reverseTransfer, { reversalId });
    }
    const events = await this.events.stalledIds(stale);
    for (const eventId of events) await this.queue.enqueue(undefined, CommerceTasks.processEvent, { eventId });
    return splits.length + refunds.length + reversals.length + events.length;
  }
}
