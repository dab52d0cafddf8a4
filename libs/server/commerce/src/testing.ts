// Test-only entry point (`@lookbook/commerce/testing`; lint forbids importing it outside tests): the job handlers and
// services the end-to-end and property tests drive step by step, instead of waiting on a worker's timing.
import type { INestApplicationContext } from '@nestjs/common';
import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { OrderRepository } from './lib/orders/order.repository';
import { PayoutRepository } from './lib/payouts/payout.repository';
import { TransferScheduler } from './lib/payouts/transfer-scheduler.service';
import { TransferService } from './lib/payouts/transfer.service';
import type { OrderSplitEntity } from './lib/orders/order-split.entity';
import type { OrderEntity } from './lib/orders/order.entity';
import type { CheckoutState, PaymentProvider } from './lib/provider/payment-provider';

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

/** A paid order (a 1000 EUR-cent sale with a 150 platform fee), for unit tests; override what the test is about. */
export function anOrder(overrides: Partial<OrderEntity> = {}): OrderEntity {
  const at = new Date('2026-03-01T12:00:00.000Z');
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    buyerId: '00000000-0000-4000-8000-0000000000b1',
    sellerId: '00000000-0000-4000-8000-0000000000c1',
    offerId: '00000000-0000-4000-8000-0000000000d1',
    offerRevision: 1,
    versionId: '00000000-0000-4000-8000-0000000000e1',
    modelId: '00000000-0000-4000-8000-0000000000f1',
    subjectKind: 'MODEL',
    tier: 'PERSONAL',
    itemName: 'Ink Wash v1',
    amount: 1000,
    currency: 'EUR',
    platformFee: 150,
    platformFeeBps: 1500,
    platformFeeClawedBack: 0,
    status: 'PAID',
    checkoutSessionId: 'cs_test_1',
    checkoutUrl: null,
    checkoutExpiresAt: new Date(at.getTime() + 30 * 60_000),
    paymentIntentId: 'pi_test_1',
    chargeId: 'ch_test_1',
    processorFee: 30,
    lastPaymentError: null,
    grantId: '00000000-0000-4000-8000-000000000099',
    failureReason: null,
    refundedAmount: 0,
    createdAt: at,
    paidAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** One recipient's split of `anOrder()` (the seller's 850), for unit tests. */
export function aSplit(overrides: Partial<OrderSplitEntity> = {}): OrderSplitEntity {
  const order = anOrder();
  return {
    orderId: order.id,
    recipientId: order.sellerId,
    role: 'SELLER',
    shareBps: 10_000,
    amount: 850,
    clawedBack: 0,
    transferStatus: 'SCHEDULED',
    transferableAt: order.paidAt!,
    transferAttempt: 0,
    transferAmount: null,
    transferId: null,
    reversedAmount: 0,
    updatedAt: order.paidAt!,
    ...overrides,
  };
}

/** The provider's record of `anOrder()`'s checkout, paid in full; override what the test is about. */
export function aPaidSession(overrides: Partial<CheckoutState> = {}): CheckoutState & { orderId: string } {
  const order = anOrder();
  return {
    id: 'cs_test_1',
    url: null,
    orderId: order.id,
    status: 'complete',
    paymentStatus: 'paid',
    amount: order.amount,
    currency: order.currency,
    paymentIntentId: 'pi_1',
    chargeId: 'ch_1',
    processorFee: 30,
    expiresAt: order.checkoutExpiresAt!,
    ...overrides,
  } as CheckoutState & { orderId: string };
}
