import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

export const REFUND_REASONS = [
  'REQUESTED_BY_BUYER',
  'ISSUED_BY_CREATOR',
  'ISSUED_BY_SUPPORT',
  'LICENSE_UNAVAILABLE',
  'PROVIDER',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
export const REFUND_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/**
 * Money given back on an order (one provider refund): reserved when requested, effective when the provider confirms it.
 * Its lines say which order lines it is for (`RefundLineEntity`).
 */
@Entity({ schema: 'commerce', name: 'refund' })
export class RefundEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') reason!: RefundReason;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy!: string | null;
  /** Why, in the asker's words (shown on the receipt; becomes the licence's revocation note). */
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text') status!: RefundStatus;
  @Column('text', { name: 'provider_refund_id', nullable: true }) providerRefundId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
