import type { UserSummary } from '@lookbook/identity';
import type { SaleRecord, CreatorBalance } from '../earnings/earnings.service';
import type { OrderLineEntity } from '../orders/order-line.entity';
import { lineStatus } from '../orders/order-status';
import type { OrderEntity } from '../orders/order.entity';
import type { OrderRecord } from '../orders/order.service';
import type { ConnectedAccountEntity } from '../payouts/connected-account.entity';
import type { PayoutEntity } from '../payouts/payout.entity';
import type { RefundLineEntity } from '../refunds/refund-line.entity';
import type { RefundEntity } from '../refunds/refund.entity';
import type { MoneyReviewRow } from '../support/money-review.repository';
import type { Payee, PayoutAccountStatus } from './commerce.objects';
import {
  Balance as BalanceObject,
  MoneyReviewItem,
  Order,
  OrderLine,
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

/** A refund as a viewer sees it: only the lines they may see (`visible`), with its amount over those lines. */
export function toRefund(r: RefundEntity, lines: RefundLineEntity[], orderLines: OrderLineEntity[]): Refund {
  const ownLines = lines
    .filter((l) => l.refundId === r.id)
    .flatMap((l) => {
      const line = orderLines.find((o) => o.position === l.line);
      return line ? [{ lineId: line.id, position: l.line, amount: l.amount }] : [];
    });
  const whole = orderLines.length === 0 || ownLines.length === lines.filter((l) => l.refundId === r.id).length;
  return Object.assign(new Refund(), {
    id: r.id,
    amount: whole ? r.amount : ownLines.reduce((sum, l) => sum + l.amount, 0),
    reason: r.reason,
    note: r.note,
    status: r.status,
    lines: ownLines,
    createdAt: r.createdAt,
  });
}

/** What the provider has refunded of each line (pending and refused refunds excluded). */
function refundedByLine(refunds: RefundEntity[], lines: RefundLineEntity[]): Map<number, number> {
  const succeeded = new Set(refunds.filter((r) => r.status === 'SUCCEEDED').map((r) => r.id));
  const byLine = new Map<number, number>();
  for (const l of lines) if (succeeded.has(l.refundId)) byLine.set(l.line, (byLine.get(l.line) ?? 0) + l.amount);
  return byLine;
}

function toOrderLine(order: OrderEntity, line: OrderLineEntity, refunded: number, seller: UserSummary | undefined) {
  return Object.assign(new OrderLine(), {
    id: line.id,
    position: line.position,
    itemName: line.itemName,
    tier: line.tier,
    offerId: line.offerId,
    offerRevision: line.offerRevision,
    subjectKind: line.subjectKind,
    subjectId: line.subjectId,
    modelId: line.subjectId,
    versionId: line.versionId,
    amount: line.amount,
    refundedAmount: line.refundedAmount,
    status: lineStatus(order.status, line.amount, refunded),
    seller: toPayee(line.sellerId, seller),
    licenseId: line.grantId,
    unavailableReason: line.failureReason,
  });
}

/**
 * The receipt as `viewerId` may see it: where to pay and why a payment failed are the buyer's alone; a creator paid
 * by some lines sees those lines (and the amounts and refunds of those lines) only.
 */
export function toOrder(record: OrderRecord, viewerId: string): Order {
  const { order: o, refunds, refundLines, sellers, visibleLines } = record;
  const partial = visibleLines !== 'all';
  const lines = partial ? record.lines.filter((l) => visibleLines.includes(l.position)) : record.lines;
  const refunded = refundedByLine(refunds, refundLines);
  const orderLines = lines.map((l) => toOrderLine(o, l, refunded.get(l.position) ?? 0, sellers.get(l.sellerId)));
  const first = orderLines[0]!;
  const shownRefunds = partial
    ? refunds.filter((r) => refundLines.some((l) => l.refundId === r.id && visibleLines.includes(l.line)))
    : refunds;
  const forBuyer = o.status === 'PENDING' && o.buyerId === viewerId;
  const sum = (pick: (l: OrderLineEntity) => number) => lines.reduce((total, l) => total + pick(l), 0);
  return Object.assign(new Order(), {
    id: o.id,
    status: o.status,
    itemName: partial
      ? lines.length === 1
        ? first.itemName
        : `${first.itemName} + ${lines.length - 1} more`
      : o.itemName,
    lines: orderLines,
    tier: first.tier,
    offerId: first.offerId,
    offerRevision: first.offerRevision,
    subjectKind: first.subjectKind,
    subjectId: first.subjectId,
    modelId: first.subjectId,
    versionId: first.versionId,
    amount: partial ? sum((l) => l.amount) : o.amount,
    currency: o.currency,
    refundedAmount: partial ? sum((l) => l.refundedAmount) : o.refundedAmount,
    seller: first.seller,
    checkoutUrl: forBuyer ? o.checkoutUrl : null,
    lastPaymentError: forBuyer ? o.lastPaymentError : null,
    licenseId: first.licenseId,
    refunds: shownRefunds.map((r) => toRefund(r, refundLines, lines)),
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    buyerId: o.buyerId,
  });
}

export function toSale({ order: o, line, splits, users, refunded, viewerId }: SaleRecord): Sale {
  return Object.assign(new Sale(), {
    orderId: o.id,
    lineId: line.id,
    status: lineStatus(o.status, line.amount, refunded),
    itemName: line.itemName,
    subjectKind: line.subjectKind,
    subjectId: line.subjectId,
    tier: line.tier,
    price: line.amount,
    currency: o.currency,
    platformFeeBps: line.platformFeeBps,
    platformFee: line.platformFee,
    processorFee: line.processorFee,
    refundedAmount: line.refundedAmount,
    paidAt: line.paidAt!,
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
