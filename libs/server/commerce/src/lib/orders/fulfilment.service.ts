import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, Transactions } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { Books, nonZero } from '../money/books';
import { TransferScheduler } from '../payouts/transfer-scheduler.service';
import type { CheckoutState } from '../provider/payment-provider';
import { RefundService } from '../refunds/refund.service';
import type { OrderEntity } from './order.entity';
import { OrderRefs } from './order-refs';
import { assertTransition, PAID_STATUSES } from './order-status';
import { OrderRepository } from './order.repository';
import type { Outcome } from './order.service';

/** A checkout session the provider says is paid, for one of our orders. */
export type PaidSession = CheckoutState & { orderId: string };

/**
 * Turns a paid checkout into a licence. Fulfilment is one database transaction: the order becomes PAID, the licence is
 * granted, the sale is posted to the ledger and each split's transfer is queued — all or nothing, and replays are
 * no-ops. The session comes from the provider's own record (`CheckoutSync`), never from an event body.
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
    private readonly clock: Clock,
  ) {}

  async fulfil(session: PaidSession): Promise<Outcome> {
    try {
      return await this.transactions.run((manager) => this.recordPayment(manager, session, { grant: true }));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Paid, but the licence can no longer be granted (sold exclusively meanwhile, offer withdrawn, already held):
      // record the money and give it back in full.
      this.log.warn(`order ${session.orderId} paid but not grantable (${error.code}): refunding`);
      return this.transactions.run(async (manager) => {
        const outcome = await this.recordPayment(manager, session, { grant: false, failureReason: error.code });
        if (outcome !== 'fulfilled') return outcome;
        const order = (await this.orders.byId(session.orderId, manager))!;
        await this.refunds.refundInTransaction(manager, order, {
          amount: order.amount,
          reason: 'LICENSE_UNAVAILABLE',
          requestedBy: null,
        });
        return `refunded: ${error.code}`;
      });
    }
  }

  private async recordPayment(
    manager: EntityManager,
    session: PaidSession,
    options: { grant: boolean; failureReason?: string },
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
    const issued = options.grant
      ? await this.licensing.issueForOrder(manager, {
          offerId: order.offerId,
          licenseeId: order.buyerId,
          orderRef: OrderRefs.license(order.id),
        })
      : null;
    const splits = await this.orders.splitsOf(order.id, manager);
    await this.postSale(manager, order, splits, session.processorFee);
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
        grantId: issued?.id ?? null,
        failureReason: options.failureReason ?? null,
      },
      manager,
    );
    // A sale being refunded keeps its splits unpaid: the refund claws them back before any transfer is due.
    await this.transfers.scheduleSale(manager, order.id, options.grant ? splits : [], paidAt);
    return 'fulfilled';
  }

  private async postSale(
    manager: EntityManager,
    order: OrderEntity,
    splits: { recipientId: string; amount: number }[],
    processorFee: number | null,
  ): Promise<void> {
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
