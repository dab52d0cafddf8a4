import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

/** What a refund gives back for one line of its order. */
@Entity({ schema: 'commerce', name: 'refund_line' })
export class RefundLineEntity {
  @PrimaryColumn('uuid', { name: 'refund_id' }) refundId!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @PrimaryColumn('smallint') line!: number;
  @Column('bigint', { transformer: bigintNumber }) amount!: number;
}
