import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, isStaff, JobQueue, Transactions } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { LicensingFacade } from '@lookbook/licensing';
import { CommerceErrors } from '../commerce.errors';
import { CommerceTasks } from '../commerce.tasks';
import { Books } from '../money/books';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRefs } from '../orders/order-refs';
import { assertTransition, isDisputed, REFUNDABLE_STATUSES, statusAfterRefunds } from '../orders/order-status';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from './clawback.service';
import type { RefundEntity, RefundReason } from './refund.entity';
import { RefundRepository } from './refund.repository';

/** Who is asking for a refund decides what they may ask for. */
export function refundReasonFor(actor: Actor, order: OrderEntity): RefundReason | null {
  if (order.sellerId === actor.userId) return 'ISSUED_BY_CREATOR';
  if (isStaff(actor)) return 'ISSUED_BY_SUPPORT';
  if (order.buyerId === actor.userId) return 'REQUESTED_BY_BUYER';
  return null;
}

/**
 * Refunds: the buyer (in full, within the refund window), the seller (any part, any time) or support ask; the books,
 * the split parts and the licence change in one transaction, and the provider's refund follows from a job keyed by
 * the refund. Refunds made at the provider directly (its dashboard) arrive as `charge.refunded` and are recorded the
 * same way.
 */
@Injectable()
export class RefundService {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly clawbacks: ClawbackService,
    private readonly licensing: LicensingFacade,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: Actor, orderId: string, amount: number | undefined): Promise<RefundEntity> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.lock(manager, orderId);
      const reason = order && refundReasonFor(actor, order);
      if (!order || !reason) throw CommerceErrors.orderNotFound();
      if (order.status === 'DISPUTED') throw CommerceErrors.disputed();
      if (order.status === 'REFUNDED' || order.status === 'DISPUTE_LOST') throw CommerceErrors.nothingToRefund();
      if (!REFUNDABLE_STATUSES.includes(order.status)) throw CommerceErrors.notPaid();
      const left = order.amount - order.refundedAmount; // pending refunds are reserved
      if (left <= 0) throw CommerceErrors.nothingToRefund();
      const wanted = amount ?? left;
      if (!Number.isSafeInteger(wanted) || wanted < 1 || wanted > left) throw CommerceErrors.invalidRefundAmount(left);
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
  ): Promise<RefundEntity> {
    const now = this.clock.now();
    const refund: RefundEntity = {
      id: newId(),
      orderId: order.id,
      amount: input.amount,
      reason: input.reason,
      requestedBy: input.requestedBy,
      status: 'PENDING',
      providerRefundId: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.refunds.insert(manager, refund);
    await this.orders.addRefunded(manager, order.id, input.amount, now);
    if (input.providerRefundId) {
      await this.applySucceeded(manager, refund.id, input.providerRefundId);
      return { ...refund, status: 'SUCCEEDED', providerRefundId: input.providerRefundId };
    }
    await this.queue.enqueue(manager, CommerceTasks.refund, { refundId: refund.id });
    return refund;
  }

  /** The provider made the refund: post it, take the parts back pro rata, end the licence once fully refunded. */
  async applySucceeded(manager: EntityManager, refundId: string, providerRefundId: string): Promise<boolean> {
    const refund = await this.refunds.lock(manager, refundId);
    if (refund?.status !== 'PENDING') return false;
    const order = (await this.orders.lock(manager, refund.orderId))!;
    const now = this.clock.now();
    await this.refunds.update(manager, refundId, { status: 'SUCCEEDED', providerRefundId, updatedAt: now });
    await this.clawbacks.clawBack(manager, order, refund.amount, OrderRefs.refund(refundId), (taken) => [
      { account: Books.clearing(order.currency), amount: -refund.amount },
      { account: Books.refunds(order.currency), amount: taken.platformPart },
    ]);
    const refunded = await this.refunds.succeededTotal(manager, order.id);
    if (!isDisputed(order.status)) {
      const status = assertTransition(order.status, statusAfterRefunds(order.amount, refunded));
      await this.orders.update(order.id, { status, updatedAt: now }, manager);
    }
    if (refunded === order.amount && order.grantId) await this.licensing.revoke(manager, order.grantId, 'REFUNDED');
    return true;
  }

  /** The provider refused the refund for good: release the reservation; nothing else had changed. */
  async markFailed(refundId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const refund = await this.refunds.lock(manager, refundId);
      if (refund?.status !== 'PENDING') return;
      await this.orders.lock(manager, refund.orderId);
      const now = this.clock.now();
      await this.refunds.update(manager, refundId, { status: 'FAILED', updatedAt: now });
      await this.orders.addRefunded(manager, refund.orderId, -refund.amount, now);
    });
  }

  /**
   * `charge.refunded`: the provider says how much of the charge is refunded in all. More than we know of means a
   * refund made at the provider directly; it is recorded (with its effects) like ours.
   */
  async syncChargeRefunds(orderId: string, providerTotal: number, latestRefundId: string | null): Promise<string> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.lock(manager, orderId);
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
}
