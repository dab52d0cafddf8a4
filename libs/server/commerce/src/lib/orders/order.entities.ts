import { Column, Entity, PrimaryColumn } from 'typeorm';
import { isUuid } from '@lookbook/kernel';
import { bigintNumber } from '@lookbook/core';
import type { SplitRole } from '../split-plan';

export type OrderStatus =
  'PENDING' | 'PAID' | 'EXPIRED' | 'CANCELLED' | 'REFUNDED' | 'PARTIALLY_REFUNDED' | 'DISPUTED' | 'DISPUTE_LOST';

/** Separate charges and transfers: the order's charge and every transfer of it carry the order's group. */
export const transferGroupOf = (orderId: string) => `order:${orderId}`;

/** The order a transfer group names, or null (not ours). */
export const orderIdOfTransferGroup = (group: unknown): string | null => {
  const id = typeof group === 'string' && group.startsWith('order:') ? group.slice('order:'.length) : null;
  return id && isUuid(id) ? id : null;
};

/** Orders whose money was received (even if some or all of it went back since). */
export const PAID_STATUSES: readonly OrderStatus[] = [
  'PAID',
  'REFUNDED',
  'PARTIALLY_REFUNDED',
  'DISPUTED',
  'DISPUTE_LOST',
];

/** One purchase of one licence offer. */
@Entity({ schema: 'commerce', name: 'order' })
export class OrderEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'buyer_id' }) buyerId!: string;
  @Column('uuid', { name: 'seller_id' }) sellerId!: string;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('integer', { name: 'offer_revision' }) offerRevision!: number;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('text') tier!: string;
  @Column('text', { name: 'item_name' }) itemName!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') currency!: string;
  @Column('bigint', { name: 'platform_fee', transformer: bigintNumber }) platformFee!: number;
  @Column('integer', { name: 'platform_fee_bps' }) platformFeeBps!: number;
  /** The platform's part of refunds and lost disputes. */
  @Column('bigint', { name: 'platform_fee_clawed_back', transformer: bigintNumber }) platformFeeClawedBack!: number;
  @Column('text') status!: OrderStatus;
  @Column('text', { name: 'checkout_session_id', nullable: true }) checkoutSessionId!: string | null;
  @Column('text', { name: 'checkout_url', nullable: true }) checkoutUrl!: string | null;
  @Column('timestamptz', { name: 'checkout_expires_at', nullable: true }) checkoutExpiresAt!: Date | null;
  @Column('text', { name: 'payment_intent_id', nullable: true }) paymentIntentId!: string | null;
  @Column('text', { name: 'charge_id', nullable: true }) chargeId!: string | null;
  @Column('bigint', { name: 'processor_fee', nullable: true, transformer: bigintNumber }) processorFee!: number | null;
  @Column('text', { name: 'last_payment_error', nullable: true }) lastPaymentError!: string | null;
  @Column('uuid', { name: 'grant_id', nullable: true }) grantId!: string | null;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason!: string | null;
  @Column('bigint', { name: 'refunded_amount', transformer: bigintNumber }) refundedAmount!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

export type TransferStatus = 'SCHEDULED' | 'WAITING_FOR_ACCOUNT' | 'SENDING' | 'SENT' | 'NETTED' | 'CANCELLED';

/** One recipient's part of an order, and the transfer that pays it. */
@Entity({ schema: 'commerce', name: 'order_split' })
export class OrderSplitEntity {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId!: string;
  @PrimaryColumn('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('text') role!: SplitRole;
  @Column('integer', { name: 'share_bps' }) shareBps!: number;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  /** Taken back by refunds and lost disputes (before or after the transfer). */
  @Column('bigint', { name: 'clawed_back', transformer: bigintNumber }) clawedBack!: number;
  @Column('text', { name: 'transfer_status' }) transferStatus!: TransferStatus;
  @Column('timestamptz', { name: 'transferable_at' }) transferableAt!: Date;
  @Column('integer', { name: 'transfer_attempt' }) transferAttempt!: number;
  @Column('bigint', { name: 'transfer_amount', nullable: true, transformer: bigintNumber }) transferAmount!:
    number | null;
  @Column('text', { name: 'transfer_id', nullable: true }) transferId!: string | null;
  @Column('bigint', { name: 'reversed_amount', transformer: bigintNumber }) reversedAmount!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A creator's payout account at the provider (Stripe Connect Express). */
@Entity({ schema: 'commerce', name: 'connected_account' })
export class ConnectedAccountEntity {
  @PrimaryColumn('uuid', { name: 'creator_id' }) creatorId!: string;
  @Column('text', { name: 'provider_account_id' }) providerAccountId!: string;
  @Column('boolean', { name: 'charges_enabled' }) chargesEnabled!: boolean;
  @Column('boolean', { name: 'payouts_enabled' }) payoutsEnabled!: boolean;
  @Column('boolean', { name: 'details_submitted' }) detailsSubmitted!: boolean;
  @Column('text', { name: 'requirements_due', array: true }) requirementsDue!: string[];
  @Column('text', { name: 'payout_failure_code', nullable: true }) payoutFailureCode!: string | null;
  @Column('timestamptz', { name: 'payout_failed_at', nullable: true }) payoutFailedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
