import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AccountTokenPurpose } from './account-token.rules';

/**
 * A one-time account token (a link mailed to an address). Only the SHA-256 of the token is stored: the database
 * alone cannot be used to verify, reset or change anything.
 */
@Entity({ schema: 'identity', name: 'account_token' })
export class AccountTokenEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') purpose!: AccountTokenPurpose;
  @Column('bytea', { name: 'token_hash' }) tokenHash!: Buffer;
  /** The address the link was mailed to (for CHANGE_EMAIL: the new address). */
  @Column('citext') email!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt!: Date | null;
  /** Set when a newer token of the same purpose was issued to the same user. */
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt!: Date | null;
}
