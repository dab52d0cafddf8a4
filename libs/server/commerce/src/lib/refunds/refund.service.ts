import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, isStaff, JobQueue, Transactions } from '@lookbook/core';
import { multiLine, newId } from '@lookbook/kernel';
import { LicensingFacade } from '@lookbook/licensing';
import { CommerceErrors } from '../commerce.errors';
import { CommerceTasks } from '../commerce.tasks';
import { Books } from '../money/books';
import { shareByWeights } from '../money/shares';
import type { OrderLineEntity } from '../orders/order-line.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRefs } from '../orders/order-refs';
import { assertTransition, isDisputed, REFUNDABLE_STATUSES, statusAfterRefunds } from '../orders/order-status';
import { OrderRepository } from '../orders/order.repository';
import { ClawbackService } from './clawback.service';
import type { RefundLineEntity } from './refund-line.entity';
import type { RefundEntity, RefundReason } from './refund.entity';
import { RefundRepository } from './refund.repository';

/** The longest note a refund keeps (it becomes the licence's revocation note, which has the same cap). */
export const REFUND_NOTE_MAX = 500;

/** Who is asking for a refund of a line decides what they may ask for. */
export function refundReasonFor(
  actor: Actor,
  order: Pick<OrderEntity, 'buyerId'>,
  line: Pick<OrderLineEntity, 'sellerId'>,
): RefundReason | null {
  if (line.sellerId === actor.userId) return 'ISSUED_BY_CREATOR';
  if (isStaff(actor)) return 'ISSUED_BY_SUPPORT';
  if (order.buyerId === actor.userId) return 'REQUESTED_BY_BUYER';
  return null;
}

/** What a refund request names: a line (or every line), an amount (or all that is left), and why. */
export interface RefundRequest {
  lineId?: string;
  amount?: number;
  note?: string;
}

/** A refund with the lines it is for, and its order's lines (what its receipt entry names). */
export interface RefundRecord {
  refund: RefundEntity;
  lines: RefundLineEntity[];
  orderLines: OrderLineEntity[];
}

/** A refund as recorded: the money per line it gives back. */
export interface RefundInput {
  lines: { line: OrderLineEntity; amount: number }[];
  reason: RefundReason;
  requestedBy: string | null;
  note?: string | null;
  providerRefundId?: string;
}

/**
 * Refunds, per order line: the buyer (a whole line, or every line, within the refund window), the line's seller (any
 * part, any time) or support ask; one refund (one provider refund) may cover several lines. The books, the line's
 * split parts and its licence change in one transaction, and the provider's refund follows from a job keyed by the
 * refund. Refunds made at the provider directly (its dashboard) arrive as `charge.refunded` and are recorded the same
 * way, shared over the lines by what is left of each.
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

  async request(actor: Actor, orderId: string, input: RefundRequest = {}): Promise<RefundRecord> {
    const note =
      input.note === undefined ? '' : multiLine(input.note.trim(), 'note', { max: REFUND_NOTE_MAX, optional: true });
    return this.transactions.run(async (manager) => {
      const order = await this.orders.lock(manager, orderId);
      const lines = order ? await this.orders.linesOf(order.id, manager) : [];
      const mayAct = lines.some((line) => refundReasonFor(actor, order!, line) !== null);
      if (!order || !mayAct) throw CommerceErrors.orderNotFound();
      let targets: OrderLineEntity[];
      if (input.lineId) {
        const line = lines.find((l) => l.id === input.lineId);
        if (!line || !refundReasonFor(actor, order, line)) throw CommerceErrors.lineNotFound();
        targets = [line];
      } else {
        targets = lines.filter((l) => l.amount > l.refundedAmount);
        // A part of "the order" is ambiguous once it has several lines; so is a refund of lines the caller may not refund.
        if (targets.length > 1 && input.amount !== undefined) throw CommerceErrors.lineRequired();
        if (targets.some((l) => !refundReasonFor(actor, order, l))) throw CommerceErrors.lineRequired();
      }
      if (order.status === 'DISPUTED') throw CommerceErrors.disputed();
      if (order.status === 'REFUNDED' || order.status === 'DISPUTE_LOST') throw CommerceErrors.nothingToRefund();
      if (!REFUNDABLE_STATUSES.includes(order.status)) throw CommerceErrors.notPaid();
      const left = targets.reduce((sum, l) => sum + l.amount - l.refundedAmount, 0); // pending refunds are reserved
      if (left <= 0) throw CommerceErrors.nothingToRefund();
      const wanted = input.amount ?? left;
      if (!Number.isSafeInteger(wanted) || wanted < 1 || wanted > left) throw CommerceErrors.invalidRefundAmount(left);
      const reasons = new Set(targets.map((l) => refundReasonFor(actor, order, l)!));
      const reason: RefundReason = reasons.size === 1 ? [...reasons][0]! : 'ISSUED_BY_SUPPORT'; // only staff mix
      if (reason === 'REQUESTED_BY_BUYER') {
        if (wanted !== left) throw CommerceErrors.partialRefundByBuyer();
        const windowEnds = order.paidAt!.getTime() + this.config.payments.refundWindowDays * 86_400_000;
        if (this.clock.now().getTime() > windowEnds) {
          throw CommerceErrors.refundWindowClosed(this.config.payments.refundWindowDays);
        }
      }
      const portions =
        targets.length === 1
          ? [{ line: targets[0]!, amount: wanted }]
          : targets.map((line) => ({ line, amount: line.amount - line.refundedAmount }));
      const refund = await this.refundInTransaction(manager, order, {
        lines: portions.filter((p) => p.amount > 0),
        reason,
        requestedBy: actor.userId,
        note: note || null,
      });
      const refundLines = portions.map((p): RefundLineEntity => ({
        refundId: refund.id,
        orderId: order.id,
        line: p.line.position,
        amount: p.amount,
      }));
      return { refund, lines: refundLines, orderLines: lines };
    });
  }

  /**
   * Records a refund in the caller's transaction (the caller holds the order's row lock). Its amount is reserved on the
   * order and on each line at once (no second refund can exceed what is left); the books, the split parts and the
   * licences change only when the provider has made the refund (`applySucceeded`). A refund the provider refuses (the
   * charge was disputed meanwhile, say) releases its reservation and changes nothing else.
   */
  async refundInTransaction(manager: EntityManager, order: OrderEntity, input: RefundInput): Promise<RefundEntity> {
    const now = this.clock.now();
    const refund: RefundEntity = {
      id: newId(),
      orderId: order.id,
      amount: input.lines.reduce((sum, l) => sum + l.amount, 0),
      reason: input.reason,
      requestedBy: input.requestedBy,
      note: input.note ?? null,
      status: 'PENDING',
      providerRefundId: null,
      createdAt: now,
      updatedAt: now,
    };
    const lines = input.lines.map(({ line, amount }): RefundLineEntity => ({
      refundId: refund.id,
      orderId: order.id,
      line: line.position,
      amount,
    }));
    await this.refunds.insert(manager, refund, lines);
    for (const { line, amount } of input.lines)
      await this.orders.addRefunded(manager, order.id, line.position, amount, now);
    if (input.providerRefundId) {
      await this.applySucceeded(manager, refund.id, input.providerRefundId);
      return { ...refund, status: 'SUCCEEDED', providerRefundId: input.providerRefundId };
    }
    await this.queue.enqueue(manager, CommerceTasks.refund, { refundId: refund.id });
    return refund;
  }

  /**
   * The provider made the refund: post it, take each line's parts back pro rata, and end the licence of every line it
   * leaves fully refunded (the other lines keep theirs).
   */
  async applySucceeded(manager: EntityManager, refundId: string, providerRefundId: string): Promise<boolean> {
    const refund = await this.refunds.lock(manager, refundId);
    if (refund?.status !== 'PENDING') return false;
    const order = (await this.orders.lock(manager, refund.orderId))!;
    const lines = await this.orders.linesOf(order.id, manager);
    const refunded = await this.refunds.linesOf(manager, refundId);
    const lineAt = (position: number) => lines.find((l) => l.position === position)!;
    const now = this.clock.now();
    await this.refunds.update(manager, refundId, { status: 'SUCCEEDED', providerRefundId, updatedAt: now });
    await this.clawbacks.clawBack(
      manager,
      order,
      refunded.map((r) => ({ lines: [lineAt(r.line)], amount: r.amount })),
      OrderRefs.refund(refundId),
      (taken) => [
        { account: Books.clearing(order.currency), amount: -refund.amount },
        { account: Books.refunds(order.currency), amount: taken.platformPart },
      ],
    );
    const byLine = await this.refunds.succeededByLine([order.id], manager);
    const total = byLine.reduce((sum, r) => sum + r.refunded, 0);
    if (!isDisputed(order.status)) {
      const status = assertTransition(order.status, statusAfterRefunds(order.amount, total));
      await this.orders.update(order.id, { status, updatedAt: now }, manager);
    }
    for (const { line: position } of refunded) {
      const line = lineAt(position);
      const done = byLine.find((r) => r.line === position)?.refunded ?? 0;
      if (done >= line.amount && line.grantId) {
        await this.licensing.revoke(manager, line.grantId, 'REFUNDED', refund.note ?? undefined);
      }
    }
    return true;
  }

  /** The provider refused the refund for good: release the reservations; nothing else had changed. */
  async markFailed(refundId: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const refund = await this.refunds.lock(manager, refundId);
      if (refund?.status !== 'PENDING') return;
      await this.orders.lock(manager, refund.orderId);
      const now = this.clock.now();
      await this.refunds.update(manager, refundId, { status: 'FAILED', updatedAt: now });
      for (const line of await this.refunds.linesOf(manager, refundId)) {
        await this.orders.addRefunded(manager, refund.orderId, line.line, -line.amount, now);
      }
    });
  }

  /**
   * `charge.refunded`: the provider says how much of the charge is refunded in all. More than we know of means a
   * refund made at the provider directly; it is recorded (with its effects) like ours, shared over the lines by what
   * is left of each.
   */
  async syncChargeRefunds(orderId: string, providerTotal: number, latestRefundId: string | null): Promise<string> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.lock(manager, orderId);
      if (!order) return 'unknown order';
      const unknown = providerTotal - order.refundedAmount;
      if (unknown <= 0) return 'refunds already recorded';
      const lines = await this.orders.linesOf(order.id, manager);
      const left = lines.map((l) => l.amount - l.refundedAmount);
      const shares = shareByWeights(
        Math.min(
          unknown,
          left.reduce((a, b) => a + b, 0),
        ),
        order.currency,
        left,
      );
      await this.refundInTransaction(manager, order, {
        lines: lines.map((line, i) => ({ line, amount: shares[i]! })).filter((l) => l.amount > 0),
        reason: 'PROVIDER',
        requestedBy: null,
        providerRefundId: latestRefundId ?? `external:${order.id}:${providerTotal}`,
      });
      return `recorded external refund of ${unknown}`;
    });
  }
}
