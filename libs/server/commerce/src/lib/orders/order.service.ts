import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { Clock, isStaff, mapPage } from '@lookbook/core';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { CommerceErrors } from '../commerce.errors';
import type { RefundEntity } from '../refunds/refund.entity';
import { RefundRepository } from '../refunds/refund.repository';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

/** What `FulfilmentService` and the event processor report for each event they handled. */
export type Outcome = string;

/** An order with what its receipt shows: its refunds and the seller's public profile. */
export interface OrderRecord {
  order: OrderEntity;
  refunds: RefundEntity[];
  seller: UserSummary | undefined;
}

/**
 * Orders as their buyers, sellers and support see them, and the order changes that need no money to move (an expired
 * checkout, a declined attempt).
 */
@Injectable()
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRepository,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
  ) {}

  /** The buyer's order, one that pays the caller (creators), or any (support); ORDER_NOT_FOUND to anyone else. */
  async visibleOrder(actor: Actor, id: string): Promise<OrderRecord> {
    const order = await this.orders.byId(id);
    const allowed =
      order &&
      (order.buyerId === actor.userId || isStaff(actor) || (await this.orders.isRecipient(order.id, actor.userId)));
    if (!allowed) throw CommerceErrors.orderNotFound();
    return (await this.records([order]))[0]!;
  }

  /** A buyer's purchases, newest first, with refunds and sellers in one query each. */
  async ordersOf(buyerId: string, args: ConnectionArgs): Promise<Page<OrderRecord>> {
    const page = await this.orders.pageForBuyer(buyerId, args, (o) => o);
    const records = await this.records(page.nodes);
    return mapPage(page, (_, i) => records[i]!);
  }

  async records(orders: OrderEntity[]): Promise<OrderRecord[]> {
    const refunds = await this.refunds.ofOrders(orders.map((o) => o.id));
    const sellers = new Map(
      (await this.identity.usersByIds([...new Set(orders.map((o) => o.sellerId))])).map((u) => [u.id, u]),
    );
    return orders.map((order) => ({
      order,
      refunds: refunds.filter((r) => r.orderId === order.id),
      seller: sellers.get(order.sellerId),
    }));
  }

  /** The checkout expired unpaid: the order closes (a paid order is never expired). */
  async expire(orderId: string): Promise<Outcome> {
    const now = this.clock.now();
    const closed = await this.orders.updateIf(orderId, 'PENDING', {
      status: 'EXPIRED',
      checkoutUrl: null,
      updatedAt: now,
    });
    return closed ? 'expired' : 'not pending';
  }

  /** A declined attempt: the session stays open for another try; the order shows why. */
  async paymentFailed(orderId: string, message: string): Promise<Outcome> {
    const recorded = await this.orders.updateIf(orderId, 'PENDING', {
      lastPaymentError: message.slice(0, 300),
      updatedAt: this.clock.now(),
    });
    return recorded ? 'payment failure recorded' : 'not pending';
  }
}
