import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

export type DisputeStatus = 'OPEN' | 'WON' | 'LOST';

/** A chargeback on an order's charge (the provider's id). */
@Entity({ schema: 'commerce', name: 'dispute' })
export class DisputeEntity {
  @PrimaryColumn('text') id!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
  @Column('text') reason!: string;
  @Column('text') status!: DisputeStatus;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
