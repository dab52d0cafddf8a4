import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum, SafeIntScalar } from '@lookbook/core';
import type { SubjectKind } from '@lookbook/licensing';
import { LicenseSubjectKindEnum } from '@lookbook/licensing';
import type { SplitRole } from '@lookbook/templates';
import { SPLIT_ROLES } from '@lookbook/templates';
import type { TransferStatus } from '../orders/order-split.entity';
import { TRANSFER_STATUSES } from '../orders/order-split.entity';
import type { OrderStatus } from '../orders/order-status';
import { ORDER_STATUSES } from '../orders/order-status';
import type { PayoutStatus } from '../payouts/payout.entity';
import { PAYOUT_STATUSES } from '../payouts/payout.entity';
import type { RefundReason, RefundStatus } from '../refunds/refund.entity';
import { REFUND_REASONS, REFUND_STATUSES } from '../refunds/refund.entity';
import type { MoneyReviewKind } from '../support/money-review.repository';
import { MONEY_REVIEW_KINDS } from '../support/money-review.repository';

export const OrderStatusEnum = graphqlEnum('OrderStatus', ORDER_STATUSES);
export const RefundReasonEnum = graphqlEnum('RefundReason', REFUND_REASONS);
export const RefundStatusEnum = graphqlEnum('RefundStatus', REFUND_STATUSES);
export const TransferStatusEnum = graphqlEnum('TransferStatus', TRANSFER_STATUSES, {
  description:
    'SCHEDULED: waiting for the hold period. WAITING_FOR_ACCOUNT: the payout account cannot receive money yet. ' +
    'NETTED: absorbed by an earlier debt. CANCELLED: refunded before it was sent.',
});
export const SplitRoleEnum = graphqlEnum('SplitRole', SPLIT_ROLES);
export const PayoutStatusEnum = graphqlEnum('PayoutStatus', PAYOUT_STATUSES);
export const PAYOUT_ACCOUNT_STATUSES = ['NOT_STARTED', 'ONBOARDING', 'ACTIVE', 'PAYOUT_FAILED'] as const;
export type PayoutAccountStatus = (typeof PAYOUT_ACCOUNT_STATUSES)[number];
export const PayoutAccountStatusEnum = graphqlEnum('PayoutAccountStatus', PAYOUT_ACCOUNT_STATUSES);
export const MoneyReviewKindEnum = graphqlEnum('MoneyReviewKind', MONEY_REVIEW_KINDS, {
  description:
    'AMOUNT_MISMATCH: paid, but not what the order says (nothing granted or booked). REFUND_FAILED: the provider ' +
    'refused a refund. UNRECOVERED_REVERSAL: a creator had already been paid out; the part is a debt on their ' +
    'balance. STALLED_EVENT: a provider event still unprocessed after an hour.',
});

@ObjectType({ description: 'What a refund gives back for one line of its order.' })
export class RefundLine {
  @Field(() => ID) lineId!: string;
  @Field(() => Int, { description: 'The line’s position in its order (1…).' }) position!: number;
  @Field(() => SafeIntScalar, { description: 'Minor units.' }) amount!: number;
}

@ObjectType({ description: 'Money given back on an order: one provider refund, for one or more of its lines.' })
export class Refund {
  @Field(() => ID) id!: string;
  @Field(() => SafeIntScalar, { description: 'Minor units (the sum of its lines).' }) amount!: number;
  @Field(() => RefundReasonEnum, { description: 'Who asked for it (or why it was made).' }) reason!: RefundReason;
  @Field(() => String, { nullable: true, description: 'Why, in the words of whoever asked.' }) note!: string | null;
  @Field(() => RefundStatusEnum) status!: RefundStatus;
  @Field(() => [RefundLine], { description: 'The lines it is for, and how much of each.' }) lines!: RefundLine[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType({ description: 'Someone who shares in a sale (public profile only).' })
export class Payee {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) handle!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType({ description: 'One licence bought in an order: what it was, what it cost, the licence it granted.' })
export class OrderLine {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its position in the order (1…), as on the receipt.' }) position!: number;
  @Field() itemName!: string;
  @Field({ description: 'The licence tier bought.' }) tier!: string;
  @Field(() => ID) offerId!: string;
  @Field(() => Int) offerRevision!: number;
  @Field(() => LicenseSubjectKindEnum, { description: 'What was bought: a model or a template licence.' })
  subjectKind!: SubjectKind;
  @Field(() => ID, { description: 'What was bought: the style model, or the workflow template (see subjectKind).' })
  subjectId!: string;
  @Field(() => ID, {
    description: 'The model, or for a template licence the template.',
    deprecationReason: 'Use subjectId',
  })
  modelId!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => SafeIntScalar, { description: 'Its price, in minor units.' }) amount!: number;
  @Field(() => SafeIntScalar, { description: 'Refunded (or being refunded) of this line, in minor units.' })
  refundedAmount!: number;
  @Field(() => OrderStatusEnum, {
    description:
      'PAID, PARTIALLY_REFUNDED or REFUNDED by what was refunded of this line; otherwise the order’s (unpaid, disputed).',
  })
  status!: OrderStatus;
  @Field(() => Payee, { description: 'Who sold it.' }) seller!: Payee;
  @Field(() => ID, { nullable: true, description: 'The licence this line granted.' }) licenseId!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Paid, but the licence could not be granted (e.g. VERSION_EXCLUSIVELY_LICENSED: sold exclusively meanwhile): ' +
      'this line was refunded in full and the others granted.',
  })
  unavailableReason!: string | null;
}

const LINES = 'An order has lines (one per licence): read `lines`. This is its first line’s.';

@ObjectType({ description: 'A purchase of one or more licences, paid at once, as its buyer sees it (the receipt).' })
export class Order {
  @Field(() => ID) id!: string;
  @Field(() => OrderStatusEnum) status!: OrderStatus;
  @Field({ description: 'The receipt’s title: the licence bought, or the first and how many more.' }) itemName!: string;
  @Field(() => [OrderLine], { description: 'One line per licence, in the order they were bought.' })
  lines!: OrderLine[];
  @Field({ description: 'The licence tier bought.', deprecationReason: LINES }) tier!: string;
  @Field(() => ID, { deprecationReason: LINES }) offerId!: string;
  @Field(() => Int, { deprecationReason: LINES }) offerRevision!: number;
  @Field(() => LicenseSubjectKindEnum, {
    description: 'What was bought: a model or a template licence.',
    deprecationReason: LINES,
  })
  subjectKind!: SubjectKind;
  @Field(() => ID, {
    description: 'What was bought: the style model or the workflow template (see subjectKind).',
    deprecationReason: LINES,
  })
  subjectId!: string;
  @Field(() => ID, { description: 'The model, or for a template licence the template.', deprecationReason: LINES })
  modelId!: string;
  @Field(() => ID, { deprecationReason: LINES }) versionId!: string;
  @Field(() => SafeIntScalar, { description: 'The price paid (every line), in minor units.' }) amount!: number;
  @Field() currency!: string;
  @Field(() => SafeIntScalar, { description: 'Refunded so far, in minor units.' }) refundedAmount!: number;
  @Field(() => Payee, { description: 'Who sold it.', deprecationReason: LINES }) seller!: Payee;
  @Field(() => String, { nullable: true, description: 'Where to pay, while the order is pending (buyer only).' })
  checkoutUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last payment attempt failed (buyer only).' })
  lastPaymentError!: string | null;
  @Field(() => ID, { nullable: true, description: 'The licence this order granted.', deprecationReason: LINES })
  licenseId!: string | null;
  @Field(() => [Refund]) refunds!: Refund[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) paidAt!: Date | null;
  buyerId!: string;
}

@ObjectType()
export class Checkout {
  @Field(() => Order) order!: Order;
  @Field({ description: 'Send the buyer here to pay.' }) checkoutUrl!: string;
}

@ObjectType({ description: "One recipient's part of a sale and the transfer that pays it." })
export class SaleSplit {
  @Field(() => Payee) recipient!: Payee;
  @Field(() => SplitRoleEnum) role!: SplitRole;
  @Field(() => Int, { description: 'Share of the price after the platform fee, in basis points.' }) shareBps!: number;
  @Field(() => SafeIntScalar) amount!: number;
  @Field(() => SafeIntScalar, { description: 'Taken back by refunds or a lost dispute.' }) clawedBack!: number;
  @Field(() => TransferStatusEnum) transferStatus!: TransferStatus;
  @Field(() => GraphQLISODateTime) transferableAt!: Date;
  @Field(() => SafeIntScalar, { nullable: true }) transferAmount!: number | null;
  @Field(() => String, { nullable: true, description: 'The provider transfer id.' }) transferId!: string | null;
  @Field(() => SafeIntScalar) reversedAmount!: number;
}

@ObjectType({
  description: 'A sale (one order line) as the creators paid by it see it: price → fee → each split → transfer.',
})
export class Sale {
  @Field(() => ID) orderId!: string;
  @Field(() => ID, { description: 'The order line sold (an order may buy several licences at once).' }) lineId!: string;
  @Field(() => OrderStatusEnum, { description: 'This line’s status (see OrderLine.status).' }) status!: OrderStatus;
  @Field() itemName!: string;
  @Field(() => ID, { description: 'What was sold: the style model, or the workflow template.' }) subjectId!: string;
  subjectKind!: SubjectKind;
  @Field() tier!: string;
  @Field(() => SafeIntScalar) price!: number;
  @Field() currency!: string;
  @Field(() => Int) platformFeeBps!: number;
  @Field(() => SafeIntScalar) platformFee!: number;
  @Field(() => SafeIntScalar, {
    nullable: true,
    description:
      'What the payment processor kept of this line (its share of the charge’s fee; borne by the platform, not the creators).',
  })
  processorFee!: number | null;
  @Field(() => SafeIntScalar) refundedAmount!: number;
  @Field(() => [SaleSplit]) splits!: SaleSplit[];
  @Field(() => SafeIntScalar, {
    description: "Your own part of this sale: your split's amount less what refunds or a lost dispute took back.",
  })
  yourShare!: number;
  @Field(() => GraphQLISODateTime) paidAt!: Date;
}

@ObjectType({ description: 'What you earned on one day (UTC).' })
export class EarningsDay {
  @Field({ description: 'The day, YYYY-MM-DD (UTC).' }) day!: string;
  @Field(() => SafeIntScalar, { description: 'Your share of that day’s sales, in minor units (0 without sales).' })
  amount!: number;
}

@ObjectType({ description: 'Your own earnings in one currency, day by day.' })
export class EarningsSeries {
  @Field() currency!: string;
  @Field(() => SafeIntScalar, { description: 'Your share over the whole window, in minor units.' }) total!: number;
  @Field(() => [EarningsDay], { description: 'Every day of the window, oldest first; zero where nothing sold.' })
  days!: EarningsDay[];
}

@ObjectType({ description: "A creator's money in one currency." })
export class Balance {
  @Field() currency!: string;
  @Field(() => SafeIntScalar, {
    description: 'Earned, not transferred yet (hold period, or no payout account). Negative: a debt to net first.',
  })
  pending!: number;
  @Field(() => SafeIntScalar, { description: 'Transferred to your payout account, not yet paid out to your bank.' })
  available!: number;
  @Field(() => SafeIntScalar, { description: 'Paid out to your bank.' }) paidOut!: number;
  @Field(() => SafeIntScalar, { description: 'Everything earned (after refunds and lost disputes).' })
  lifetimeEarnings!: number;
}

@ObjectType()
export class Payout {
  @Field(() => ID) id!: string;
  @Field(() => SafeIntScalar) amount!: number;
  @Field() currency!: string;
  @Field(() => PayoutStatusEnum) status!: PayoutStatus;
  @Field(() => String, { nullable: true }) failureCode!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) arrivalDate!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class PayoutAccount {
  @Field(() => PayoutAccountStatusEnum) status!: PayoutAccountStatus;
  @Field() payoutsEnabled!: boolean;
  @Field(() => [String], { description: 'What the provider still needs from you.' }) requirementsDue!: string[];
  @Field(() => String, { nullable: true, description: 'Why the last payout to your bank failed.' })
  payoutFailureCode!: string | null;
}

@ObjectType()
export class PayoutOnboarding {
  @Field({ description: 'Send the creator here to set up payouts (single use, expires in minutes).' }) url!: string;
  @Field(() => PayoutAccount) account!: PayoutAccount;
}

export const OrderConnection = Connection(Order, 'Order');
export const SaleConnection = Connection(Sale, 'Sale');
export const PayoutConnection = Connection(Payout, 'Payout');

@ObjectType({ description: 'Something in the money flows that needs a person to look at it.' })
export class MoneyReviewItem {
  @Field(() => MoneyReviewKindEnum) kind!: MoneyReviewKind;
  @Field(() => ID, { nullable: true }) orderId!: string | null;
  @Field(() => SafeIntScalar, { nullable: true, description: 'Minor units.' }) amount!: number | null;
  @Field(() => String, { nullable: true }) currency!: string | null;
  @Field({ description: 'The record it is about (refund, reversal or event id) and what happened.' }) detail!: string;
  @Field(() => GraphQLISODateTime) since!: Date;
}
