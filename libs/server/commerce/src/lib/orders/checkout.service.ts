import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, RateLimiter, Transactions, publicBaseUrl } from '@lookbook/core';
import { DomainError, newId } from '@lookbook/kernel';
import type { PurchaseQuote } from '@lookbook/licensing';
import { LicensingFacade } from '@lookbook/licensing';
import type { SplitPlan } from '@lookbook/templates';
import { TemplatesFacade } from '@lookbook/templates';
import { CommerceErrors } from '../commerce.errors';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderSplitEntity } from './order-split.entity';
import type { OrderEntity } from './order.entity';
import { OrderRefs } from './order-refs';
import { OpenOrderExists, OrderRepository } from './order.repository';

/** The most licences one checkout buys (a workflow's missing licences, with room to spare). */
export const MAX_ORDER_LINES = 20;

/** What one line of a new order is, as quoted and planned when the buyer clicked. */
interface Quoted {
  quote: PurchaseQuote;
  plan: SplitPlan;
}

/**
 * Opens checkouts: one order, one payment, one line per licence. An order records each offer revision, price and
 * split plan as they were when the buyer clicked; the provider's checkout session (one line item per line) is created
 * with the order's idempotency key, so a double click (or a retry after a provider timeout) lands on the same order
 * and the same session. Nothing is recorded unless every offer can be bought.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly transactions: Transactions,
    private readonly licensing: LicensingFacade,
    private readonly provider: PaymentProvider,
    private readonly templates: TemplatesFacade,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One offer: an order of one line (refusals exactly as licensing gives them). */
  checkout(buyerId: string, offerId: string): Promise<OrderEntity> {
    return this.open(buyerId, [offerId]);
  }

  /** Several offers in one checkout. A refusal of one offer names it (`details.offerId`) and records nothing. */
  async checkoutOffers(buyerId: string, offerIds: readonly string[]): Promise<OrderEntity> {
    if (!offerIds.length) throw CommerceErrors.emptyOrder();
    if (offerIds.length > MAX_ORDER_LINES) throw CommerceErrors.tooManyLines(MAX_ORDER_LINES);
    const repeated = [...new Set(offerIds.filter((id, i) => offerIds.indexOf(id) !== i))];
    if (repeated.length) throw CommerceErrors.duplicateOffers(repeated);
    return this.open(buyerId, offerIds, { nameOffers: true });
  }

  private async open(
    buyerId: string,
    offerIds: readonly string[],
    options: { nameOffers?: boolean } = {},
  ): Promise<OrderEntity> {
    // Each new order opens a session at the provider: a runaway client or script must not open thousands.
    await this.limiter.consume(CHECKOUT_RATE_LIMIT, buyerId);
    const quoted: Quoted[] = [];
    for (const offerId of offerIds) {
      try {
        quoted.push(await this.quoteOne(offerId, buyerId));
      } catch (error) {
        if (options.nameOffers && error instanceof DomainError) throw CommerceErrors.offerRefused(offerId, error);
        throw error;
      }
    }
    const sameVersion = quoted.filter((q, i) => quoted.findIndex((o) => o.quote.versionId === q.quote.versionId) !== i);
    if (sameVersion.length) {
      const versions = new Set(sameVersion.map((q) => q.quote.versionId));
      throw CommerceErrors.sameVersionTwice(
        quoted.filter((q) => versions.has(q.quote.versionId)).map((q) => q.quote.offerId),
      );
    }
    const currencies = [...new Set(quoted.map((q) => q.quote.price.currency))];
    if (currencies.length > 1) throw CommerceErrors.mixedCurrencies(currencies.sort());
    const key = [...offerIds].sort();

    const order = await this.transactions
      .run(async (manager) => {
        const now = this.clock.now();
        const open = await this.orders.openOf(buyerId, key, manager);
        if (open && !this.expired(open, now)) {
          const lines = await this.orders.linesOf(open.id, manager);
          const current = quoted.every((q) =>
            lines.some((l) => l.offerId === q.quote.offerId && l.offerRevision === q.quote.offerRevision),
          );
          if (current) return open;
        }
        // A stale open checkout (expired, or for terms that changed) is closed before a new one opens. If its session is
        // paid anyway, fulfilment still honours (or refunds) it.
        if (open) await this.orders.update(open.id, { status: 'CANCELLED', updatedAt: now }, manager);
        const created = this.newOrder(buyerId, key, quoted, now);
        await this.orders.insertWithLines(manager, created.order, created.lines, created.splits);
        return created.order;
      })
      .catch(async (error: unknown) => {
        // Two clicks at once: the second insert meets the first's open order.
        if (!(error instanceof OpenOrderExists)) throw error;
        return (await this.orders.openOf(buyerId, key))!;
      });
    return order.checkoutUrl ? order : this.openSession(order);
  }

  private async quoteOne(offerId: string, buyerId: string): Promise<Quoted> {
    const quote = await this.licensing.quote(offerId, buyerId);
    if (quote.tier === 'FREE') throw CommerceErrors.freeOffer();
    if (!Number.isSafeInteger(quote.price.amount) || quote.price.amount <= 0) throw CommerceErrors.invalidPrice();
    // Who is paid: the platform fee, then the royalty cascade over the sold subject's lineage (templates computes it).
    const fee = this.config.payments.platformFeeBps;
    return { quote, plan: await this.templates.splitPlan(quote.subjectId, quote.sellerId, quote.price, fee) };
  }

  private newOrder(
    buyerId: string,
    offerIds: string[],
    quoted: Quoted[],
    now: Date,
  ): { order: OrderEntity; lines: OrderLineEntity[]; splits: OrderSplitEntity[] } {
    const id = newId();
    const lines = quoted.map(({ quote, plan }, i): OrderLineEntity => ({
      id: newId(),
      orderId: id,
      position: i + 1,
      offerId: quote.offerId,
      offerRevision: quote.offerRevision,
      subjectKind: quote.subjectKind,
      versionId: quote.versionId,
      subjectId: quote.subjectId,
      sellerId: quote.sellerId,
      tier: quote.tier,
      itemName: quote.itemName,
      amount: plan.price.amount,
      platformFee: plan.platformFee.amount,
      platformFeeBps: this.config.payments.platformFeeBps,
      platformFeeClawedBack: 0,
      processorFee: null,
      grantId: null,
      failureReason: null,
      refundedAmount: 0,
      paidAt: null,
    }));
    const splits = quoted.flatMap(({ plan }, i) =>
      plan.parts.map((part): OrderSplitEntity => ({
        orderId: id,
        line: i + 1,
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
    const order: OrderEntity = {
      id,
      buyerId,
      offerIds,
      itemName: lines.length === 1 ? lines[0]!.itemName : `${lines[0]!.itemName} + ${lines.length - 1} more`,
      amount: lines.reduce((sum, l) => sum + l.amount, 0),
      currency: quoted[0]!.plan.price.currency,
      platformFee: lines.reduce((sum, l) => sum + l.platformFee, 0),
      status: 'PENDING',
      checkoutSessionId: null,
      checkoutUrl: null,
      checkoutExpiresAt: new Date(now.getTime() + this.config.payments.checkoutTtlMinutes * 60_000),
      paymentIntentId: null,
      chargeId: null,
      processorFee: null,
      lastPaymentError: null,
      failureReason: null,
      refundedAmount: 0,
      createdAt: now,
      paidAt: null,
      updatedAt: now,
    };
    return { order, lines, splits };
  }

  /** Creates (or, with the same key, finds again) the provider's checkout session for an order. */
  private async openSession(order: OrderEntity): Promise<OrderEntity> {
    const base = publicBaseUrl(this.config);
    const lines = await this.orders.linesOf(order.id);
    let session;
    try {
      session = await this.provider.createCheckoutSession(
        {
          orderId: order.id,
          amount: order.amount,
          currency: order.currency,
          lines: lines.map((l) => ({ name: l.itemName, amount: l.amount })),
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
