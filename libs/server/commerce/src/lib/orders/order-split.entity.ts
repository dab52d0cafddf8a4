import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { SplitRole } from '@lookbook/templates';

export const TRANSFER_STATUSES = [
  'SCHEDULED',
  'WAITING_FOR_ACCOUNT',
  'SENDING',
  'SENT',
  'NETTED',
  'CANCELLED',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** One recipient's part of one order line, and the transfer that pays it. */
@Entity({ schema: 'commerce', name: 'order_split' })
export class OrderSplitEntity {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId!: string;
  /** The line's position in its order. */
  @PrimaryColumn('smallint') line!: number;
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
