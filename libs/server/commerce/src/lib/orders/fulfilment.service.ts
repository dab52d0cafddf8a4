import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, Notifier, Transactions } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { Books, nonZero } from '../money/books';
import { shareByWeights } from '../money/shares';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import type { CheckoutState } from '../provider/payment-provider';
import { RefundService } from '../refunds/refund.service';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import { OrderRefs } from './order-refs';
import { assertTransition, PAID_STATUSES } from './order-status';
import { OrderRepository } from './order.repository';
import type { Outcome } from './order.service';

/** A checkout session the provider says is paid, for one of our orders. */
export type PaidSession = CheckoutState & { orderId: string };

/** Licensing refused one line's licence (sold exclusively meanwhile, offer withdrawn, already held…). */
class LineNotGrantable extends Error {
  constructor(
    readonly position: number,
    readonly refusal: DomainError,
  ) {
    super(`line ${position}: ${refusal.code}`);
  }
}

/** Lines are granted in version order, so two fulfilments lock the versions they share in the same order. */
const grantOrder = (a: OrderLineEntity, b: OrderLineEntity) =>
  a.versionId < b.versionId ? -1 : a.versionId > b.versionId ? 1 : a.position - b.position;

/**
 * Turns a paid checkout into licences. Fulfilment is one database transaction: the order becomes PAID, every line's
 * licence is granted, the sale is posted to the ledger and each split's transfer is queued — all or nothing, and
 * replays are no-ops. A line whose licence can no longer be granted is refunded in full in that same transaction,
 * while the others are granted (the receipt says which, and why). The session comes from the provider's own record
 * (`CheckoutSync`), never from an event body.
 */
@Injectable()
export class FulfilmentService {
  private readonly log = new Logger('Fulfilment');

  constructor(
    private readonly orders: OrderRepository,
    private readonly licensing: LicensingFacade,
    private readonly ledger: LedgerService,
    private readonly refunds: RefundService,
    private readonly transfers: TransferScheduler,
    private readonly transactions: Transactions,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async fulfil(session: PaidSession): Promise<Outcome> {
    // Licensing refuses a line by throwing, which spoils the transaction: roll it back, remember the line, and run
    // again without it. Each round refuses one more line or commits, so this ends within lines + 1 rounds.
    const refused = new Map<number, string>();
    for (;;) {
      try {
        return await this.transactions.run((manager) => this.recordPayment(manager, session, refused));
      } catch (error) {
        if (!(error instanceof LineNotGrantable) || refused.has(error.position)) throw error;
        this.log.warn(`order ${session.orderId} line ${error.position} paid but not grantable: ${error.refusal.code}`);
        refused.set(error.position, error.refusal.code);
      }
    }
  }

  private async recordPayment(
    manager: EntityManager,
    session: PaidSession,
    refused: ReadonlyMap<number, string>,
  ): Promise<Outcome> {
    const order = await this.orders.lock(manager, session.orderId);
    if (!order) return 'unknown order';
    if (PAID_STATUSES.includes(order.status)) return 'already fulfilled';
    const paidAt = this.clock.now();
    if (session.amount !== order.amount || session.currency !== order.currency) {
      // Never grant or book money that does not match the order; support reviews it with the provider's record.
      this.log.error(`session ${session.id} charged ${session.amount} ${session.currency}, order ${order.id} differs`);
      await this.orders.update(order.id, { failureReason: 'AMOUNT_MISMATCH', updatedAt: paidAt }, manager);
      return 'amount mismatch: held for review';
    }
    const lines = await this.orders.linesOf(order.id, manager);
    const grants = new Map<number, string>();
    for (const line of [...lines].sort(grantOrder)) {
      if (refused.has(line.position)) continue;
      grants.set(line.position, await this.grant(manager, order, line));
    }
    const splits = await this.orders.splitsOf(order.id, manager);
    await this.postSale(manager, order, splits, session.processorFee);
    const fees =
      session.processorFee === null
        ? null
        : shareByWeights(
            session.processorFee,
            order.currency,
            lines.map((l) => l.amount),
          );
    for (const [i, line] of lines.entries()) {
      await this.orders.updateLine(
        line.id,
        {
          grantId: grants.get(line.position) ?? null,
          failureReason: refused.get(line.position) ?? null,
          processorFee: fees?.[i] ?? null,
          paidAt,
        },
        manager,
      );
    }
    const nothingGranted = grants.size === 0;
    await this.orders.update(
      order.id,
      {
        status: assertTransition(order.status, 'PAID'),
        paidAt,
        updatedAt: paidAt,
        paymentIntentId: session.paymentIntentId,
        chargeId: session.chargeId,
        processorFee: session.processorFee,
        checkoutUrl: null,
        failureReason: nothingGranted ? refused.get(lines[0]!.position)! : null,
      },
      manager,
    );
    // A line being refunded keeps its splits unpaid: the refund claws them back before any transfer is due.
    await this.transfers.scheduleSale(
      manager,
      order.id,
      splits.filter((s) => !refused.has(s.line)),
      paidAt,
    );
    await this.notifySale(manager, order, splits, refused);
    if (!refused.size) return 'fulfilled';
    const unavailable = lines.filter((l) => refused.has(l.position));
    await this.refunds.refundInTransaction(manager, order, {
      lines: unavailable.map((line) => ({ line, amount: line.amount })),
      reason: 'LICENSE_UNAVAILABLE',
      requestedBy: null,
    });
    const why = unavailable.map((l) =>
      lines.length === 1 ? refused.get(l.position) : `line ${l.position}: ${refused.get(l.position)}`,
    );
    return nothingGranted
      ? `refunded: ${why.join(', ')}`
      : `fulfilled ${grants.size} of ${lines.length}; refunded ${why.join(', ')}`;
  }

  /** One line's licence (a replay returns the licence granted before); a licensing refusal names the line. */
  private async grant(manager: EntityManager, order: OrderEntity, line: OrderLineEntity): Promise<string> {
    try {
      const issued = await this.licensing.issueForOrder(manager, {
        offerId: line.offerId,
        licenseeId: order.buyerId,
        orderRef: OrderRefs.license(order.id, line.position),
      });
      return issued.id;
    } catch (error) {
      if (error instanceof DomainError) throw new LineNotGrantable(line.position, error);
      throw error;
    }
  }

  /** Each creator paid by the sale hears of it once (not the buyer of their own work; not for a refused line). */
  private async notifySale(
    manager: EntityManager,
    order: OrderEntity,
    splits: { recipientId: string; line: number }[],
    refused: ReadonlyMap<number, string>,
  ): Promise<void> {
    const paid = new Set(splits.filter((s) => !refused.has(s.line)).map((s) => s.recipientId));
    for (const recipientId of paid) {
      if (recipientId === order.buyerId) continue;
      await this.notifier.notify(manager, {
        recipientId,
        kind: 'SALE',
        subjectKind: 'ORDER',
        subjectId: order.id,
        text: `New sale: someone licensed ${order.itemName}`,
        url: '/earnings',
        dedupeKey: `commerce.sale:${order.id}:${recipientId}`,
      });
    }
  }

  private async postSale(
    manager: EntityManager,
    order: OrderEntity,
    splits: { recipientId: string; amount: number }[],
    processorFee: number | null,
  ): Promise<void> {
    // One posting for the whole sale: what each recipient earns on several lines is one entry (the ledger merges).
    await this.ledger.post(manager, {
      externalRef: OrderRefs.paid(order.id),
      kind: 'SALE',
      description: `Sale of ${order.itemName}`,
      entries: nonZero([
        { account: Books.clearing(order.currency), amount: order.amount },
        { account: Books.revenue(order.currency), amount: -order.platformFee },
        ...splits.map((s) => ({ account: Books.payable(s.recipientId, order.currency), amount: -s.amount })),
      ]),
    });
    if (!processorFee) return;
    await this.ledger.post(manager, {
      externalRef: OrderRefs.processorFee(order.id),
      kind: 'PROCESSOR_FEE',
      description: 'Payment processing fee',
      entries: [
        { account: Books.processorFees(order.currency), amount: processorFee },
        { account: Books.clearing(order.currency), amount: -processorFee },
      ],
    });
  }
}
