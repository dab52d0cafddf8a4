// Test-only entry point (`@lookbook/commerce/testing`; lint forbids importing it outside tests): the job handlers and
// services the end-to-end and property tests drive step by step, instead of waiting on a worker's timing.
import type { INestApplicationContext } from '@nestjs/common';
import { Clock, Transactions } from '@lookbook/core';
import { LedgerService } from '@lookbook/ledger';
import { OrderRepository } from './lib/orders/order.repository';
import { PayoutRepository } from './lib/payouts/payout.repository';
import { TransferScheduler } from './lib/payouts/transfer-scheduler.service';
import { TransferService } from './lib/payouts/transfer.service';
import type { OrderLineEntity } from './lib/orders/order-line.entity';
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

const PAID_AT = new Date('2026-03-01T12:00:00.000Z');
const SELLER = '00000000-0000-4000-8000-0000000000c1';
const OFFER = '00000000-0000-4000-8000-0000000000d1';

/** A paid order of one line (a 1000 EUR-cent sale with a 150 platform fee), for unit tests; override what the test is about. */
export function anOrder(overrides: Partial<OrderEntity> = {}): OrderEntity {
  const at = PAID_AT;
  return {
    id: '00000000-0000-4000-8000-00000000000a',
    buyerId: '00000000-0000-4000-8000-0000000000b1',
    offerIds: [OFFER],
    itemName: 'Ink Wash v1',
    amount: 1000,
    currency: 'EUR',
    platformFee: 150,
    status: 'PAID',
    checkoutSessionId: 'cs_test_1',
    checkoutUrl: null,
    checkoutExpiresAt: new Date(at.getTime() + 30 * 60_000),
    paymentIntentId: 'pi_test_1',
    chargeId: 'ch_test_1',
    processorFee: 30,
    lastPaymentError: null,
    failureReason: null,
    refundedAmount: 0,
    createdAt: at,
    paidAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Line 1 of `anOrder()` (the whole 1000 sale, sold by its seller), for unit tests; override what the test is about. */
export function anOrderLine(overrides: Partial<OrderLineEntity> = {}): OrderLineEntity {
  const position = overrides.position ?? 1;
  return {
    id: `00000000-0000-4000-8000-0000000001${String(position).padStart(2, '0')}`,
    orderId: anOrder().id,
    position,
    offerId: OFFER,
    offerRevision: 1,
    subjectKind: 'MODEL',
    versionId: '00000000-0000-4000-8000-0000000000e1',
    subjectId: '00000000-0000-4000-8000-0000000000f1',
    sellerId: SELLER,
    tier: 'PERSONAL',
    itemName: 'Ink Wash v1',
    amount: 1000,
    platformFee: 150,
    platformFeeBps: 1500,
    platformFeeClawedBack: 0,
    processorFee: 30,
    grantId: '00000000-0000-4000-8000-000000000099',
    failureReason: null,
    refundedAmount: 0,
    paidAt: PAID_AT,
    ...overrides,
  };
}

/** One recipient's split of line 1 of `anOrder()` (the seller's 850), for unit tests. */
export function aSplit(overrides: Partial<OrderSplitEntity> = {}): OrderSplitEntity {
  const order = anOrder();
  return {
    orderId: order.id,
    line: 1,
    recipientId: SELLER,
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
