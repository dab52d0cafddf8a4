import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, SafeIntScalar } from '@lookbook/core';

export enum OrderStatusValue {
  PENDING = 'PENDING',
  PAID = 'PAID',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  REFUNDED = 'REFUNDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  DISPUTED = 'DISPUTED',
  DISPUTE_LOST = 'DISPUTE_LOST',
}
export enum RefundReasonValue {
  REQUESTED_BY_BUYER = 'REQUESTED_BY_BUYER',
  ISSUED_BY_CREATOR = 'ISSUED_BY_CREATOR',
  ISSUED_BY_SUPPORT = 'ISSUED_BY_SUPPORT',
  LICENSE_UNAVAILABLE = 'LICENSE_UNAVAILABLE',
  PROVIDER = 'PROVIDER',
}
export enum RefundStatusValue {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
export enum TransferStatusValue {
  SCHEDULED = 'SCHEDULED',
  WAITING_FOR_ACCOUNT = 'WAITING_FOR_ACCOUNT',
  SENDING = 'SENDING',
  SENT = 'SENT',
  NETTED = 'NETTED',
  CANCELLED = 'CANCELLED',
}
export enum SplitRoleValue {
  SELLER = 'SELLER',
  IP_OWNER = 'IP_OWNER',
  REMIX_PARENT = 'REMIX_PARENT',
}
export enum PayoutStatusValue {
  IN_TRANSIT = 'IN_TRANSIT',
  PAID = 'PAID',
  FAILED = 'FAILED',
  CANCELED = 'CANCELED',
}
export enum PayoutAccountStatusValue {
  NOT_STARTED = 'NOT_STARTED',
  ONBOARDING = 'ONBOARDING',
  ACTIVE = 'ACTIVE',
  PAYOUT_FAILED = 'PAYOUT_FAILED',
}
registerEnumType(OrderStatusValue, { name: 'OrderStatus' });
registerEnumType(RefundReasonValue, { name: 'RefundReason' });
registerEnumType(RefundStatusValue, { name: 'RefundStatus' });
registerEnumType(TransferStatusValue, {
  name: 'TransferStatus',
  description:
    'SCHEDULED: waiting for the hold period. WAITING_FOR_ACCOUNT: the payout account cannot receive money yet. ' +
    'NETTED: absorbed by an earlier debt. CANCELLED: refunded before it was sent.',
});
registerEnumType(SplitRoleValue, { name: 'SplitRole' });
registerEnumType(PayoutStatusValue, { name: 'PayoutStatus' });
registerEnumType(PayoutAccountStatusValue, { name: 'PayoutAccountStatus' });

@ObjectType()
export class Refund {
  @Field(() => ID) id!: string;
  @Field(() => SafeIntScalar, { description: 'Minor units.' }) amount!: number;
  @Field(() => RefundReasonValue) reason!: RefundReasonValue;
  @Field(() => RefundStatusValue) status!: RefundStatusValue;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType({ description: 'Someone who shares in a sale (public profile only).' })
export class Payee {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) handle!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType({ description: 'A purchase, as its buyer sees it (the receipt).' })
export class Order {
  @Field(() => ID) id!: string;
  @Field(() => OrderStatusValue) status!: OrderStatusValue;
  @Field() itemName!: string;
  @Field({ description: 'The licence tier bought.' }) tier!: string;
  @Field(() => ID) offerId!: string;
  @Field(() => Int) offerRevision!: number;
  @Field(() => ID) modelId!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => SafeIntScalar, { description: 'The price paid, in minor units.' }) amount!: number;
  @Field() currency!: string;
  @Field(() => SafeIntScalar, { description: 'Refunded so far, in minor units.' }) refundedAmount!: number;
  @Field(() => Payee, { description: 'Who sold it.' }) seller!: Payee;
  @Field(() => String, { nullable: true, description: 'Where to pay, while the order is pending (buyer only).' })
  checkoutUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the last payment attempt failed (buyer only).' })
  lastPaymentError!: string | null;
  @Field(() => ID, { nullable: true, description: 'The licence this order granted.' }) licenseId!: string | null;
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
  @Field(() => SplitRoleValue) role!: SplitRoleValue;
  @Field(() => Int, { description: 'Share of the price after the platform fee, in basis points.' }) shareBps!: number;
  @Field(() => SafeIntScalar) amount!: number;
  @Field(() => SafeIntScalar, { description: 'Taken back by refunds or a lost dispute.' }) clawedBack!: number;
  @Field(() => TransferStatusValue) transferStatus!: TransferStatusValue;
  @Field(() => GraphQLISODateTime) transferableAt!: Date;
  @Field(() => SafeIntScalar, { nullable: true }) transferAmount!: number | null;
  @Field(() => String, { nullable: true, description: 'The provider transfer id.' }) transferId!: string | null;
  @Field(() => SafeIntScalar) reversedAmount!: number;
}

@ObjectType({ description: 'A sale as the creators paid by it see it: price → fee → each split → transfer.' })
export class Sale {
  @Field(() => ID) orderId!: string;
  @Field(() => OrderStatusValue) status!: OrderStatusValue;
  @Field() itemName!: string;
  @Field() tier!: string;
  @Field(() => SafeIntScalar) price!: number;
  @Field() currency!: string;
  @Field(() => Int) platformFeeBps!: number;
  @Field(() => SafeIntScalar) platformFee!: number;
  @Field(() => SafeIntScalar, {
    nullable: true,
    description: 'What the payment processor kept (borne by the platform, not the creators).',
  })
  processorFee!: number | null;
  @Field(() => SafeIntScalar) refundedAmount!: number;
  @Field(() => [SaleSplit]) splits!: SaleSplit[];
  @Field(() => GraphQLISODateTime) paidAt!: Date;
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
  @Field(() => PayoutStatusValue) status!: PayoutStatusValue;
  @Field(() => String, { nullable: true }) failureCode!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) arrivalDate!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class PayoutAccount {
  @Field(() => PayoutAccountStatusValue) status!: PayoutAccountStatusValue;
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
