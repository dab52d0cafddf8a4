import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OUTBOX_MAIL_STATUSES = ['PENDING', 'SENT'] as const;
export type OutboxMailStatus = (typeof OUTBOX_MAIL_STATUSES)[number];

/**
 * A mail, written in the transaction of whatever caused it and sent by a job. The row carries the delivery state:
 * attempts and the last error while the relay is unreachable, `sent_at` once the relay accepted it.
 */
@Entity({ schema: 'notifications', name: 'outbox_mail' })
export class OutboxMailEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('text') kind!: string;
  @Column('text', { name: 'to_address' }) toAddress!: string;
  @Column('text') subject!: string;
  @Column('text', { name: 'text_body' }) textBody!: string;
  @Column('text') status!: OutboxMailStatus;
  @Column('int') attempts!: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_attempt_at', nullable: true }) lastAttemptAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt!: Date | null;
  /** Extra headers sent with the mail (List-Unsubscribe…). */
  @Column('jsonb', { default: {} }) headers!: Record<string, string>;
}
