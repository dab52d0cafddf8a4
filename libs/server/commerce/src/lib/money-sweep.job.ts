import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobHandler } from '@lookbook/core';
import { Clock, JobQueue, JobTask } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { TRANSFER_TASK, transferJobKey } from './payouts/transfer.service';
import { REVERSE_TRANSFER_TASK } from './refunds/clawback';
import { REFUND_TASK } from './refunds/refund.service';
import { PROCESS_EVENT_TASK } from './webhooks/webhook-inbox';

/** Work older than this without progress is assumed lost (a job that ran out of attempts, a restored backup…). */
const STALE_MS = 10 * 60_000;

/**
 * The safety net under the money jobs: every quarter hour, anything that should have moved and did not — a due or
 * in-flight transfer, a pending refund or reversal, an unprocessed webhook — is queued again (job keys make this a
 * no-op when its job is still queued; every handler is idempotent). It also reconciles the ledger's cached balances
 * and reports drift loudly.
 */
@Injectable()
@JobTask({ task: 'commerce.sweep', schedule: '*/15 * * * *' })
export class MoneySweepJob implements JobHandler {
  private readonly log = new Logger('MoneySweep');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const splits = await this.dataSource.query<{ order_id: string; recipient_id: string }[]>(
      `SELECT s.order_id, s.recipient_id FROM commerce.order_split s
         JOIN commerce."order" o ON o.id = s.order_id
         LEFT JOIN commerce.connected_account a ON a.creator_id = s.recipient_id
        WHERE o.paid_at IS NOT NULL AND s.updated_at < $2 AND (
              (s.transfer_status = 'SCHEDULED' AND s.transferable_at <= $1)
           OR  s.transfer_status = 'SENDING'
           OR (s.transfer_status = 'WAITING_FOR_ACCOUNT' AND a.payouts_enabled))`,
      [now, stale],
    );
    for (const s of splits) {
      await this.queue.enqueue(
        undefined,
        TRANSFER_TASK,
        { orderId: s.order_id, recipientId: s.recipient_id },
        { jobKey: transferJobKey(s.order_id, s.recipient_id) },
      );
    }
    const refunds = await this.pending(
      `SELECT id FROM commerce.refund WHERE status = 'PENDING' AND updated_at < $1`,
      stale,
    );
    for (const id of refunds)
      await this.queue.enqueue(undefined, REFUND_TASK, { refundId: id }, { jobKey: `refund:${id}` });
    const reversals = await this.pending(
      `SELECT id FROM commerce.reversal WHERE status = 'PENDING' AND updated_at < $1`,
      stale,
    );
    for (const id of reversals) {
      await this.queue.enqueue(undefined, REVERSE_TRANSFER_TASK, { reversalId: id }, { jobKey: `reversal:${id}` });
    }
    const events = await this.pending(
      `SELECT id FROM commerce.webhook_event WHERE processed_at IS NULL AND received_at < $1`,
      stale,
    );
    for (const id of events) {
      await this.queue.enqueue(undefined, PROCESS_EVENT_TASK, { eventId: id }, { jobKey: `event:${id}` });
    }
    return splits.length + refunds.length + reversals.length + events.length;
  }

  private async pending(sql: string, before: Date): Promise<string[]> {
    return (await this.dataSource.query<{ id: string }[]>(sql, [before])).map((r) => r.id);
  }
}
