import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@lookbook/core';
import { sanitizeText } from '@lookbook/kernel';
import { LedgerService } from '@lookbook/ledger';
import { LicensingFacade } from '@lookbook/licensing';
import { Books } from '../money/books';
import { OrderRefs } from '../orders/order-refs';
import { canTransition, statusAfterRefunds } from '../orders/order-status';
import { OrderRepository } from '../orders/order.repository';
import type { Outcome } from '../orders/order.service';
import { ClawbackService } from '../refunds/clawback.service';
import { RefundRepository } from '../refunds/refund.repository';
import { DisputeRepository } from './dispute.repository';

/** What the provider tells us about a dispute when it opens. */
export interface DisputeFacts {
  id: string;
  orderId: string;
  amount: number;
  reason: string;
}

/**
 * Chargebacks, on an order's one charge (all its lines). When a dispute opens the provider takes the money from the platform's balance (posted as a dispute
 * loss until decided). Won: the money comes back. Lost: the licence ends and the recipients bear their parts like a
 * refund — reversed from their accounts where possible, a debt on their payable balance where they were paid out.
 */
@Injectable()
export class DisputeService {
  constructor(
    private readonly disputes: DisputeRepository,
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRepository,
    private readonly clawbacks: ClawbackService,
    private readonly ledger: LedgerService,
    private readonly licensing: LicensingFacade,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async opened(facts: DisputeFacts): Promise<Outcome> {
    return this.transactions.run(async (manager) => {
      const order = await this.orders.lock(manager, facts.orderId);
      if (!order) return 'unknown order';
      const now = this.clock.now();
      const fresh = await this.disputes.insertIfNew(manager, {
        id: facts.id,
        orderId: order.id,
        amount: facts.amount,
        reason: sanitizeText(facts.reason).slice(0, 100),
        status: 'OPEN',
        openedAt: now,
        closedAt: null,
      });
      if (!fresh) return 'already recorded';
      await this.ledger.post(manager, {
        externalRef: OrderRefs.disputeOpened(facts.id),
        kind: 'DISPUTE_OPENED',
        description: `Dispute opened on ${order.itemName}`,
        entries: [
          { account: Books.disputeLosses(order.currency), amount: facts.amount },
          { account: Books.clearing(order.currency), amount: -facts.amount },
        ],
      });
      // A fully refunded order stays REFUNDED: the dispute is then about money the buyer already has back.
      if (canTransition(order.status, 'DISPUTED')) {
        await this.orders.update(order.id, { status: 'DISPUTED', updatedAt: now }, manager);
      }
      return 'dispute opened';
    });
  }

  async closed(disputeId: string, won: boolean): Promise<Outcome> {
    return this.transactions.run(async (manager) => {
      const dispute = await this.disputes.lock(manager, disputeId);
      if (!dispute) throw new Error(`dispute ${disputeId} closed before we saw it open: retry`);
      if (dispute.status !== 'OPEN') return 'already closed';
      const order = (await this.orders.lock(manager, dispute.orderId))!;
      const now = this.clock.now();
      await this.disputes.close(manager, disputeId, won ? 'WON' : 'LOST', now);
      if (won) {
        await this.ledger.post(manager, {
          externalRef: OrderRefs.disputeWon(disputeId),
          kind: 'DISPUTE_WON',
          description: `Dispute won on ${order.itemName}`,
          entries: [
            { account: Books.clearing(order.currency), amount: dispute.amount },
            { account: Books.disputeLosses(order.currency), amount: -dispute.amount },
          ],
        });
        if (order.status === 'DISPUTED') {
          const refunded = await this.refunds.succeededTotal(manager, order.id);
          await this.orders.update(
            order.id,
            { status: statusAfterRefunds(order.amount, refunded), updatedAt: now },
            manager,
          );
        }
        return 'dispute won';
      }
      // The dispute is about the one charge: every line's parties bear it, pro rata to what each still holds.
      const lines = await this.orders.linesOf(order.id, manager);
      await this.clawbacks.clawBack(
        manager,
        order,
        [{ lines, amount: dispute.amount }],
        OrderRefs.disputeLost(disputeId),
        (taken) => [
          { account: Books.disputeLosses(order.currency), amount: -taken.parts.reduce((sum, p) => sum + p.amount, 0) },
        ],
      );
      if (canTransition(order.status, 'DISPUTE_LOST')) {
        await this.orders.update(order.id, { status: 'DISPUTE_LOST', updatedAt: now }, manager);
      }
      for (const line of lines) {
        if (line.grantId) await this.licensing.revoke(manager, line.grantId, 'DISPUTE_LOST');
      }
      return 'dispute lost';
    });
  }
}
