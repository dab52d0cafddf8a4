import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, mapPage, UUIDScalar } from '@lookbook/core';
import { toOrder } from '../graphql/commerce.mapper';
import { Checkout, Order, OrderConnection } from '../graphql/commerce.objects';
import { CheckoutService, MAX_ORDER_LINES } from './checkout.service';
import { OrderService } from './order.service';

/** Buying: opening a checkout, and the buyer's (or a recipient's, or support's) view of orders. */
@Resolver(() => Order)
export class OrderResolver {
  constructor(
    private readonly checkouts: CheckoutService,
    private readonly orders: OrderService,
  ) {}

  @Mutation(() => Checkout, {
    description:
      'Start buying a licence offer: returns the order and where to pay. Clicking twice returns the same open order.',
  })
  async checkout(
    @CurrentActor() actor: Actor,
    @Args('offerId', { type: () => UUIDScalar }) offerId: string,
  ): Promise<Checkout> {
    const order = await this.checkouts.checkout(actor.userId, offerId);
    const [record] = await this.orders.records([order]);
    return { order: toOrder(record!, actor.userId), checkoutUrl: order.checkoutUrl! };
  }

  @Mutation(() => Checkout, {
    description:
      `Start buying several licence offers at once (up to ${MAX_ORDER_LINES}, one currency): one order with a line per ` +
      'offer, one payment, one receipt. Nothing is recorded unless every offer can be bought; a refusal names the ' +
      'offer (`extensions.details.offerId`). Clicking twice returns the same open order.',
  })
  async checkoutOffers(
    @CurrentActor() actor: Actor,
    @Args('offerIds', { type: () => [UUIDScalar] }) offerIds: string[],
  ): Promise<Checkout> {
    const order = await this.checkouts.checkoutOffers(actor.userId, offerIds);
    const [record] = await this.orders.records([order]);
    return { order: toOrder(record!, actor.userId), checkoutUrl: order.checkoutUrl! };
  }

  @Query(() => OrderConnection, { description: 'Your purchases, newest first, with receipts.' })
  async myOrders(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Order>> {
    return mapPage(await this.orders.ordersOf(actor.userId, args), (record) => toOrder(record, actor.userId));
  }

  @Query(() => Order, { description: 'One of your orders (buyer), or one that pays you (creator), or any (support).' })
  async order(@CurrentActor() actor: Actor, @Args('id', { type: () => UUIDScalar }) id: string): Promise<Order> {
    return toOrder(await this.orders.visibleOrder(actor, id), actor.userId);
  }
}
