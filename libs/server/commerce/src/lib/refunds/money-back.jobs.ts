import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobHandler } from '@lookbook/core';
import { Clock, JobTask } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { Books } from '../money/books';
import { OrderEntity, OrderSplitEntity } from '../orders/order.entities';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';
import { REVERSE_TRANSFER_TASK } from './clawback';
import { REFUND_TASK, RefundService } from './refund.service';

/** Sends a recorded refund to the provider (key `refund:<id>`); replays and retries refund once. */
@Injectable()
@JobTask({ task: REFUND_TASK })
export class RefundJob implements JobHandler<{ refundId: string }> {
  private readonly log = new Logger('Refunds');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly refunds: RefundService,
  ) {}

  async handle({ refundId }: { refundId: string }): Promise<void> {
    const [refund] = await this.dataSource.query<{ status: string; amount: string; order_id: string }[]>(
      `SELECT status, amount, order_id FROM commerce.refund WHERE id = $1`,
      [refundId],
    );
    if (!refund || refund.status !== 'PENDING') return;
    const order = (await this.dataSource.getRepository(OrderEntity).findOneBy({ id: refund.order_id }))!;
    let providerRefundId: string;
    try {
      providerRefundId = (
        await this.provider.createRefund(
          { paymentIntentId: order.paymentIntentId!, amount: Number(refund.amount), metadata: { order_id: order.id } },
          `refund:${refundId}`,
        )
      ).id;
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      this.log.warn(`refund ${refundId} refused by the provider: ${error.code ?? error.message}`);
      return this.refunds.markFailed(refundId);
    }
    await this.dataSource.transaction((manager) => this.refunds.applySucceeded(manager, refundId, providerRefundId));
  }
}

/**
 * Takes back a transferred part (key = the clawback's cause and recipient). A part the provider can no longer reverse
 * (the creator was paid out) stays a debt on the creator's payable balance, netted against later earnings.
 */
@Injectable()
@JobTask({ task: REVERSE_TRANSFER_TASK })
export class ReverseTransferJob implements JobHandler<{ reversalId: string }> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
  ) {}

  async handle({ reversalId }: { reversalId: string }): Promise<void> {
    const [reversal] = await this.dataSource.query<
      { order_id: string; recipient_id: string; cause: string; amount: string; status: string }[]
    >(`SELECT order_id, recipient_id, cause, amount, status FROM commerce.reversal WHERE id = $1`, [reversalId]);
    if (!reversal || reversal.status !== 'PENDING') return;
    const split = (await this.dataSource
      .getRepository(OrderSplitEntity)
      .findOneBy({ orderId: reversal.order_id, recipientId: reversal.recipient_id }))!;
    if (split.transferStatus === 'SENDING') throw new Error('transfer still in flight: reverse it once sent');
    const recoverable = Math.min(Number(reversal.amount), (split.transferAmount ?? 0) - split.reversedAmount);
    if (split.transferStatus !== 'SENT' || recoverable <= 0) return this.finish(reversalId, 'CANCELLED');
    let providerId: string;
    try {
      ({ id: providerId } = await this.provider.reverseTransfer(
        split.transferId!,
        recoverable,
        `${reversal.cause}:reverse:${reversal.recipient_id}`,
      ));
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      return this.finish(reversalId, 'UNRECOVERABLE');
    }
    const order = (await this.dataSource.getRepository(OrderEntity).findOneBy({ id: reversal.order_id }))!;
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<{ status: string }[]>(
        `SELECT status FROM commerce.reversal WHERE id = $1 FOR UPDATE`,
        [reversalId],
      );
      if (current?.status !== 'PENDING') return;
      await this.ledger.post(manager, {
        externalRef: `${reversal.cause}:reverse:${reversal.recipient_id}`,
        kind: 'TRANSFER_REVERSAL',
        description: `Transfer reversed (${reversal.cause})`,
        entries: [
          { account: Books.payable(reversal.recipient_id, order.currency), amount: -recoverable },
          { account: Books.clearing(order.currency), amount: recoverable },
        ],
      });
      const now = this.clock.now();
      await manager.query(
        `UPDATE commerce.reversal SET status = 'REVERSED', recovered = $2, provider_reversal_id = $3, updated_at = $4
          WHERE id = $1`,
        [reversalId, recoverable, providerId, now],
      );
      await manager.query(
        `UPDATE commerce.order_split SET reversed_amount = reversed_amount + $3, updated_at = $4
          WHERE order_id = $1 AND recipient_id = $2`,
        [reversal.order_id, reversal.recipient_id, recoverable, now],
      );
    });
  }

  private async finish(reversalId: string, status: 'CANCELLED' | 'UNRECOVERABLE') {
    await this.dataSource.query(
      `UPDATE commerce.reversal SET status = $2, updated_at = $3 WHERE id = $1 AND status = 'PENDING'`,
      [reversalId, status, this.clock.now()],
    );
  }
}
