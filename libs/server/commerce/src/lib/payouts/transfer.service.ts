import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import type { OrderSplitEntity } from '../orders/order-split.entity';
import type { OrderEntity } from '../orders/order.entity';
import { OrderRefs } from '../orders/order-refs';
import type { SplitKey } from '../orders/order.repository';
import { OrderRepository } from '../orders/order.repository';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';
import { PayoutRepository } from './payout.repository';
import { TransferScheduler } from './transfer-scheduler.service';

type Decision =
  | { kind: 'done'; outcome: string }
  | {
      kind: 'send';
      split: OrderSplitEntity;
      order: OrderEntity;
      destination: string;
      amount: number;
    };

/**
 * Pays one split (a recipient's part of one order line) to its recipient's connected account. The amount is decided and posted to the ledger
 * first (committed, status SENDING), then the provider is called with the split's idempotency key, then the transfer
 * id is recorded. A crash or timeout anywhere in between repeats the same request with the same key on the next
 * attempt, so the recipient is paid exactly once. Transfers of one creator serialise on their payable account row, so
 * concurrent transfers never send more than the creator is owed (a debt from an earlier dispute is netted first).
 */
@Injectable()
export class TransferService {
  private readonly log = new Logger('Transfers');

  constructor(
    private readonly orders: OrderRepository,
    private readonly payouts: PayoutRepository,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerService,
    private readonly scheduler: TransferScheduler,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async run(orderId: string, recipientId: string, line = 1): Promise<string> {
    const key = { orderId, line, recipientId };
    const decision = await this.transactions.run((manager) => this.decide(manager, key));
    if (decision.kind === 'done') return decision.outcome;
    const { split, order, destination, amount } = decision;
    let transferId: string;
    try {
      ({ id: transferId } = await this.provider.createTransfer(
        {
          amount,
          currency: order.currency,
          destination,
          transferGroup: OrderRefs.transferGroup(order.id),
          sourceTransaction: order.chargeId!,
          metadata: { order_id: order.id, line: String(split.line), recipient_id: split.recipientId },
        },
        OrderRefs.transfer(split),
      ));
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error; // retried by the queue with the same key
      return this.refused(split, order, amount, error);
    }
    await this.orders.updateSplit(
      key,
      { transferStatus: 'SENT', transferId, updatedAt: this.clock.now() },
      { onlyIf: 'SENDING' },
    );
    return `sent ${amount} as ${transferId}`;
  }

  private async decide(manager: EntityManager, key: SplitKey): Promise<Decision> {
    const { orderId, recipientId } = key;
    const split = await this.orders.lockSplit(manager, key);
    if (!split) return { kind: 'done', outcome: 'no such split' };
    const order = (await this.orders.byId(orderId, manager))!;
    const account = await this.payouts.account(recipientId, manager);
    if (split.transferStatus === 'SENDING') {
      return { kind: 'send', split, order, destination: account!.providerAccountId, amount: split.transferAmount! };
    }
    if (split.transferStatus !== 'SCHEDULED' && split.transferStatus !== 'WAITING_FOR_ACCOUNT') {
      return { kind: 'done', outcome: `already ${split.transferStatus.toLowerCase()}` };
    }
    // A line paid but not granted is refunded in full: its parties are never paid (the refund cancels the split).
    const line = await this.orders.line(orderId, split.line, manager);
    if (line?.failureReason) return { kind: 'done', outcome: `not granted (${line.failureReason}): not paid out` };
    const now = this.clock.now();
    if (split.transferableAt.getTime() > now.getTime()) {
      await this.scheduler.schedule(manager, key, split.transferableAt);
      return { kind: 'done', outcome: 'on hold' };
    }
    const left = split.amount - split.clawedBack;
    if (left <= 0) return this.settle(manager, split, 'CANCELLED', 'nothing left to transfer');
    if (!account?.payoutsEnabled) {
      return this.settle(manager, split, 'WAITING_FOR_ACCOUNT', 'waiting for the payout account');
    }
    const owed = -(await this.ledger.lockBalance(manager, Books.payable(recipientId, order.currency)));
    const amount = Math.min(left, owed);
    if (amount <= 0) return this.settle(manager, split, 'NETTED', 'netted against a debt');
    await this.ledger.post(manager, {
      externalRef: `${OrderRefs.transfer(split)}:transfer`,
      kind: 'TRANSFER',
      description: `Transfer to the creator for ${line?.itemName ?? order.itemName}`,
      entries: [
        { account: Books.payable(recipientId, order.currency), amount },
        { account: Books.clearing(order.currency), amount: -amount },
      ],
    });
    await this.orders.updateSplit(
      key,
      { transferStatus: 'SENDING', transferAmount: amount, updatedAt: now },
      { manager },
    );
    return {
      kind: 'send',
      split: { ...split, transferAmount: amount },
      order,
      destination: account.providerAccountId,
      amount,
    };
  }

  private async settle(
    manager: EntityManager,
    split: OrderSplitEntity,
    status: 'CANCELLED' | 'WAITING_FOR_ACCOUNT' | 'NETTED',
    outcome: string,
  ): Promise<Decision> {
    await this.orders.updateSplit(split, { transferStatus: status, updatedAt: this.clock.now() }, { manager });
    return { kind: 'done', outcome };
  }

  /** The provider refused for good: the money goes back to the payable balance; the next attempt uses a new key. */
  private async refused(split: OrderSplitEntity, order: OrderEntity, amount: number, error: ProviderRejectedError) {
    this.log.warn(`transfer ${OrderRefs.transfer(split)} refused: ${error.code ?? error.message}`);
    await this.transactions.run(async (manager) => {
      await this.ledger.post(manager, {
        externalRef: `${OrderRefs.transfer(split)}:refused`,
        kind: 'TRANSFER_REFUSED',
        description: `Transfer refused by the provider (${error.code ?? 'rejected'})`,
        entries: [
          { account: Books.payable(split.recipientId, order.currency), amount: -amount },
          { account: Books.clearing(order.currency), amount },
        ],
      });
      await this.orders.updateSplit(
        split,
        {
          transferStatus: 'WAITING_FOR_ACCOUNT',
          transferAmount: null,
          transferAttempt: split.transferAttempt + 1,
          updatedAt: this.clock.now(),
        },
        { manager, onlyIf: 'SENDING' },
      );
    });
    return `refused (${error.code ?? 'rejected'}): waiting for the account`;
  }
}
