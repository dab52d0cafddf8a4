import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { SubjectKind } from '@lookbook/licensing';
import type { OrderStatus } from './order-status';

/** One purchase of one licence offer. */
@Entity({ schema: 'commerce', name: 'order' })
export class OrderEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'buyer_id' }) buyerId!: string;
  @Column('uuid', { name: 'seller_id' }) sellerId!: string;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('integer', { name: 'offer_revision' }) offerRevision!: number;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  /** The sold subject (a model, or a template) and its version. */
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('text', { name: 'subject_kind' }) subjectKind!: SubjectKind;
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
