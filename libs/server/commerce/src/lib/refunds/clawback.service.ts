import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import { allocate, newId } from '@lookbook/kernel';
import type { AccountRef } from '@lookbook/ledger';
import { LedgerService } from '@lookbook/ledger';
import { Books, nonZero } from '../money/books';
import { CommerceTasks } from '../commerce.tasks';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { RefundRepository } from './refund.repository';

/** The money a clawback takes back, and who gives it: the platform's fee part, and each recipient's part. */
export interface Clawback {
  platformPart: number;
  parts: { recipientId: string; amount: number }[];
}

/**
 * Takes money back from a sale's parties pro rata to what each still holds of it (refunds, lost disputes). Each
 * party's part is allocated by largest remainder over what it has left, so repeated partial clawbacks never take a
 * party below zero and a full one takes exactly everything that is left. Parts not yet transferred are simply not
 * transferred; transferred parts get a transfer reversal (queued); what cannot be reversed any more (the creator was
 * paid out) stays on the creator's payable account as a debt that later earnings net against.
 */
@Injectable()
export class ClawbackService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRepository,
    private readonly ledger: LedgerService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async clawBack(
    manager: EntityManager,
    order: OrderEntity,
    amount: number,
    cause: string,
    counter: (taken: Clawback) => { account: AccountRef; amount: number }[],
  ): Promise<Clawback> {
    const splits = await this.orders.lockSplitsOf(manager, order.id);
    const platformLeft = order.platformFee - order.platformFeeClawedBack;
    const left = splits.map((s) => s.amount - s.clawedBack);
    // Nobody gives back more than they still hold of this sale (a dispute over money already refunded is the
    // platform's loss, which the caller's counter entries carry).
    const takeable = Math.min(amount, platformLeft + left.reduce((sum, l) => sum + l, 0));
    const weights = takeable > 0 ? [platformLeft, ...left] : [1, ...left.map(() => 0)];
    const [platformPart, ...parts] = allocate({ amount: takeable, currency: order.currency }, weights).map(
      (m) => m.amount,
    );
    const taken: Clawback = {
      platformPart: platformPart!,
      parts: splits.map((s, i) => ({ recipientId: s.recipientId, amount: parts[i]! })),
    };
    const entries = nonZero([
      ...counter(taken),
      ...taken.parts.map((p) => ({ account: Books.payable(p.recipientId, order.currency), amount: p.amount })),
    ]);
    if (entries.length) {
      await this.ledger.post(manager, {
        externalRef: cause,
        kind: 'CLAWBACK',
        description: `${cause} of ${order.itemName}`,
        entries,
      });
    }
    const now = this.clock.now();
    await this.orders.update(
      order.id,
      { platformFeeClawedBack: order.platformFeeClawedBack + taken.platformPart },
      manager,
    );
    for (const [i, split] of splits.entries()) {
      const part = parts[i]!;
      if (part === 0) continue;
      const clawedBack = split.clawedBack + part;
      const untransferred = split.transferStatus === 'SCHEDULED' || split.transferStatus === 'WAITING_FOR_ACCOUNT';
      await this.orders.updateSplit(
        split.orderId,
        split.recipientId,
        {
          clawedBack,
          updatedAt: now,
          ...(untransferred && clawedBack === split.amount ? { transferStatus: 'CANCELLED' as const } : {}),
        },
        { manager },
      );
      if (untransferred || split.transferStatus === 'NETTED' || split.transferStatus === 'CANCELLED') continue;
      // SENDING or SENT: the money went (or is going) out; ask for it back.
      const id = newId();
      const recorded = await this.refunds.insertReversal(manager, {
        id,
        orderId: order.id,
        recipientId: split.recipientId,
        cause,
        amount: part,
        recovered: 0,
        status: 'PENDING',
        providerReversalId: null,
        createdAt: now,
        updatedAt: now,
      });
      if (recorded) await this.queue.enqueue(manager, CommerceTasks.reverseTransfer, { reversalId: id });
    }
    return taken;
  }
}
