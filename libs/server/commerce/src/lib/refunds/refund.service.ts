import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, isStaff, JobQueue } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { LicensingFacade } from '@lookbook/licensing';
import { CommerceErrors } from '../commerce.errors';
import { Books } from '../money/books';
import { OrderEntity } from '../orders/order.entities';
import { ClawbackService } from './clawback';

export const REFUND_TASK = 'commerce.refund';

export type RefundReason =
  'REQUESTED_BY_BUYER' | 'ISSUED_BY_CREATOR' | 'ISSUED_BY_SUPPORT' | 'LICENSE_UNAVAILABLE' | 'PROVIDER';

export interface RefundRow {
  id: string;
  orderId: string;
  amount: number;
  reason: RefundReason;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  providerRefundId: string | null;
  createdAt: Date;
}

const REFUNDABLE = ['PAID', 'PARTIALLY_REFUNDED'];

/**
 * Refunds: the buyer (in full, within the refund window), the seller (any part, any time) or support ask; the books,
 * the split parts and the licence change in one transaction, and the provider's refund follows from a job with the
 * key `refund:<id>`. Refunds made at the provider directly (its dashboard) arrive as `charge.refunded` and are
 * recorded the same way.
 */
@Injectable()
export class RefundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clawbacks: ClawbackService,
    private readonly licensing: LicensingFacade,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: Actor, orderId: string, amount: number | undefined): Promise<RefundRow> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.lockOrder(manager, orderId);
      const support = isStaff(actor);
      const isBuyer = order?.buyerId === actor.userId;
      const isSeller = order?.sellerId === actor.userId;
      if (!order || !(isBuyer || isSeller || support)) throw CommerceErrors.orderNotFound();
      if (order.status === 'DISPUTED') throw CommerceErrors.disputed();
      if (order.status === 'REFUNDED' || order.status === 'DISPUTE_LOST') throw CommerceErrors.nothingToRefund();
      if (!REFUNDABLE.includes(order.status)) throw CommerceErrors.notPaid();
      const left = order.amount - order.refundedAmount; // pending refunds are reserved
      if (left <= 0) throw CommerceErrors.nothingToRefund();
      const wanted = amount ?? left;
      if (!Number.isSafeInteger(wanted) || wanted < 1 || wanted > left) throw CommerceErrors.invalidRefundAmount(left);
      const reason: RefundReason = isSeller
        ? 'ISSUED_BY_CREATOR'
        : support
          ? 'ISSUED_BY_SUPPORT'
          : 'REQUESTED_BY_BUYER';
      if (reason === 'REQUESTED_BY_BUYER') {
        if (wanted !== left) throw CommerceErrors.partialRefundByBuyer();
        const windowEnds = order.paidAt!.getTime() + this.config.payments.refundWindowDays * 86_400_000;
        if (this.clock.now().getTime() > windowEnds) {
          throw CommerceErrors.refundWindowClosed(this.config.payments.refundWindowDays);
        }
      }
      return this.refundInTransaction(manager, order, { amount: wanted, reason, requestedBy: actor.userId });
    });
  }

  /**
   * Records a refund in the caller's transaction (the caller holds the order's row lock). Its amount is reserved on the
   * order at once (no second refund can exceed what is left); the books, the split parts and the licence change only
   * when the provider has made the refund (`applySucceeded`). A refund the provider refuses (the charge was disputed
   * meanwhile, say) releases its reservation and changes nothing else.
   */
  async refundInTransaction(
    manager: EntityManager,
    order: OrderEntity,
    input: { amount: number; reason: RefundReason; requestedBy: string | null; providerRefundId?: string },
  ): Promise<RefundRow> {
    const now = this.clock.now();
    const refund: RefundRow = {
      id: newId(),
      orderId: order.id,
      amount: input.amount,
      reason: input.reason,
      status: 'PENDING',
      providerRefundId: null,
      createdAt: now,
    };
    await manager.query(
      `INSERT INTO commerce.refund (id, order_id, amount, reason, requested_by, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $6)`,
      [refund.id, order.id, refund.amount, refund.reason, input.requestedBy, now],
    );
    await manager
      .getRepository(OrderEntity)
      .update({ id: order.id }, { refundedAmount: order.refundedAmount + input.amount, updatedAt: now });
    if (input.providerRefundId) {
      await this.applySucceeded(manager, refund.id, input.providerRefundId);
      return { ...refund, status: 'SUCCEEDED', providerRefundId: input.providerRefundId };
    }
    await this.queue.enqueue(manager, REFUND_TASK, { refundId: refund.id }, { jobKey: `refund:${refund.id}` });
    return refund;
  }

  /** The provider made the refund: post it, take the parts back pro rata, end the licence once fully refunded. */
  async applySucceeded(manager: EntityManager, refundId: string, providerRefundId: string): Promise<boolean> {
    const [refund] = await manager.query<{ order_id: string; amount: string; status: string }[]>(
      `SELECT order_id, amount, status FROM commerce.refund WHERE id = $1 FOR UPDATE`,
      [refundId],
    );
    if (refund?.status !== 'PENDING') return false;
    const order = (await this.lockOrder(manager, refund.order_id))!;
    const amount = Number(refund.amount);
    const now = this.clock.now();
    await manager.query(
      `UPDATE commerce.refund SET status = 'SUCCEEDED', provider_refund_id = $2, updated_at = $3 WHERE id = $1`,
      [refundId, providerRefundId, now],
    );
    await this.clawbacks.clawBack(manager, order, amount, `refund:${refundId}`, (taken) => [
      { account: Books.clearing(order.currency), amount: -amount },
      { account: Books.refunds(order.currency), amount: taken.platformPart },
    ]);
    const full = (await this.refundedSoFar(manager, order.id)) === order.amount;
    // A dispute's outcome decides a disputed order's status; a refund only records itself.
    if (order.status !== 'DISPUTED' && order.status !== 'DISPUTE_LOST') {
      await manager
        .getRepository(OrderEntity)
        .update({ id: order.id }, { status: full ? 'REFUNDED' : 'PARTIALLY_REFUNDED', updatedAt: now });
    }
    if (full && order.grantId) await this.licensing.revoke(manager, order.grantId, 'REFUNDED');
    return true;
  }

  /** The provider refused the refund for good: release the reservation; nothing else had changed. */
  async markFailed(refundId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [refund] = await manager.query<{ order_id: string; amount: string; status: string }[]>(
        `SELECT order_id, amount, status FROM commerce.refund WHERE id = $1 FOR UPDATE`,
        [refundId],
      );
      if (refund?.status !== 'PENDING') return;
      await this.lockOrder(manager, refund.order_id);
      await manager.query(`UPDATE commerce.refund SET status = 'FAILED', updated_at = $2 WHERE id = $1`, [
        refundId,
        this.clock.now(),
      ]);
      await manager.query(
        `UPDATE commerce."order" SET refunded_amount = refunded_amount - $2, updated_at = $3 WHERE id = $1`,
        [refund.order_id, Number(refund.amount), this.clock.now()],
      );
    });
  }

  /**
   * `charge.refunded`: the provider says how much of the charge is refunded in all. More than we know of means a
   * refund made at the provider directly; it is recorded (with its effects) like ours.
   */
  async syncChargeRefunds(orderId: string, providerTotal: number, latestRefundId: string | null): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.lockOrder(manager, orderId);
      if (!order) return 'unknown order';
      const unknown = providerTotal - order.refundedAmount;
      if (unknown <= 0) return 'refunds already recorded';
      await this.refundInTransaction(manager, order, {
        amount: unknown,
        reason: 'PROVIDER',
        requestedBy: null,
        providerRefundId: latestRefundId ?? `external:${order.id}:${providerTotal}`,
      });
      return `recorded external refund of ${unknown}`;
    });
  }

  async refundsOf(orderIds: readonly string[]): Promise<RefundRow[]> {
    if (!orderIds.length) return [];
    const rows = await this.dataSource.query<
      (Omit<RefundRow, 'orderId' | 'providerRefundId' | 'createdAt' | 'amount'> & Record<string, unknown>)[]
    >(
      `SELECT id, order_id, amount, reason, status, provider_refund_id, created_at FROM commerce.refund
        WHERE order_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [orderIds],
    );
    return rows.map((r) => ({
      id: r.id,
      orderId: r['order_id'] as string,
      amount: Number(r['amount']),
      reason: r.reason,
      status: r.status,
      providerRefundId: r['provider_refund_id'] as string | null,
      createdAt: r['created_at'] as Date,
    }));
  }

  /** What the provider has actually refunded of an order (pending refunds excluded). */
  async refundedSoFar(manager: EntityManager, orderId: string): Promise<number> {
    const [row] = await manager.query<{ refunded: string }[]>(
      `SELECT coalesce(sum(amount), 0) AS refunded FROM commerce.refund WHERE order_id = $1 AND status = 'SUCCEEDED'`,
      [orderId],
    );
    return Number(row!.refunded);
  }

  lockOrder(manager: EntityManager, orderId: string): Promise<OrderEntity | null> {
    return manager
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :orderId', { orderId })
      .getOne();
  }
}
