import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import type { AccountRef } from '@lookbook/ledger';
import { LedgerService } from '@lookbook/ledger';
import { Books, nonZero } from '../money/books';
import { takeBack } from '../money/shares';
import { CommerceTasks } from '../commerce.tasks';
import type { OrderLineEntity } from '../orders/order-line.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRepository } from '../orders/order.repository';
import { RefundRepository } from './refund.repository';

/** The money a clawback takes back, and who gives it: the platform's fee part, and each recipient's part per line. */
export interface Clawback {
  platformPart: number;
  parts: { line: number; recipientId: string; amount: number }[];
}

/**
 * What to take back: `amount`, from the parties of `lines`, pro rata to what each still holds. A refund takes from one
 * line per portion (the lines it names); a lost dispute takes from every line of the charge at once.
 */
export interface ClawbackPortion {
  lines: OrderLineEntity[];
  amount: number;
}

/**
 * Takes money back from a sale's parties pro rata to what each still holds of it (refunds, lost disputes). Each
 * party's part is allocated by largest remainder over what it has left, so repeated partial clawbacks never take a
 * party below zero and a full one takes exactly everything that is left. A party is the platform (its fee on a line)
 * or a recipient's split of a line. Parts not yet transferred are simply not transferred; transferred parts get a
 * transfer reversal (queued, per line and recipient); what cannot be reversed any more (the creator was paid out)
 * stays on the creator's payable account as a debt that later earnings net against. One ledger posting per cause.
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
    portions: ClawbackPortion[],
    cause: string,
    counter: (taken: Clawback) => { account: AccountRef; amount: number }[],
  ): Promise<Clawback> {
    const splits = await this.orders.lockSplitsOf(manager, order.id);
    // What each party still holds, as it moves while the portions are taken (keys: line, or line:recipient).
    const platformLeft = new Map<number, number>();
    const splitLeft = new Map<string, number>();
    const platformTaken = new Map<number, number>();
    const splitTaken = new Map<string, number>();
    const key = (line: number, recipientId: string) => `${line}:${recipientId}`;
    for (const portion of portions) {
      for (const line of portion.lines) {
        if (!platformLeft.has(line.position))
          platformLeft.set(line.position, line.platformFee - line.platformFeeClawedBack);
      }
    }
    for (const s of splits) splitLeft.set(key(s.line, s.recipientId), s.amount - s.clawedBack);

    for (const portion of portions) {
      const holders = portion.lines.flatMap((line) => [
        { line: line.position, recipientId: null as string | null },
        ...splits.filter((s) => s.line === line.position).map((s) => ({ line: s.line, recipientId: s.recipientId })),
      ]);
      const held = holders.map((h) =>
        h.recipientId === null ? platformLeft.get(h.line)! : splitLeft.get(key(h.line, h.recipientId))!,
      );
      const taken = takeBack(portion.amount, order.currency, held);
      holders.forEach((h, i) => {
        const part = taken[i]!;
        if (h.recipientId === null) {
          platformLeft.set(h.line, platformLeft.get(h.line)! - part);
          platformTaken.set(h.line, (platformTaken.get(h.line) ?? 0) + part);
        } else {
          const k = key(h.line, h.recipientId);
          splitLeft.set(k, splitLeft.get(k)! - part);
          splitTaken.set(k, (splitTaken.get(k) ?? 0) + part);
        }
      });
    }

    const taken: Clawback = {
      platformPart: [...platformTaken.values()].reduce((sum, p) => sum + p, 0),
      parts: splits
        .filter((s) => (splitTaken.get(key(s.line, s.recipientId)) ?? 0) > 0)
        .map((s) => ({
          line: s.line,
          recipientId: s.recipientId,
          amount: splitTaken.get(key(s.line, s.recipientId))!,
        })),
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
    for (const portion of portions) {
      for (const line of portion.lines) {
        const part = platformTaken.get(line.position) ?? 0;
        if (!part) continue;
        platformTaken.delete(line.position); // a line named in two portions is updated once, with both parts
        await this.orders.updateLine(line.id, { platformFeeClawedBack: line.platformFeeClawedBack + part }, manager);
      }
    }
    for (const split of splits) {
      const part = splitTaken.get(key(split.line, split.recipientId)) ?? 0;
      if (part === 0) continue;
      const clawedBack = split.clawedBack + part;
      const untransferred = split.transferStatus === 'SCHEDULED' || split.transferStatus === 'WAITING_FOR_ACCOUNT';
      await this.orders.updateSplit(
        split,
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
        line: split.line,
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
