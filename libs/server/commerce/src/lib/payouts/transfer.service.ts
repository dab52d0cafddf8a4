import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import type { OrderSplitEntity } from '../orders/order.entities';
import {
  ConnectedAccountEntity,
  OrderEntity,
  OrderSplitEntity as Split,
  transferGroupOf,
} from '../orders/order.entities';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';

export const TRANSFER_TASK = 'commerce.transfer';
export const transferJobKey = (orderId: string, recipientId: string) => `transfer:${orderId}:${recipientId}`;

/** `order:<id>:split:<recipient>`; a new attempt after the provider refused for good gets a new key. */
export const transferIdempotencyKey = (split: Pick<OrderSplitEntity, 'orderId' | 'recipientId' | 'transferAttempt'>) =>
  `order:${split.orderId}:split:${split.recipientId}${split.transferAttempt ? `:attempt:${split.transferAttempt}` : ''}`;

type Decision =
  | { kind: 'done'; outcome: string }
  | { kind: 'send'; split: OrderSplitEntity; order: OrderEntity; destination: string; amount: number };

/**
 * Pays one split of an order to its recipient's connected account. The amount is decided and posted to the ledger
 * first (committed, status SENDING), then the provider is called with the split's idempotency key, then the transfer
 * id is recorded. A crash or timeout anywhere in between repeats the same request with the same key on the next
 * attempt, so the recipient is paid exactly once. Transfers of one creator serialise on their payable account row, so
 * concurrent transfers never send more than the creator is owed (a debt from an earlier dispute is netted first).
 */
@Injectable()
export class TransferService {
  private readonly log = new Logger('Transfers');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async run(orderId: string, recipientId: string): Promise<string> {
    const decision = await this.dataSource.transaction((manager) => this.decide(manager, orderId, recipientId));
    if (decision.kind === 'done') return decision.outcome;
    const { split, order, destination, amount } = decision;
    let transferId: string;
    try {
      ({ id: transferId } = await this.provider.createTransfer(
        {
          amount,
          currency: order.currency,
          destination,
          transferGroup: transferGroupOf(order.id),
          sourceTransaction: order.chargeId!,
          metadata: { order_id: order.id, recipient_id: split.recipientId },
        },
        transferIdempotencyKey(split),
      ));
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error; // retried by the queue with the same key
      return this.refused(split, order, amount, error);
    }
    await this.dataSource
      .getRepository(Split)
      .update(
        { orderId, recipientId, transferStatus: 'SENDING' },
        { transferStatus: 'SENT', transferId, updatedAt: this.clock.now() },
      );
    return `sent ${amount} as ${transferId}`;
  }

  private async decide(manager: EntityManager, orderId: string, recipientId: string): Promise<Decision> {
    const split = await manager
      .getRepository(Split)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.orderId = :orderId AND s.recipientId = :recipientId', { orderId, recipientId })
      .getOne();
    if (!split) return { kind: 'done', outcome: 'no such split' };
    const order = (await manager.getRepository(OrderEntity).findOneBy({ id: orderId }))!;
    const account = await manager.getRepository(ConnectedAccountEntity).findOneBy({ creatorId: recipientId });
    if (split.transferStatus === 'SENDING') {
      return { kind: 'send', split, order, destination: account!.providerAccountId, amount: split.transferAmount! };
    }
    if (split.transferStatus !== 'SCHEDULED' && split.transferStatus !== 'WAITING_FOR_ACCOUNT') {
      return { kind: 'done', outcome: `already ${split.transferStatus.toLowerCase()}` };
    }
    const now = this.clock.now();
    if (split.transferableAt.getTime() > now.getTime()) {
      await this.queue.enqueue(
        manager,
        TRANSFER_TASK,
        { orderId, recipientId },
        { runAt: split.transferableAt, jobKey: transferJobKey(orderId, recipientId) },
      );
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
      externalRef: `${transferIdempotencyKey(split)}:transfer`,
      kind: 'TRANSFER',
      description: `Transfer to the creator for ${order.itemName}`,
      entries: [
        { account: Books.payable(recipientId, order.currency), amount },
        { account: Books.clearing(order.currency), amount: -amount },
      ],
    });
    await manager
      .getRepository(Split)
      .update({ orderId, recipientId }, { transferStatus: 'SENDING', transferAmount: amount, updatedAt: now });
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
    await manager
      .getRepository(Split)
      .update(
        { orderId: split.orderId, recipientId: split.recipientId },
        { transferStatus: status, updatedAt: this.clock.now() },
      );
    return { kind: 'done', outcome };
  }

  /** The provider refused for good: the money goes back to the payable balance; the next attempt uses a new key. */
  private async refused(split: OrderSplitEntity, order: OrderEntity, amount: number, error: ProviderRejectedError) {
    this.log.warn(`transfer ${transferIdempotencyKey(split)} refused: ${error.code ?? error.message}`);
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.post(manager, {
        externalRef: `${transferIdempotencyKey(split)}:refused`,
        kind: 'TRANSFER_REFUSED',
        description: `Transfer refused by the provider (${error.code ?? 'rejected'})`,
        entries: [
          { account: Books.payable(split.recipientId, order.currency), amount: -amount },
          { account: Books.clearing(order.currency), amount },
        ],
      });
      await manager.getRepository(Split).update(
        { orderId: split.orderId, recipientId: split.recipientId, transferStatus: 'SENDING' },
        {
          transferStatus: 'WAITING_FOR_ACCOUNT',
          transferAmount: null,
          transferAttempt: split.transferAttempt + 1,
          updatedAt: this.clock.now(),
        },
      );
    });
    return `refused (${error.code ?? 'rejected'}): waiting for the account`;
  }

  /** When an account becomes able to receive money, everything that waited for it is queued. */
  async releaseWaiting(manager: EntityManager, recipientId: string): Promise<number> {
    const waiting = await manager.getRepository(Split).findBy({ recipientId, transferStatus: 'WAITING_FOR_ACCOUNT' });
    for (const split of waiting) {
      await this.queue.enqueue(
        manager,
        TRANSFER_TASK,
        { orderId: split.orderId, recipientId },
        { jobKey: transferJobKey(split.orderId, recipientId), runAt: split.transferableAt },
      );
    }
    return waiting.length;
  }
}
