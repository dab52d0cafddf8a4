import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { SubjectKind } from '@lookbook/licensing';

/**
 * One licence bought in an order: the offer revision, the subject and its seller, the price and the platform fee as
 * they were at checkout, its share of the processor fee, the licence granted, and what was refunded of it. Its
 * `position` (1…) names it in every external reference (`OrderRefs`).
 */
@Entity({ schema: 'commerce', name: 'order_line' })
export class OrderLineEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('smallint') position!: number;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('integer', { name: 'offer_revision' }) offerRevision!: number;
  /** The sold subject (a style model, or a workflow template) and its version. */
  @Column('text', { name: 'subject_kind' }) subjectKind!: SubjectKind;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('uuid', { name: 'subject_id' }) subjectId!: string;
  @Column('uuid', { name: 'seller_id' }) sellerId!: string;
  @Column('text') tier!: string;
  @Column('text', { name: 'item_name' }) itemName!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('bigint', { name: 'platform_fee', transformer: bigintNumber }) platformFee!: number;
  @Column('integer', { name: 'platform_fee_bps' }) platformFeeBps!: number;
  /** The platform's part of refunds and lost disputes of this line. */
  @Column('bigint', { name: 'platform_fee_clawed_back', transformer: bigintNumber }) platformFeeClawedBack!: number;
  /** This line's share of the processor fee (largest remainder over the lines' amounts), once paid. */
  @Column('bigint', { name: 'processor_fee', nullable: true, transformer: bigintNumber }) processorFee!: number | null;
  @Column('uuid', { name: 'grant_id', nullable: true }) grantId!: string | null;
  /** Paid, but the licence could not be granted (its licensing code): the line was refunded in full. */
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason!: string | null;
  /** Refunds requested or made on this line (pending ones reserved). */
  @Column('bigint', { name: 'refunded_amount', transformer: bigintNumber }) refundedAmount!: number;
  /** The order's payment time, kept on the line for the sales list. */
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt!: Date | null;
}
