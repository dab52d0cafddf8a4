import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

export const REVERSAL_STATUSES = ['PENDING', 'REVERSED', 'UNRECOVERABLE', 'CANCELLED'] as const;
export type ReversalStatus = (typeof REVERSAL_STATUSES)[number];

/** Taking one recipient's transferred part of one line back, for one cause (a refund or a lost dispute; unique per cause). */
@Entity({ schema: 'commerce', name: 'reversal' })
export class ReversalEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('smallint') line!: number;
  @Column('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('text') cause!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('bigint', { transformer: bigintNumber }) recovered!: number;
  @Column('text') status!: ReversalStatus;
  @Column('text', { name: 'provider_reversal_id', nullable: true }) providerReversalId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
