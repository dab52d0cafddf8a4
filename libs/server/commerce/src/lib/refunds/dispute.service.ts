import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { Books } from '../money/books';
import type { OrderStatus } from '../orders/order.entities';
import { OrderEntity } from '../orders/order.entities';
import { ClawbackService } from './clawback';
import { RefundService } from './refund.service';

export interface DisputeFacts {
  id: string;
  orderId: string;
  amount: number;
  reason: string;
}

/**
 * Chargebacks. When a dispute opens the provider takes the money from the platform's balance (posted as a dispute
 * loss until decided). Won: the money comes back. Lost: the licence ends and the recipients bear their parts like a
 * refund — reversed from their accounts where possible, a debt on their payable balance where they were paid out.
 */
@Injectable()
export class DisputeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refunds: RefundService,
    private readonly clawbacks: ClawbackService,
    private readonly ledger: LedgerService,
    private readonly licensing: LicensingFacade,
    private readonly clock: Clock,
  ) {}

  async opened(dispute: DisputeFacts): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.refunds.lockOrder(manager, dispute.orderId);
      if (!order) return 'unknown order';
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO commerce.dispute (id, order_id, amount, reason, status, opened_at) VALUES ($1, $2, $3, $4, 'OPEN', $5)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [dispute.id, order.id, dispute.amount, dispute.reason.slice(0, 100), this.clock.now()],
      );
      if (!inserted.length) return 'already recorded';
      await this.ledger.post(manager, {
        externalRef: `dispute:${dispute.id}:opened`,
        kind: 'DISPUTE_OPENED',
        description: `Dispute opened on ${order.itemName}`,
        entries: [
          { account: Books.disputeLosses(order.currency), amount: dispute.amount },
          { account: Books.clearing(order.currency), amount: -dispute.amount },
        ],
      });
      if (order.status !== 'REFUNDED') {
        await manager
          .getRepository(OrderEntity)
          .update({ id: order.id }, { status: 'DISPUTED', updatedAt: this.clock.now() });
      }
      return 'dispute opened';
    });
  }

  async closed(disputeId: string, won: boolean): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const [dispute] = await manager.query<{ order_id: string; amount: string; status: string }[]>(
        `SELECT order_id, amount, status FROM commerce.dispute WHERE id = $1 FOR UPDATE`,
        [disputeId],
      );
      if (!dispute) throw new Error(`dispute ${disputeId} closed before we saw it open: retry`);
      if (dispute.status !== 'OPEN') return 'already closed';
      const amount = Number(dispute.amount);
      const order = (await this.refunds.lockOrder(manager, dispute.order_id))!;
      const now = this.clock.now();
      await manager.query(`UPDATE commerce.dispute SET status = $2, closed_at = $3 WHERE id = $1`, [
        disputeId,
        won ? 'WON' : 'LOST',
        now,
      ]);
      if (won) {
        await this.ledger.post(manager, {
          externalRef: `dispute:${disputeId}:won`,
          kind: 'DISPUTE_WON',
          description: `Dispute won on ${order.itemName}`,
          entries: [
            { account: Books.clearing(order.currency), amount },
            { account: Books.disputeLosses(order.currency), amount: -amount },
          ],
        });
        const refunded = await this.refunds.refundedSoFar(manager, order.id);
        const status: OrderStatus =
          refunded === order.amount ? 'REFUNDED' : refunded > 0 ? 'PARTIALLY_REFUNDED' : 'PAID';
        await manager.getRepository(OrderEntity).update({ id: order.id }, { status, updatedAt: now });
        return 'dispute won';
      }
      await this.clawbacks.clawBack(manager, order, amount, `dispute:${disputeId}:lost`, (taken) => [
        { account: Books.disputeLosses(order.currency), amount: -taken.parts.reduce((sum, p) => sum + p.amount, 0) },
      ]);
      if (order.status !== 'REFUNDED') {
        await manager.getRepository(OrderEntity).update({ id: order.id }, { status: 'DISPUTE_LOST', updatedAt: now });
      }
      if (order.grantId) await this.licensing.revoke(manager, order.grantId, 'DISPUTE_LOST');
      return 'dispute lost';
    });
  }
}
