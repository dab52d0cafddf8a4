import type { MaturityLevel } from '@lookbook/kernel';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@lookbook/core';

@Entity({ schema: 'identity', name: 'user' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('citext') handle!: string;
  @Column('citext') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { array: true }) roles!: Role[];
  /** The highest content maturity this viewer wants to see (search's default maturity filter). */
  @Column('text', { name: 'max_maturity' }) maxMaturity!: MaturityLevel;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'password_changed_at' }) passwordChangedAt!: Date;
  /** When the current address was proven (a link mailed to it was followed); null until then. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt!: Date | null;
}
