import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { Clock, JobTask, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { CommerceTasks } from '../commerce.tasks';
import { Books } from '../money/books';
import { OrderRefs } from '../orders/order-refs';
import { OrderRepository } from '../orders/order.repository';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';
import type { ReversalStatus } from './reversal.entity';
import { RefundRepository } from './refund.repository';

/** How much of a reversal can still be taken back from a split's transfer (nothing unless it was sent). */
export function recoverableAmount(
  wanted: number,
  split: { transferStatus: string; transferAmount: number | null; reversedAmount: number },
): number {
  if (split.transferStatus !== 'SENT') return 0;
  return Math.max(0, Math.min(wanted, (split.transferAmount ?? 0) - split.reversedAmount));
}

/**
 * Takes back a transferred part of one line (idempotency key = the clawback's cause, the line and the recipient). A part the provider can no
 * longer reverse (the creator was paid out) stays a debt on the creator's payable balance, netted against later
 * earnings.
 */
@Injectable()
@JobTask(CommerceTasks.reverseTransfer)
export class ReverseTransferJob implements JobHandler<PayloadOf<typeof CommerceTasks.reverseTransfer>> {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly provider: PaymentProvider,
    private readonly ledger: LedgerService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async handle({ reversalId }: PayloadOf<typeof CommerceTasks.reverseTransfer>): Promise<void> {
    const reversal = await this.refunds.reversalById(reversalId);
    if (reversal?.status !== 'PENDING') return;
    const split = (await this.orders.split(reversal))!;
    if (split.transferStatus === 'SENDING') throw new Error('transfer still in flight: reverse it once sent');
    const recoverable = recoverableAmount(reversal.amount, split);
    if (recoverable <= 0) return this.finish(reversalId, 'CANCELLED');
    const key = OrderRefs.reversal(reversal.cause, reversal.line, reversal.recipientId);
    let providerReversalId: string;
    try {
      ({ id: providerReversalId } = await this.provider.reverseTransfer(split.transferId!, recoverable, key));
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      return this.finish(reversalId, 'UNRECOVERABLE');
    }
    const order = (await this.orders.byId(reversal.orderId))!;
    await this.transactions.run(async (manager) => {
      const current = await this.refunds.lockReversal(manager, reversalId);
      if (current?.status !== 'PENDING') return;
      await this.ledger.post(manager, {
        externalRef: key,
        kind: 'TRANSFER_REVERSAL',
        description: `Transfer reversed (${reversal.cause})`,
        entries: [
          { account: Books.payable(reversal.recipientId, order.currency), amount: -recoverable },
          { account: Books.clearing(order.currency), amount: recoverable },
        ],
      });
      const now = this.clock.now();
      await this.refunds.settleReversal(
        reversalId,
        { status: 'REVERSED', recovered: recoverable, providerReversalId, updatedAt: now },
        manager,
      );
      await this.orders.addReversed(manager, reversal, recoverable, now);
    });
  }

  private finish(reversalId: string, status: Extract<ReversalStatus, 'CANCELLED' | 'UNRECOVERABLE'>): Promise<void> {
    return this.refunds.settleReversal(reversalId, { status, updatedAt: this.clock.now() });
  }
}
