import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationKind } from '@lookbook/core';
import type { EmailChoice } from '../inbox/notification-rules';

/** A member's choice for one kind; no row means the kind's default. */
@Entity({ schema: 'notifications', name: 'preference' })
export class PreferenceEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') kind!: NotificationKind;
  @Column('boolean', { name: 'in_app' }) inApp!: boolean;
  @Column('text') email!: EmailChoice;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
