import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { SubjectKind } from '../subjects/subject';
import type { Permissions, Tier } from './permissions';

@Entity({ schema: 'licensing', name: 'offer' })
export class OfferEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'subject_kind' }) subjectKind!: SubjectKind;
  /** The subject's version: a model version, or a template version. */
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text') tier!: Tier;
  @Column('integer') revision!: number;
  @Column('bigint', { name: 'price_amount', transformer: bigintNumber })
  priceAmount!: number;
  @Column('text', { name: 'price_currency' }) priceCurrency!: string;
  @Column('jsonb') permissions!: Permissions;
  @Column('text', { name: 'terms_text' }) termsText!: string;
  @Column('text', { name: 'terms_sha256' }) termsSha256!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
}
