import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { Permissions, Tier } from '../offers/permissions';
import type { SubjectKind } from '../subjects/subject';

export const LICENSE_STATUSES = ['ACTIVE', 'REVOKED'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
export const LICENSE_SOURCES = ['PURCHASE', 'FREE_CLAIM', 'GIFT'] as const;
export type LicenseSource = (typeof LICENSE_SOURCES)[number];
export const REVOCATION_REASONS = [
  'REFUNDED',
  'DISPUTE_LOST',
  'FRAUD',
  'TERMS_VIOLATION',
  'TAKEDOWN',
  'ISSUED_IN_ERROR',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** A licence held by one person: an immutable snapshot of the terms and files, and the certificate that proves it. */
@Entity({ schema: 'licensing', name: 'grant' })
export class LicenseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'licensee_id' }) licenseeId!: string;
  @Column('text', { name: 'subject_kind' }) subjectKind!: SubjectKind;
  /** The licensed subject (a style model, or a workflow template: see `subjectKind`) and its version. */
  @Column('uuid', { name: 'subject_id' }) subjectId!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text', { name: 'resource_urn' }) resourceUrn!: string;
  @Column('text', { name: 'resource_name' }) resourceName!: string;
  @Column('uuid', { name: 'offer_id' }) offerId!: string;
  @Column('integer', { name: 'offer_revision' }) offerRevision!: number;
  @Column('text') tier!: Tier;
  @Column('jsonb') permissions!: Permissions;
  @Column('text', { name: 'terms_text' }) termsText!: string;
  @Column('text', { name: 'terms_sha256' }) termsSha256!: string;
  @Column('text', { name: 'file_sha256s', array: true }) fileSha256s!: string[];
  @Column('bigint', { name: 'price_amount', transformer: bigintNumber }) priceAmount!: number;
  @Column('text', { name: 'price_currency' }) priceCurrency!: string;
  @Column('text') source!: LicenseSource;
  @Column('text', { name: 'order_ref', nullable: true }) orderRef!: string | null;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
  @Column('text', { name: 'key_id' }) keyId!: string;
  @Column('text') certificate!: string;
  @Column('text') status!: LicenseStatus;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('text', { name: 'revocation_reason', nullable: true }) revocationReason!: RevocationReason | null;
  @Column('text', { name: 'revocation_note', nullable: true }) revocationNote!: string | null;
}
