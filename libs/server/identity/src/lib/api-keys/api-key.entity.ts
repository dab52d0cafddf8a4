import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApiScope } from '@lookbook/core';

@Entity({ schema: 'identity', name: 'api_key' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') name!: string;
  /** Public lookup part of the key, shown in lists. */
  @Column('text') prefix!: string;
  /** SHA-256 of the secret part (256 random bits, so a slow hash adds nothing). */
  @Column('bytea', { name: 'secret_hash' }) secretHash!: Buffer;
  @Column('text', { array: true }) scopes!: ApiScope[];
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
}
