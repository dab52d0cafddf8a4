import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, JobQueue } from '@lookbook/core';
import { isUuid, newId } from '@lookbook/kernel';
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
      const order = isUuid(orderId) ? await this.lockOrder(manager, orderId) : null;
      const support = actor.roles.includes('admin') || actor.roles.includes('moderator');
      const isBuyer = order?.buyerId === actor.userId;
      const isSeller = order?.sellerId === actor.userId;
      if (!order || !(isBuyer || isSeller || support)) throw CommerceErrors.orderNotFound();
      if (order.status === 'DISPUTED') throw CommerceErrors.disputed();
      if (order.status === 'REFUNDED' || order.status === 'DISPUTE_LOST') throw CommerceErrors.nothingToRefund();
      if (!REFUNDABLE.includes(order.status)) throw CommerceErrors.notPaid();
      const left = order.amount - order.refundedAmount;
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

  /** Records a refund and its effects in the caller's transaction (the order row must be locked by the caller). */
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
      status: input.providerRefundId ? 'SUCCEEDED' : 'PENDING',
      providerRefundId: input.providerRefundId ?? null,
      createdAt: now,
    };
    await manager.query(
      `INSERT INTO commerce.refund (id, order_id, amount, reason, requested_by, status, provider_refund_id,
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        refund.id,
        order.id,
        refund.amount,
        refund.reason,
        input.requestedBy,
        refund.status,
        refund.providerRefundId,
        now,
      ],
    );
    const refundedAmount = order.refundedAmount + input.amount;
    const full = refundedAmount === order.amount;
    await manager
      .getRepository(OrderEntity)
      .update({ id: order.id }, { refundedAmount, status: full ? 'REFUNDED' : 'PARTIALLY_REFUNDED', updatedAt: now });
    await this.clawbacks.clawBack(manager, order, input.amount, `refund:${refund.id}`, (taken) => [
      { account: Books.clearing(order.currency), amount: -input.amount },
      { account: Books.refunds(order.currency), amount: taken.platformPart },
    ]);
    if (full && order.grantId) await this.licensing.revoke(manager, order.grantId, 'REFUNDED');
    if (!input.providerRefundId) await this.queue.enqueue(manager, REFUND_TASK, { refundId: refund.id });
    return refund;
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

  lockOrder(manager: EntityManager, orderId: string): Promise<OrderEntity | null> {
    return manager
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :orderId', { orderId })
      .getOne();
  }
}
