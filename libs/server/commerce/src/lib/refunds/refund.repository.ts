import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import { insertIfAbsent } from '@lookbook/core';
import { RefundLineEntity } from './refund-line.entity';
import type { RefundEntity } from './refund.entity';
import { RefundEntity as Refund } from './refund.entity';
import type { ReversalEntity } from './reversal.entity';
import { ReversalEntity as Reversal } from './reversal.entity';

/** Refunds of orders (and the lines each is for), and the transfer reversals that take recipients' parts back. */
@Injectable()
export class RefundRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private refunds(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(Refund);
  }
  private lines(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(RefundLineEntity);
  }
  private reversals(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(Reversal);
  }

  /** A refund and the lines it is for. */
  async insert(manager: EntityManager, refund: RefundEntity, lines: RefundLineEntity[]): Promise<void> {
    await this.refunds(manager).insert(refund);
    await this.lines(manager).insert(lines);
  }

  linesOf(manager: EntityManager, refundId: string): Promise<RefundLineEntity[]> {
    return this.lines(manager).find({ where: { refundId }, order: { line: 'ASC' } });
  }

  /** The refund lines of several orders (receipts). */
  linesOfOrders(orderIds: readonly string[]): Promise<RefundLineEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.lines().find({ where: { orderId: In([...orderIds]) }, order: { line: 'ASC' } });
  }

  /** What the provider has actually refunded of each line of these orders (pending refunds excluded). */
  async succeededByLine(
    orderIds: readonly string[],
    manager?: EntityManager,
  ): Promise<{ orderId: string; line: number; refunded: number }[]> {
    if (!orderIds.length) return [];
    const rows = await (manager ?? this.dataSource).query<{ order_id: string; line: number; refunded: string }[]>(
      `SELECT l.order_id, l.line, sum(l.amount) AS refunded FROM commerce.refund_line l
         JOIN commerce.refund r ON r.id = l.refund_id
        WHERE l.order_id = ANY($1::uuid[]) AND r.status = 'SUCCEEDED' GROUP BY l.order_id, l.line`,
      [[...orderIds]],
    );
    return rows.map((r) => ({ orderId: r.order_id, line: Number(r.line), refunded: Number(r.refunded) }));
  }

  byId(id: string): Promise<RefundEntity | null> {
    return this.refunds().findOneBy({ id });
  }

  lock(manager: EntityManager, id: string): Promise<RefundEntity | null> {
    return this.refunds(manager)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  async update(manager: EntityManager, id: string, changes: Partial<RefundEntity>): Promise<void> {
    await this.refunds(manager).update({ id }, changes);
  }

  /** Refunds of several orders, oldest first (receipts). */
  ofOrders(orderIds: readonly string[]): Promise<RefundEntity[]> {
    if (!orderIds.length) return Promise.resolve([]);
    return this.refunds().find({ where: { orderId: In([...orderIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What the provider has actually refunded of an order (pending refunds excluded). */
  async succeededTotal(manager: EntityManager, orderId: string): Promise<number> {
    const [row] = await manager.query<{ refunded: string }[]>(
      `SELECT coalesce(sum(amount), 0) AS refunded FROM commerce.refund WHERE order_id = $1 AND status = 'SUCCEEDED'`,
      [orderId],
    );
    return Number(row!.refunded);
  }

  async stalledIds(before: Date): Promise<string[]> {
    return (
      await this.refunds().find({ where: { status: 'PENDING', updatedAt: LessThan(before) }, select: { id: true } })
    ).map((r) => r.id);
  }

  // ---- reversals -------------------------------------------------------------------------------------------------

  /** Records a reversal once per cause, line and recipient; false when it was already recorded. */
  async insertReversal(manager: EntityManager, reversal: ReversalEntity): Promise<boolean> {
    return insertIfAbsent(this.reversals(manager), reversal);
  }

  reversalById(id: string): Promise<ReversalEntity | null> {
    return this.reversals().findOneBy({ id });
  }

  lockReversal(manager: EntityManager, id: string): Promise<ReversalEntity | null> {
    return this.reversals(manager)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  /** Updates a reversal while it is still PENDING. */
  async settleReversal(id: string, changes: Partial<ReversalEntity>, manager?: EntityManager): Promise<void> {
    await this.reversals(manager).update({ id, status: 'PENDING' }, changes);
  }

  async stalledReversalIds(before: Date): Promise<string[]> {
    return (
      await this.reversals().find({ where: { status: 'PENDING', updatedAt: LessThan(before) }, select: { id: true } })
    ).map((r) => r.id);
  }
}
