import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import { allocate, newId } from '@lookbook/kernel';
import type { AccountRef } from '@lookbook/ledger';
import { LedgerService } from '@lookbook/ledger';
import { Books, nonZero } from '../money/books';
import type { OrderEntity } from '../orders/order.entities';
import { OrderEntity as Order, OrderSplitEntity } from '../orders/order.entities';

export const REVERSE_TRANSFER_TASK = 'commerce.reverse-transfer';

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
    const splits = await manager
      .getRepository(OrderSplitEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId', { orderId: order.id })
      .orderBy('s.recipientId')
      .getMany();
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
    await manager
      .getRepository(Order)
      .update({ id: order.id }, { platformFeeClawedBack: order.platformFeeClawedBack + taken.platformPart });
    for (const [i, split] of splits.entries()) {
      const part = parts[i]!;
      if (part === 0) continue;
      const clawedBack = split.clawedBack + part;
      const untransferred = split.transferStatus === 'SCHEDULED' || split.transferStatus === 'WAITING_FOR_ACCOUNT';
      await manager.getRepository(OrderSplitEntity).update(
        { orderId: split.orderId, recipientId: split.recipientId },
        {
          clawedBack,
          updatedAt: now,
          ...(untransferred && clawedBack === split.amount ? { transferStatus: 'CANCELLED' as const } : {}),
        },
      );
      if (untransferred || split.transferStatus === 'NETTED' || split.transferStatus === 'CANCELLED') continue;
      // SENDING or SENT: the money went (or is going) out; ask for it back.
      const id = newId();
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO commerce.reversal (id, order_id, recipient_id, cause, amount, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $6) ON CONFLICT (cause, recipient_id) DO NOTHING RETURNING id`,
        [id, order.id, split.recipientId, cause, part, now],
      );
      if (inserted.length)
        await this.queue.enqueue(manager, REVERSE_TRANSFER_TASK, { reversalId: id }, { jobKey: `reversal:${id}` });
    }
    return taken;
  }
}
