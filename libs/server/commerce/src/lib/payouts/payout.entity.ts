import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

export const PAYOUT_STATUSES = ['IN_TRANSIT', 'PAID', 'FAILED', 'CANCELED'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** A payout from a creator's provider balance to their bank, as the provider reported it. */
@Entity({ schema: 'commerce', name: 'payout' })
export class PayoutEntity {
  @PrimaryColumn('text', { name: 'provider_payout_id' }) id!: string;
  @Column('uuid', { name: 'creator_id' }) creatorId!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') currency!: string;
  @Column('text') status!: PayoutStatus;
  @Column('text', { name: 'failure_code', nullable: true }) failureCode!: string | null;
  @Column('timestamptz', { name: 'arrival_date', nullable: true }) arrivalDate!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
