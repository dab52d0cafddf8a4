import { Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { isUuid } from '@lookbook/kernel';
import { CommerceTasks } from '../commerce.tasks';
import { DisputeService } from '../disputes/dispute.service';
import { CheckoutSync } from '../orders/checkout-sync.service';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRefs } from '../orders/order-refs';
import { PAID_STATUSES } from '../orders/order-status';
import { OrderRepository } from '../orders/order.repository';
import type { Outcome } from '../orders/order.service';
import { OrderService } from '../orders/order.service';
import { PayoutAccountService } from '../payouts/payout-account.service';
import type { ProviderEvent } from '../provider/payment-provider';
import { accountStateOf, ProviderRejectedError } from '../provider/payment-provider';
import { RefundService } from '../refunds/refund.service';
import { WebhookInbox } from './webhook-inbox.service';

/** An event that needs state we do not have yet: throwing makes the queue retry it later (any arrival order works). */
class NotYet extends Error {}

const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === 'string' ? ref : (ref?.id ?? null));

/**
 * Processes one inbox event. Handlers are idempotent and re-read the provider where the event body could be stale or
 * the event arrived before the one it depends on.
 */
@Injectable()
@JobTask(CommerceTasks.processEvent)
export class ProcessEventJob implements JobHandler<PayloadOf<typeof CommerceTasks.processEvent>> {
  constructor(
    private readonly inbox: WebhookInbox,
    private readonly orders: OrderRepository,
    private readonly orderService: OrderService,
    private readonly checkouts: CheckoutSync,
    private readonly refunds: RefundService,
    private readonly disputes: DisputeService,
    private readonly accounts: PayoutAccountService,
  ) {}

  async handle({ eventId }: PayloadOf<typeof CommerceTasks.processEvent>): Promise<void> {
    const event = await this.inbox.get(eventId);
    if (!event || event.processedAt) return;
    let outcome: string;
    try {
      outcome = await this.dispatch(event.payload);
    } catch (error) {
      // The provider says the object does not exist (or refuses for good): retrying cannot change that.
      if (!(error instanceof ProviderRejectedError)) throw error;
      outcome = `provider refused: ${error.code ?? error.message}`;
    }
    await this.inbox.markProcessed(eventId, outcome);
  }

  private async dispatch(event: ProviderEvent): Promise<Outcome> {
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- Stripe has hundreds of event types; the rest are recorded as ignored
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': // delayed methods (bank debits) settle later
      case 'checkout.session.async_payment_failed':
      case 'checkout.session.expired':
        return this.checkouts.syncSession(event.data.object.id);
      case 'payment_intent.payment_failed': {
        const intent = event.data.object;
        const orderId = intent.metadata?.['order_id'];
        if (!orderId || !isUuid(orderId)) return 'not our payment';
        return this.orderService.paymentFailed(orderId, intent.last_payment_error?.message ?? 'The payment failed');
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const order = await this.paidOrder(charge.id, charge.transfer_group);
        if (!order) return 'not our charge';
        const latest = charge.refunds?.data?.[0]?.id ?? null;
        return this.refunds.syncChargeRefunds(order.id, charge.amount_refunded, latest);
      }
      case 'charge.dispute.created': {
        const dispute = event.data.object;
        const order = await this.paidOrder(idOf(dispute.charge)!, null);
        if (!order) return 'not our charge';
        return this.disputes.opened({
          id: dispute.id,
          orderId: order.id,
          amount: dispute.amount,
          reason: dispute.reason,
        });
      }
      case 'charge.dispute.closed': {
        const dispute = event.data.object;
        if (!(await this.paidOrder(idOf(dispute.charge)!, null))) return 'not our charge';
        return this.disputes.closed(dispute.id, dispute.status !== 'lost');
      }
      case 'transfer.reversed':
        return 'noted (reversals are recorded when we make them)';
      case 'account.updated':
        return this.accounts.updated(accountStateOf(event.data.object));
      case 'payout.paid':
      case 'payout.failed':
        return this.payout(event.account, event.data.object);
      default:
        return 'ignored';
    }
  }

  /**
   * The paid order a charge belongs to. If we have not seen the payment complete yet (the completion event is late),
   * ask the provider about the order's checkout first; if it is still not paid there, retry later.
   */
  private async paidOrder(chargeId: string, transferGroup: string | null): Promise<OrderEntity | null> {
    const known = await this.orders.byChargeId(chargeId);
    if (known) return known;
    const orderId = OrderRefs.orderOfTransferGroup(transferGroup);
    const order = orderId ? await this.orders.byId(orderId) : null;
    if (!order) {
      // Could be ours with the completion not processed yet, or not ours at all: retry a bounded number of times.
      throw new NotYet(`charge ${chargeId} not matched to an order yet`);
    }
    if (!PAID_STATUSES.includes(order.status)) await this.checkouts.syncOrder(order);
    const synced = await this.orders.byId(order.id);
    if (!synced || !PAID_STATUSES.includes(synced.status)) throw new NotYet(`order ${order.id} not paid yet`);
    return synced;
  }

  private payout(account: string | undefined, payout: Stripe.Payout): Promise<Outcome> | Outcome {
    if (!account) return 'platform payout (not a creator’s)';
    const status =
      payout.status === 'paid'
        ? 'PAID'
        : payout.status === 'failed'
          ? 'FAILED'
          : payout.status === 'canceled'
            ? 'CANCELED'
            : 'IN_TRANSIT';
    return this.accounts.payout(account, {
      providerPayoutId: payout.id,
      amount: payout.amount,
      currency: payout.currency.toUpperCase(),
      status,
      failureCode: payout.failure_code ?? null,
      arrivalDate: payout.arrival_date ? new Date(payout.arrival_date * 1000) : null,
    });
  }
}
