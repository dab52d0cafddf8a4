import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, isStaff, Roles, SafeIntScalar, SessionOnly, UUIDScalar } from '@lookbook/core';
import { CommerceErrors } from '../commerce.errors';
import { CheckoutService } from '../orders/checkout.service';
import { PayoutAccountService } from '../payouts/payout-account.service';
import { RefundService } from '../refunds/refund.service';
import type { Balance, Payout, Sale } from './commerce.graphql';
import {
  Balance as BalanceType,
  Checkout,
  Order,
  OrderConnection,
  PayoutAccount,
  PayoutConnection,
  PayoutOnboarding,
  Refund,
  RefundReasonValue,
  RefundStatusValue,
  SaleConnection,
} from './commerce.graphql';
import { EarningsService, payoutAccountView } from './earnings.service';
import { MoneyReviewItem, MoneyReviewQueue } from './review-queue';

/** Buying, refunds, and what creators earn. Thin: the services hold the rules. */
@Resolver()
export class CommerceResolver {
  constructor(
    private readonly checkouts: CheckoutService,
    private readonly refunds: RefundService,
    private readonly earnings: EarningsService,
    private readonly accounts: PayoutAccountService,
    private readonly reviewQueue: MoneyReviewQueue,
  ) {}

  @Roles('moderator', 'admin')
  @Query(() => [MoneyReviewItem], {
    description: 'Support: payments, refunds, reversals and events that need a person, newest first.',
  })
  moneyReviewQueue(
    @Args('first', { type: () => Int, nullable: true, description: '1–100 (default 20).' }) first?: number,
  ): Promise<MoneyReviewItem[]> {
    return this.reviewQueue.items(first ?? undefined);
  }

  @Mutation(() => Checkout, {
    description:
      'Start buying a licence offer: returns the order and where to pay. Clicking twice returns the same open order.',
  })
  async checkout(
    @CurrentActor() actor: Actor,
    @Args('offerId', { type: () => UUIDScalar }) offerId: string,
  ): Promise<Checkout> {
    const order = await this.checkouts.checkout(actor.userId, offerId);
    return { order: await this.earnings.orderView(order, actor.userId), checkoutUrl: order.checkoutUrl! };
  }

  @Mutation(() => Refund, {
    description:
      'Refund an order: buyers get a full refund within the refund window; the seller may refund any part at any ' +
      'time; support too. A full refund ends the licence.',
  })
  async refundOrder(
    @CurrentActor() actor: Actor,
    @Args('orderId', { type: () => UUIDScalar }) orderId: string,
    @Args('amount', {
      type: () => SafeIntScalar,
      nullable: true,
      description: 'Minor units; default: all that is left.',
    })
    amount?: number,
  ): Promise<Refund> {
    const refund = await this.refunds.request(actor, orderId, amount ?? undefined);
    return {
      id: refund.id,
      amount: refund.amount,
      reason: refund.reason as RefundReasonValue,
      status: refund.status as RefundStatusValue,
      createdAt: refund.createdAt,
    };
  }

  @Query(() => OrderConnection, { description: 'Your purchases, newest first, with receipts.' })
  myOrders(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Order>> {
    return this.earnings.ordersOf(actor.userId, args);
  }

  @Query(() => Order, { description: 'One of your orders (buyer), or one that pays you (creator), or any (support).' })
  async order(@CurrentActor() actor: Actor, @Args('id', { type: () => UUIDScalar }) id: string): Promise<Order> {
    const order = await this.checkouts.order(id);
    const support = isStaff(actor);
    const allowed =
      order && (order.buyerId === actor.userId || support || (await this.earnings.isRecipient(order.id, actor.userId)));
    if (!allowed) throw CommerceErrors.orderNotFound();
    return this.earnings.orderView(order, actor.userId);
  }

  @Query(() => SaleConnection, { description: 'Sales that paid you, newest first: price → fee → splits → transfers.' })
  mySales(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Sale>> {
    return this.earnings.salesOf(actor.userId, args);
  }

  @Query(() => [BalanceType], { description: 'Your balance per currency: pending, available, paid out.' })
  myEarnings(@CurrentActor() actor: Actor): Promise<Balance[]> {
    return this.earnings.balances(actor.userId);
  }

  @Query(() => PayoutConnection, { description: 'Payouts to your bank, newest first.' })
  myPayouts(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Payout>> {
    return this.earnings.payoutsOf(actor.userId, args);
  }

  @Query(() => PayoutAccount, { description: 'Your payout account and what it still needs.' })
  async myPayoutAccount(@CurrentActor() actor: Actor): Promise<PayoutAccount> {
    return payoutAccountView(await this.accounts.account(actor.userId));
  }

  @SessionOnly()
  @Mutation(() => PayoutOnboarding, {
    description: 'Set up (or finish setting up) your payout account; returns a single-use link to the provider.',
  })
  async startPayoutOnboarding(
    @CurrentActor() actor: Actor,
    @Args('returnPath', { nullable: true, description: 'Where to come back to on this site (default /earnings).' })
    returnPath?: string,
  ): Promise<PayoutOnboarding> {
    const { url, account } = await this.accounts.startOnboarding(actor.userId, returnPath ?? undefined);
    return { url, account: payoutAccountView(account) };
  }
}
