import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProviderEvent } from '../provider/payment-provider';

/** A verified provider event, stored once per id; processed by a job. */
@Entity({ schema: 'commerce', name: 'webhook_event' })
export class WebhookEventEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') type!: string;
  @Column('text', { nullable: true }) account!: string | null;
  @Column('jsonb') payload!: ProviderEvent;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: string | null;
}
