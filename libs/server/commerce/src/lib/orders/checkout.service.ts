import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, RateLimiter, Transactions, publicBaseUrl } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { LicensingFacade } from '@lookbook/licensing';
import { CommerceErrors } from '../commerce.errors';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import type { OrderSplitEntity } from './order-split.entity';
import type { OrderEntity } from './order.entity';
import { OrderRefs } from './order-refs';
import { OpenOrderExists, OrderRepository } from './order.repository';
import { RoyaltyShares } from './royalty-shares.service';

/**
 * Opens checkouts. An order records the offer revision, the price and the split plan as they were when the buyer
 * clicked; the provider's checkout session is created with the order's idempotency key, so a double click (or a retry
 * after a provider timeout) lands on the same order and the same session.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transactions: Transactions,
    private readonly licensing: LicensingFacade,
    private readonly provider: PaymentProvider,
    private readonly royalties: RoyaltyShares,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async checkout(buyerId: string, offerId: string): Promise<OrderEntity> {
    // Each new order opens a session at the provider: a runaway client or script must not open thousands.
    await this.limiter.consume(CHECKOUT_RATE_LIMIT, buyerId);
    const quote = await this.licensing.quote(offerId, buyerId);
    if (quote.tier === 'FREE') throw CommerceErrors.freeOffer();
    if (!Number.isSafeInteger(quote.price.amount) || quote.price.amount <= 0) throw CommerceErrors.invalidPrice();
    const plan = await this.royalties.planFor(quote, this.config.payments.platformFeeBps);
    const now = this.clock.now();

    const order = await this.transactions
      .run(async (manager) => {
        const open = await this.orders.openOf(buyerId, offerId, manager);
        if (open && open.offerRevision === quote.offerRevision && !this.expired(open, now)) return open;
        // A stale open checkout (expired, or for terms that changed) is closed before a new one opens. If its session is
        // paid anyway, fulfilment still honours (or refunds) it.
        if (open) await this.orders.update(open.id, { status: 'CANCELLED', updatedAt: now }, manager);
        const created: OrderEntity = {
          id: newId(),
          buyerId,
          sellerId: quote.sellerId,
          offerId: quote.offerId,
          offerRevision: quote.offerRevision,
          versionId: quote.versionId,
          modelId: quote.modelId,
          subjectKind: quote.subjectKind,
          tier: quote.tier,
          itemName: quote.itemName,
          amount: plan.price.amount,
          currency: plan.price.currency,
          platformFee: plan.platformFee.amount,
          platformFeeBps: this.config.payments.platformFeeBps,
          platformFeeClawedBack: 0,
          status: 'PENDING',
          checkoutSessionId: null,
          checkoutUrl: null,
          checkoutExpiresAt: new Date(now.getTime() + this.config.payments.checkoutTtlMinutes * 60_000),
          paymentIntentId: null,
          chargeId: null,
          processorFee: null,
          lastPaymentError: null,
          grantId: null,
          failureReason: null,
          refundedAmount: 0,
          createdAt: now,
          paidAt: null,
          updatedAt: now,
        };
        await this.orders.insertWithSplits(
          manager,
          created,
          plan.parts.map((part): OrderSplitEntity => ({
            orderId: created.id,
            recipientId: part.recipientId,
            role: part.role,
            shareBps: part.shareBps,
            amount: part.amount.amount,
            clawedBack: 0,
            transferStatus: 'SCHEDULED',
            transferableAt: now, // set from the payment time at fulfilment
            transferAttempt: 0,
            transferAmount: null,
            transferId: null,
            reversedAmount: 0,
            updatedAt: now,
          })),
        );
        return created;
      })
      .catch(async (error: unknown) => {
        // Two clicks at once: the second insert meets the first's open order.
        if (!(error instanceof OpenOrderExists)) throw error;
        return (await this.orders.openOf(buyerId, offerId))!;
      });
    return order.checkoutUrl ? order : this.openSession(order);
  }

  /** Creates (or, with the same key, finds again) the provider's checkout session for an order. */
  private async openSession(order: OrderEntity): Promise<OrderEntity> {
    const base = publicBaseUrl(this.config);
    let session;
    try {
      session = await this.provider.createCheckoutSession(
        {
          orderId: order.id,
          amount: order.amount,
          currency: order.currency,
          itemName: order.itemName,
          transferGroup: OrderRefs.transferGroup(order.id),
          successUrl: `${base}/orders/${order.id}?checkout=success`,
          cancelUrl: `${base}/orders/${order.id}?checkout=cancelled`,
          expiresAt: order.checkoutExpiresAt!,
        },
        OrderRefs.checkout(order.id),
      );
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw CommerceErrors.providerUnavailable();
      throw error;
    }
    const changes = { checkoutSessionId: session.id, checkoutUrl: session.url, updatedAt: this.clock.now() };
    await this.orders.update(order.id, changes);
    return { ...order, ...changes };
  }

  private expired(order: OrderEntity, now: Date): boolean {
    return !!order.checkoutExpiresAt && order.checkoutExpiresAt.getTime() <= now.getTime();
  }
}

export const CHECKOUT_RATE_LIMIT = { name: 'checkout', points: 60, durationSeconds: 600 };
