import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind } from '@lookbook/core';

/** One in-app notification of one member, written in the transaction of its cause. */
@Entity({ schema: 'notifications', name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId!: string;
  @Column('text') kind!: NotificationKind;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'subject_kind', nullable: true }) subjectKind!: string | null;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('text') text!: string;
  @Column('text') url!: string;
  @Column('text', { name: 'dedupe_key' }) dedupeKey!: string;
  /** Notifications sharing a key read as one line (see `groupKeyOf`); a notification alone has its own id. */
  @Column('text', { name: 'group_key' }) groupKey!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}
