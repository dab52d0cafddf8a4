import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask, Transactions } from '@lookbook/core';
import { CommerceTasks } from '../commerce.tasks';
import { OrderRefs } from '../orders/order-refs';
import { OrderRepository } from '../orders/order.repository';
import { PaymentProvider, ProviderRejectedError } from '../provider/payment-provider';
import { RefundRepository } from './refund.repository';
import { RefundService } from './refund.service';

/** Sends a recorded refund to the provider (idempotency key `refund:<id>`); replays and retries refund once. */
@Injectable()
@JobTask(CommerceTasks.refund)
export class RefundJob implements JobHandler<PayloadOf<typeof CommerceTasks.refund>> {
  private readonly log = new Logger('Refunds');

  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly provider: PaymentProvider,
    private readonly refundService: RefundService,
    private readonly transactions: Transactions,
  ) {}

  async handle({ refundId }: PayloadOf<typeof CommerceTasks.refund>): Promise<void> {
    const refund = await this.refunds.byId(refundId);
    if (refund?.status !== 'PENDING') return;
    const order = (await this.orders.byId(refund.orderId))!;
    let providerRefundId: string;
    try {
      const made = await this.provider.createRefund(
        { paymentIntentId: order.paymentIntentId!, amount: refund.amount, metadata: { order_id: order.id } },
        OrderRefs.refund(refundId),
      );
      providerRefundId = made.id;
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      this.log.warn(`refund ${refundId} refused by the provider: ${error.code ?? error.message}`);
      return this.refundService.markFailed(refundId);
    }
    await this.transactions.run((manager) => this.refundService.applySucceeded(manager, refundId, providerRefundId));
  }
}
