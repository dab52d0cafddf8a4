// Test-only entry point (`@lookbook/commerce/testing`; lint forbids importing it outside tests): the job handlers and
// services the end-to-end and property tests drive step by step, instead of waiting on a worker's timing.
import type { INestApplicationContext } from '@nestjs/common';
import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { OrderRepository } from './lib/orders/order.repository';
import { PayoutRepository } from './lib/payouts/payout.repository';
import { TransferScheduler } from './lib/payouts/transfer-scheduler.service';
import { TransferService } from './lib/payouts/transfer.service';
import type { PaymentProvider } from './lib/provider/payment-provider';

export { ProcessEventJob } from './lib/webhooks/process-event.job';
export { TransferService } from './lib/payouts/transfer.service';
export { RefundJob } from './lib/refunds/refund.job';
export { ReverseTransferJob } from './lib/refunds/reverse-transfer.job';
export { MoneySweepJob } from './lib/support/money-sweep.job';

/** The app's transfer service, wired to another provider (one that fails on cue). */
export function transferServiceWith(app: INestApplicationContext, provider: PaymentProvider): TransferService {
  return new TransferService(
    app.get(OrderRepository),
    app.get(PayoutRepository),
    provider,
    app.get(LedgerService),
    app.get(TransferScheduler),
    app.get(Transactions),
    app.get(Clock),
  );
}
