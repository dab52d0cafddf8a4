import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { Clock, isStaff, mapPage } from '@lookbook/core';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { CommerceErrors } from '../commerce.errors';
import type { RefundLineEntity } from '../refunds/refund-line.entity';
import type { RefundEntity } from '../refunds/refund.entity';
import { RefundRepository } from '../refunds/refund.repository';
import type { OrderLineEntity } from './order-line.entity';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

/** What `FulfilmentService` and the event processor report for each event they handled. */
export type Outcome = string;

/** An order with what its receipt shows: its lines, its refunds (with the lines each is for) and the sellers. */
export interface OrderRecord {
  order: OrderEntity;
  lines: OrderLineEntity[];
  refunds: RefundEntity[];
  refundLines: RefundLineEntity[];
  sellers: Map<string, UserSummary>;
  /** The lines the viewer may see: every line for the buyer and support, the lines that pay a creator for them. */
  visibleLines: 'all' | number[];
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

  /**
   * The buyer's order, or any (support): every line. A creator paid by some of its lines sees those lines only. Anyone
   * else gets ORDER_NOT_FOUND.
   */
  async visibleOrder(actor: Actor, id: string): Promise<OrderRecord> {
    const order = await this.orders.byId(id);
    if (!order) throw CommerceErrors.orderNotFound();
    if (order.buyerId === actor.userId || isStaff(actor)) return (await this.records([order]))[0]!;
    const paying = await this.orders.linesPaying(order.id, actor.userId);
    if (!paying.length) throw CommerceErrors.orderNotFound();
    return { ...(await this.records([order]))[0]!, visibleLines: paying };
  }

  /** A buyer's purchases, newest first, with lines, refunds and sellers in a fixed number of queries. */
  async ordersOf(buyerId: string, args: ConnectionArgs): Promise<Page<OrderRecord>> {
    const page = await this.orders.pageForBuyer(buyerId, args, (o) => o);
    const records = await this.records(page.nodes);
    return mapPage(page, (_, i) => records[i]!);
  }

  /** Orders with everything their receipts show: four queries whatever their number. */
  async records(orders: OrderEntity[]): Promise<OrderRecord[]> {
    const ids = orders.map((o) => o.id);
    const [lines, refunds, refundLines] = await Promise.all([
      this.orders.linesOfOrders(ids),
      this.refunds.ofOrders(ids),
      this.refunds.linesOfOrders(ids),
    ]);
    const users = await this.identity.usersByIds([...new Set(lines.map((l) => l.sellerId))]);
    const sellers = new Map(users.map((u) => [u.id, u]));
    return orders.map((order) => {
      const own = refunds.filter((r) => r.orderId === order.id);
      return {
        order,
        lines: lines.filter((l) => l.orderId === order.id),
        refunds: own,
        refundLines: refundLines.filter((rl) => rl.orderId === order.id),
        sellers,
        visibleLines: 'all' as const,
      };
    });
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
