import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, JobQueue } from '@lookbook/core';
import { DomainError, isUuid } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { Books, nonZero } from '../money/books';
import type { CheckoutState } from '../provider/payment-provider';
import { PaymentProvider } from '../provider/payment-provider';
import { RefundService } from '../refunds/refund.service';
import { TRANSFER_TASK, transferJobKey } from '../payouts/transfer.service';
import { OrderEntity, OrderSplitEntity, PAID_STATUSES } from './order.entities';

export type Outcome = string;

/**
 * Turns a paid checkout into a licence. The provider's own record of the session is the truth (events are only a
 * prompt to look), so a forged, stale or out-of-order event body cannot fulfil anything. Fulfilment is one database
 * transaction: the order becomes PAID, the licence is granted, the sale is posted to the ledger and each split's
 * transfer is queued — all or nothing, and replays are no-ops.
 */
@Injectable()
export class FulfilmentService {
  private readonly log = new Logger('Fulfilment');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly licensing: LicensingFacade,
    private readonly ledger: LedgerService,
    private readonly refunds: RefundService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Re-reads the session from the provider and fulfils its order if it is paid. */
  async syncSession(sessionId: string): Promise<Outcome> {
    return this.apply(await this.provider.retrieveCheckoutSession(sessionId));
  }

  /** For events about a payment whose completion we have not seen yet: look the session up ourselves. */
  async syncOrder(order: OrderEntity): Promise<Outcome> {
    if (!order.checkoutSessionId) return 'no checkout session';
    return this.syncSession(order.checkoutSessionId);
  }

  private async apply(session: CheckoutState): Promise<Outcome> {
    if (!session.orderId || !isUuid(session.orderId)) return 'not our session';
    if (session.status === 'expired') return this.expire(session.orderId);
    if (session.paymentStatus !== 'paid') return 'not paid yet';
    try {
      return await this.dataSource.transaction((manager) => this.fulfil(manager, session, true));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Paid, but the licence can no longer be granted (sold exclusively meanwhile, offer withdrawn, already held):
      // record the money and give it back in full.
      this.log.warn(`order ${session.orderId} paid but not grantable (${error.code}): refunding`);
      return this.dataSource.transaction(async (manager) => {
        const outcome = await this.fulfil(manager, session, false, error.code);
        if (outcome !== 'fulfilled') return outcome;
        const order = (await manager.getRepository(OrderEntity).findOneBy({ id: session.orderId! }))!;
        await this.refunds.refundInTransaction(manager, order, {
          amount: order.amount,
          reason: 'LICENSE_UNAVAILABLE',
          requestedBy: null,
        });
        return `refunded: ${error.code}`;
      });
    }
  }

  private async fulfil(
    manager: EntityManager,
    session: CheckoutState,
    grant: boolean,
    failureReason?: string,
  ): Promise<Outcome> {
    const order = await manager
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id: session.orderId })
      .getOne();
    if (!order) return 'unknown order';
    if (PAID_STATUSES.includes(order.status)) return 'already fulfilled';
    if (session.amount !== order.amount || session.currency !== order.currency) {
      // Never grant or book money that does not match the order; support reviews it with the provider's record.
      this.log.error(`session ${session.id} charged ${session.amount} ${session.currency}, order ${order.id} differs`);
      await manager
        .getRepository(OrderEntity)
        .update({ id: order.id }, { failureReason: 'AMOUNT_MISMATCH', updatedAt: this.clock.now() });
      return 'amount mismatch: held for review';
    }
    const paidAt = this.clock.now();
    const issued = grant
      ? await this.licensing.issueForOrder(manager, {
          offerId: order.offerId,
          licenseeId: order.buyerId,
          orderRef: `order:${order.id}`,
        })
      : null;
    const splits = await manager.getRepository(OrderSplitEntity).findBy({ orderId: order.id });
    await this.ledger.post(manager, {
      externalRef: `order:${order.id}:paid`,
      kind: 'SALE',
      description: `Sale of ${order.itemName}`,
      entries: nonZero([
        { account: Books.clearing(order.currency), amount: order.amount },
        { account: Books.revenue(order.currency), amount: -order.platformFee },
        ...splits.map((s) => ({ account: Books.payable(s.recipientId, order.currency), amount: -s.amount })),
      ]),
    });
    if (session.processorFee) {
      await this.ledger.post(manager, {
        externalRef: `order:${order.id}:processor-fee`,
        kind: 'PROCESSOR_FEE',
        description: 'Payment processing fee',
        entries: [
          { account: Books.processorFees(order.currency), amount: session.processorFee },
          { account: Books.clearing(order.currency), amount: -session.processorFee },
        ],
      });
    }
    const transferableAt = new Date(paidAt.getTime() + this.config.payments.payoutHoldHours * 3_600_000);
    await manager.getRepository(OrderEntity).update(
      { id: order.id },
      {
        status: 'PAID',
        paidAt,
        updatedAt: paidAt,
        paymentIntentId: session.paymentIntentId,
        chargeId: session.chargeId,
        processorFee: session.processorFee,
        checkoutUrl: null,
        grantId: issued?.id ?? null,
        failureReason: failureReason ?? null,
      },
    );
    await manager.getRepository(OrderSplitEntity).update({ orderId: order.id }, { transferableAt, updatedAt: paidAt });
    if (grant) {
      for (const split of splits) {
        await this.queue.enqueue(
          manager,
          TRANSFER_TASK,
          { orderId: order.id, recipientId: split.recipientId },
          { runAt: transferableAt, jobKey: transferJobKey(order.id, split.recipientId) },
        );
      }
    }
    return 'fulfilled';
  }

  /** The checkout expired unpaid: the order closes (a paid order is never expired). */
  async expire(orderId: string): Promise<Outcome> {
    const result = await this.dataSource
      .getRepository(OrderEntity)
      .update(
        { id: orderId, status: 'PENDING' },
        { status: 'EXPIRED', checkoutUrl: null, updatedAt: this.clock.now() },
      );
    return result.affected ? 'expired' : 'not pending';
  }

  /** A declined attempt: the session stays open for another try; the order shows why. */
  async paymentFailed(orderId: string, message: string): Promise<Outcome> {
    const result = await this.dataSource
      .getRepository(OrderEntity)
      .update(
        { id: orderId, status: 'PENDING' },
        { lastPaymentError: message.slice(0, 300), updatedAt: this.clock.now() },
      );
    return result.affected ? 'payment failure recorded' : 'not pending';
  }
}
