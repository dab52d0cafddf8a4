import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { paginateNewestFirst, violatedConstraint } from '@lookbook/core';
import { OrderSplitEntity } from './order-split.entity';
import type { TransferStatus } from './order-split.entity';
import { OrderEntity } from './order.entity';
import { PAID_STATUSES } from './order-status';

/** Thrown when a second open order for the same buyer and offer is inserted (two clicks at once). */
export class OpenOrderExists extends Error {}

/** Orders and their splits (who gets what of a sale, and the transfer that pays it). */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private orders(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OrderEntity);
  }
  private splits(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OrderSplitEntity);
  }

  byId(id: string, manager?: EntityManager): Promise<OrderEntity | null> {
    return this.orders(manager).findOneBy({ id });
  }

  byChargeId(chargeId: string): Promise<OrderEntity | null> {
    return this.orders().findOneBy({ chargeId });
  }

  /** The buyer's open (PENDING) order for an offer, if any. */
  openOf(buyerId: string, offerId: string, manager?: EntityManager): Promise<OrderEntity | null> {
    return this.orders(manager).findOneBy({ buyerId, offerId, status: 'PENDING' });
  }

  /** Locks the order row: fulfilment, refunds and disputes of one order serialise on it. */
  lock(manager: EntityManager, id: string): Promise<OrderEntity | null> {
    return this.orders(manager)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  /** The order and its splits together; a concurrent open order for the same offer is `OpenOrderExists`. */
  async insertWithSplits(manager: EntityManager, order: OrderEntity, splits: OrderSplitEntity[]): Promise<void> {
    try {
      await this.orders(manager).insert(order);
      await this.splits(manager).insert(splits);
    } catch (error) {
      if (violatedConstraint(error) === 'order_open_key') throw new OpenOrderExists();
      throw error;
    }
  }

  async update(id: string, changes: Partial<OrderEntity>, manager?: EntityManager): Promise<void> {
    await this.orders(manager).update({ id }, changes);
  }

  /** Updates only while the order still has `status`; says whether it did. */
  async updateIf(
    id: string,
    status: OrderEntity['status'],
    changes: Partial<OrderEntity>,
    manager?: EntityManager,
  ): Promise<boolean> {
    return ((await this.orders(manager).update({ id, status }, changes)).affected ?? 0) > 0;
  }

  /** Moves the refund reservation (positive: reserve, negative: release). */
  async addRefunded(manager: EntityManager, id: string, delta: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE commerce."order" SET refunded_amount = refunded_amount + $2, updated_at = $3 WHERE id = $1`,
      [id, delta, at],
    );
  }

  pageForBuyer<T>(buyerId: string, args: ConnectionArgs, map: (o: OrderEntity) => T): Promise<Page<T>> {
    return paginateNewestFirst(
      this.orders().createQueryBuilder('o').where('o.buyerId = :buyerId', { buyerId }),
      args,
      'createdAt',
      map,
    );
  }

  /** Paid orders that pay this recipient (as seller or upstream), newest paid first. */
  pagePaidForRecipient<T>(recipientId: string, args: ConnectionArgs, map: (o: OrderEntity) => T): Promise<Page<T>> {
    const qb = this.orders()
      .createQueryBuilder('o')
      .innerJoin(OrderSplitEntity, 'mine', 'mine.orderId = o.id AND mine.recipientId = :recipientId', { recipientId })
      .where('o.status IN (:...paid)', { paid: PAID_STATUSES });
    return paginateNewestFirst(qb, args, 'paidAt', map);
  }

  // ---- splits ----------------------------------------------------------------------------------------------------

  splitsOf(orderId: string, manager?: EntityManager): Promise<OrderSplitEntity[]> {
    return this.splits(manager).findBy({ orderId });
  }

  /** Splits of several orders, largest first (one query for a page of sales). */
  splitsOfOrders(orderIds: readonly string[]): Promise<OrderSplitEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.splits().find({ where: { orderId: In([...orderIds]) }, order: { amount: 'DESC', recipientId: 'ASC' } });
  }

  /** Locks every split of an order, in recipient order (so concurrent clawbacks cannot deadlock). */
  lockSplitsOf(manager: EntityManager, orderId: string): Promise<OrderSplitEntity[]> {
    return this.splits(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId', { orderId })
      .orderBy('s.recipientId')
      .getMany();
  }

  split(orderId: string, recipientId: string): Promise<OrderSplitEntity | null> {
    return this.splits().findOneBy({ orderId, recipientId });
  }

  lockSplit(manager: EntityManager, orderId: string, recipientId: string): Promise<OrderSplitEntity | null> {
    return this.splits(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId AND s.recipientId = :recipientId', { orderId, recipientId })
      .getOne();
  }

  /** Updates one split (only while it has `onlyIf`, when given). */
  async updateSplit(
    orderId: string,
    recipientId: string,
    changes: Partial<OrderSplitEntity>,
    options: { manager?: EntityManager; onlyIf?: TransferStatus } = {},
  ): Promise<void> {
    const where: FindOptionsWhere<OrderSplitEntity> = { orderId, recipientId };
    if (options.onlyIf) where.transferStatus = options.onlyIf;
    await this.splits(options.manager).update(where, changes);
  }

  async updateSplitsOf(manager: EntityManager, orderId: string, changes: Partial<OrderSplitEntity>): Promise<void> {
    await this.splits(manager).update({ orderId }, changes);
  }

  async addReversed(manager: EntityManager, orderId: string, recipientId: string, amount: number, at: Date) {
    await manager.query(
      `UPDATE commerce.order_split SET reversed_amount = reversed_amount + $3, updated_at = $4
        WHERE order_id = $1 AND recipient_id = $2`,
      [orderId, recipientId, amount, at],
    );
  }

  waitingSplitsOf(manager: EntityManager, recipientId: string): Promise<OrderSplitEntity[]> {
    return this.splits(manager).findBy({ recipientId, transferStatus: 'WAITING_FOR_ACCOUNT' });
  }

  isRecipient(orderId: string, userId: string): Promise<boolean> {
    return this.splits().existsBy({ orderId, recipientId: userId });
  }

  /** Splits that should have moved and did not: due or in flight, or waiting for an account that can now receive. */
  stalledSplits(now: Date, before: Date): Promise<{ orderId: string; recipientId: string }[]> {
    return this.dataSource.query(
      `SELECT s.order_id AS "orderId", s.recipient_id AS "recipientId" FROM commerce.order_split s
         JOIN commerce."order" o ON o.id = s.order_id
         LEFT JOIN commerce.connected_account a ON a.creator_id = s.recipient_id
        WHERE o.paid_at IS NOT NULL AND s.updated_at < $2 AND (
              (s.transfer_status = 'SCHEDULED' AND s.transferable_at <= $1)
           OR  s.transfer_status = 'SENDING'
           OR (s.transfer_status = 'WAITING_FOR_ACCOUNT' AND a.payouts_enabled))`,
      [now, before],
    );
  }
}
