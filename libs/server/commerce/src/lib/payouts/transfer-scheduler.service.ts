import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, JobQueue } from '@lookbook/core';
import { CommerceTasks } from '../commerce.tasks';
import type { SplitKey } from '../orders/order.repository';
import { OrderRepository } from '../orders/order.repository';

/**
 * When each split is paid: after the hold period (`PAYOUT_HOLD_HOURS`) from the payment, and again whenever an account
 * that could not receive money becomes able to. Every schedule is the split's one keyed transfer job.
 */
@Injectable()
export class TransferScheduler {
  constructor(
    private readonly orders: OrderRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A paid order: every split becomes transferable after the hold, and the given splits' transfers are queued for then. */
  async scheduleSale(manager: EntityManager, orderId: string, splits: SplitKey[], paidAt: Date): Promise<Date> {
    const transferableAt = new Date(paidAt.getTime() + this.config.payments.payoutHoldHours * 3_600_000);
    await this.orders.updateSplitsOf(manager, orderId, { transferableAt, updatedAt: paidAt });
    for (const split of splits) await this.schedule(manager, split, transferableAt);
    return transferableAt;
  }

  schedule(manager: EntityManager | undefined, split: SplitKey, runAt?: Date): Promise<string> {
    const payload = { orderId: split.orderId, recipientId: split.recipientId, line: split.line };
    return this.queue.enqueue(manager, CommerceTasks.transfer, payload, { runAt });
  }

  /** When an account becomes able to receive money, everything that waited for it is queued. */
  async releaseWaiting(manager: EntityManager, recipientId: string): Promise<number> {
    const waiting = await this.orders.waitingSplitsOf(manager, recipientId);
    for (const split of waiting) await this.schedule(manager, split, split.transferableAt);
    return waiting.length;
  }
}
