import type { UserSummary } from '@lookbook/identity';
import type { SaleRecord, CreatorBalance } from '../earnings/earnings.service';
import type { OrderRecord } from '../orders/order.service';
import type { ConnectedAccountEntity } from '../payouts/connected-account.entity';
import type { PayoutEntity } from '../payouts/payout.entity';
import type { RefundEntity } from '../refunds/refund.entity';
import type { MoneyReviewRow } from '../support/money-review.repository';
import type { Payee, PayoutAccountStatus } from './commerce.objects';
import {
  Balance as BalanceObject,
  MoneyReviewItem,
  Order,
  Payout,
  PayoutAccount,
  Refund,
  Sale,
} from './commerce.objects';

/** A public profile (handle, display name) — never an email; null fields for an account that no longer exists. */
export const toPayee = (id: string, user: UserSummary | undefined): Payee => ({
  id,
  handle: user?.handle ?? null,
  displayName: user?.displayName ?? null,
});

export const toRefund = (r: RefundEntity): Refund =>
  Object.assign(new Refund(), {
    id: r.id,
    amount: r.amount,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt,
  });

/** The receipt as `viewerId` may see it: where to pay and why a payment failed are the buyer's alone. */
export function toOrder({ order: o, refunds, seller }: OrderRecord, viewerId: string): Order {
  const forBuyer = o.status === 'PENDING' && o.buyerId === viewerId;
  return Object.assign(new Order(), {
    id: o.id,
    status: o.status,
    itemName: o.itemName,
    tier: o.tier,
    offerId: o.offerId,
    offerRevision: o.offerRevision,
    subjectKind: o.subjectKind,
    modelId: o.modelId,
    versionId: o.versionId,
    amount: o.amount,
    currency: o.currency,
    refundedAmount: o.refundedAmount,
    seller: toPayee(o.sellerId, seller),
    checkoutUrl: forBuyer ? o.checkoutUrl : null,
    lastPaymentError: forBuyer ? o.lastPaymentError : null,
    licenseId: o.grantId,
    refunds: refunds.map(toRefund),
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    buyerId: o.buyerId,
  });
}

export function toSale({ order: o, splits, users, viewerId }: SaleRecord): Sale {
  return Object.assign(new Sale(), {
    orderId: o.id,
    status: o.status,
    itemName: o.itemName,
    tier: o.tier,
    price: o.amount,
    currency: o.currency,
    platformFeeBps: o.platformFeeBps,
    platformFee: o.platformFee,
    processorFee: o.processorFee,
    refundedAmount: o.refundedAmount,
    paidAt: o.paidAt!,
    yourShare: splits.filter((s) => s.recipientId === viewerId).reduce((sum, s) => sum + s.amount - s.clawedBack, 0),
    splits: splits.map((s) => ({
      recipient: toPayee(s.recipientId, users.get(s.recipientId)),
      role: s.role,
      shareBps: s.shareBps,
      amount: s.amount,
      clawedBack: s.clawedBack,
      transferStatus: s.transferStatus,
      transferableAt: s.transferableAt,
      transferAmount: s.transferAmount,
      transferId: s.transferId,
      reversedAmount: s.reversedAmount,
    })),
  });
}

export const toPayout = (p: PayoutEntity): Payout =>
  Object.assign(new Payout(), {
    id: p.id,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    failureCode: p.failureCode,
    arrivalDate: p.arrivalDate,
    createdAt: p.createdAt,
  });

export function toPayoutAccount(account: ConnectedAccountEntity | null): PayoutAccount {
  const status: PayoutAccountStatus = !account
    ? 'NOT_STARTED'
    : account.payoutFailureCode
      ? 'PAYOUT_FAILED'
      : account.payoutsEnabled
        ? 'ACTIVE'
        : 'ONBOARDING';
  return Object.assign(new PayoutAccount(), {
    status,
    payoutsEnabled: account?.payoutsEnabled ?? false,
    requirementsDue: account?.requirementsDue ?? [],
    payoutFailureCode: account?.payoutFailureCode ?? null,
  });
}

export const toBalance = (b: CreatorBalance): BalanceObject => Object.assign(new BalanceObject(), b);

export const toMoneyReviewItem = (row: MoneyReviewRow): MoneyReviewItem => Object.assign(new MoneyReviewItem(), row);
