import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { paginateNewestFirst, violatedConstraint } from '@lookbook/core';
import { OrderLineEntity } from './order-line.entity';
import { OrderSplitEntity } from './order-split.entity';
import type { TransferStatus } from './order-split.entity';
import { OrderEntity } from './order.entity';
import { PAID_STATUSES } from './order-status';

/** Thrown when a second open order for the same buyer and set of offers is inserted (two clicks at once). */
export class OpenOrderExists extends Error {}

/** A split is one recipient's part of one line of an order. */
export interface SplitKey {
  orderId: string;
  line: number;
  recipientId: string;
}

/** Orders, their lines, and their splits (who gets what of each line, and the transfer that pays it). */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private orders(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OrderEntity);
  }
  private lines(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OrderLineEntity);
  }
  private splits(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OrderSplitEntity);
  }

  byId(id: string, manager?: EntityManager): Promise<OrderEntity | null> {
    return this.orders(manager).findOneBy({ id });
  }

  byIds(ids: readonly string[]): Promise<OrderEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.orders().findBy({ id: In([...ids]) });
  }

  byChargeId(chargeId: string): Promise<OrderEntity | null> {
    return this.orders().findOneBy({ chargeId });
  }

  /** The buyer's open (PENDING) order for exactly this set of offers (sorted), if any. */
  openOf(buyerId: string, offerIds: readonly string[], manager?: EntityManager): Promise<OrderEntity | null> {
    return this.orders(manager)
      .createQueryBuilder('o')
      .where(`o.buyerId = :buyerId AND o.offerIds = CAST(:offerIds AS uuid[]) AND o.status = 'PENDING'`, {
        buyerId,
        offerIds: [...offerIds],
      })
      .getOne();
  }

  /** Locks the order row: fulfilment, refunds and disputes of one order (and all its lines) serialise on it. */
  lock(manager: EntityManager, id: string): Promise<OrderEntity | null> {
    return this.orders(manager)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :id', { id })
      .getOne();
  }

  /** The order, its lines and their splits together; a concurrent open order for the same offers is `OpenOrderExists`. */
  async insertWithLines(
    manager: EntityManager,
    order: OrderEntity,
    lines: OrderLineEntity[],
    splits: OrderSplitEntity[],
  ): Promise<void> {
    try {
      await this.orders(manager).insert(order);
      await this.lines(manager).insert(lines);
      if (splits.length) await this.splits(manager).insert(splits);
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

  /** Moves the refund reservation on the order and on one of its lines (positive: reserve, negative: release). */
  async addRefunded(manager: EntityManager, id: string, line: number, delta: number, at: Date): Promise<void> {
    await manager.query(
      `WITH line AS (
         UPDATE commerce.order_line SET refunded_amount = refunded_amount + $3 WHERE order_id = $1 AND position = $2)
       UPDATE commerce."order" SET refunded_amount = refunded_amount + $3, updated_at = $4 WHERE id = $1`,
      [id, line, delta, at],
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

  // ---- lines -----------------------------------------------------------------------------------------------------

  /** An order's lines, in position order. */
  linesOf(orderId: string, manager?: EntityManager): Promise<OrderLineEntity[]> {
    return this.lines(manager).find({ where: { orderId }, order: { position: 'ASC' } });
  }

  /** The lines of several orders, in order and position order (one query for a page of orders). */
  linesOfOrders(orderIds: readonly string[]): Promise<OrderLineEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.lines().find({ where: { orderId: In([...orderIds]) }, order: { orderId: 'ASC', position: 'ASC' } });
  }

  line(orderId: string, position: number, manager?: EntityManager): Promise<OrderLineEntity | null> {
    return this.lines(manager).findOneBy({ orderId, position });
  }

  async updateLine(id: string, changes: Partial<OrderLineEntity>, manager?: EntityManager): Promise<void> {
    await this.lines(manager).update({ id }, changes);
  }

  /** Paid lines that pay this recipient (as seller or upstream), newest paid first: a creator's sales. */
  pagePaidLinesForRecipient<T>(
    recipientId: string,
    args: ConnectionArgs,
    map: (l: OrderLineEntity) => T,
  ): Promise<Page<T>> {
    const qb = this.lines()
      .createQueryBuilder('l')
      .innerJoin(
        OrderSplitEntity,
        'mine',
        'mine.orderId = l.orderId AND mine.line = l.position AND mine.recipientId = :recipientId',
        { recipientId },
      )
      .innerJoin(OrderEntity, 'o', 'o.id = l.orderId AND o.status IN (:...paid)', { paid: PAID_STATUSES })
      .where('l.paidAt IS NOT NULL');
    return paginateNewestFirst(qb, args, 'paidAt', map);
  }

  // ---- splits ----------------------------------------------------------------------------------------------------

  splitsOf(orderId: string, manager?: EntityManager): Promise<OrderSplitEntity[]> {
    return this.splits(manager).find({ where: { orderId }, order: { line: 'ASC', recipientId: 'ASC' } });
  }

  /** Splits of several orders, largest first (one query for a page of sales). */
  splitsOfOrders(orderIds: readonly string[]): Promise<OrderSplitEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.splits().find({ where: { orderId: In([...orderIds]) }, order: { amount: 'DESC', recipientId: 'ASC' } });
  }

  /** Locks every split of an order, in (line, recipient) order (so concurrent clawbacks cannot deadlock). */
  lockSplitsOf(manager: EntityManager, orderId: string): Promise<OrderSplitEntity[]> {
    return this.splits(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId', { orderId })
      .orderBy('s.line')
      .addOrderBy('s.recipientId')
      .getMany();
  }

  split(key: SplitKey): Promise<OrderSplitEntity | null> {
    return this.splits().findOneBy({ orderId: key.orderId, line: key.line, recipientId: key.recipientId });
  }

  lockSplit(manager: EntityManager, key: SplitKey): Promise<OrderSplitEntity | null> {
    return this.splits(manager)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId AND s.line = :line AND s.recipientId = :recipientId', { ...key })
      .getOne();
  }

  /** Updates one split (only while it has `onlyIf`, when given). */
  async updateSplit(
    key: SplitKey,
    changes: Partial<OrderSplitEntity>,
    options: { manager?: EntityManager; onlyIf?: TransferStatus } = {},
  ): Promise<void> {
    const where: FindOptionsWhere<OrderSplitEntity> = {
      orderId: key.orderId,
      line: key.line,
      recipientId: key.recipientId,
    };
    if (options.onlyIf) where.transferStatus = options.onlyIf;
    await this.splits(options.manager).update(where, changes);
  }

  async updateSplitsOf(manager: EntityManager, orderId: string, changes: Partial<OrderSplitEntity>): Promise<void> {
    await this.splits(manager).update({ orderId }, changes);
  }

  async addReversed(manager: EntityManager, key: SplitKey, amount: number, at: Date) {
    await manager.query(
      `UPDATE commerce.order_split SET reversed_amount = reversed_amount + $4, updated_at = $5
        WHERE order_id = $1 AND line = $2 AND recipient_id = $3`,
      [key.orderId, key.line, key.recipientId, amount, at],
    );
  }

  waitingSplitsOf(manager: EntityManager, recipientId: string): Promise<OrderSplitEntity[]> {
    return this.splits(manager).findBy({ recipientId, transferStatus: 'WAITING_FOR_ACCOUNT' });
  }

  /** The lines of an order (positions) that pay this user. */
  async linesPaying(orderId: string, userId: string): Promise<number[]> {
    const rows = await this.splits().find({ where: { orderId, recipientId: userId }, select: { line: true } });
    return [...new Set(rows.map((r) => r.line))].sort((a, b) => a - b);
  }

  /**
   * Splits that should have moved and did not: due or in flight, or waiting for an account that can now receive. A
   * line paid but not granted (being refunded) is never paid out.
   */
  stalledSplits(now: Date, before: Date): Promise<SplitKey[]> {
    return this.dataSource.query(
      `SELECT s.order_id AS "orderId", s.line, s.recipient_id AS "recipientId" FROM commerce.order_split s
         JOIN commerce."order" o ON o.id = s.order_id
         JOIN commerce.order_line l ON l.order_id = s.order_id AND l.position = s.line
         LEFT JOIN commerce.connected_account a ON a.creator_id = s.recipient_id
        WHERE o.paid_at IS NOT NULL AND l.failure_reason IS NULL AND s.updated_at < $2 AND (
              (s.transfer_status = 'SCHEDULED' AND s.transferable_at <= $1)
           OR  s.transfer_status = 'SENDING'
           OR (s.transfer_status = 'WAITING_FOR_ACCOUNT' AND a.payouts_enabled))`,
      [now, before],
    );
  }
}
