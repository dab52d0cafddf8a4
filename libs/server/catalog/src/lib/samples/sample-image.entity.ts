import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { GenerationInfo } from './generation-metadata';

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

@Entity({ schema: 'catalog', name: 'sample_image' })
export class SampleImageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text', { name: 'content_type' }) contentType!: ImageType;
  @Column('integer') width!: number;
  @Column('integer') height!: number;
  @Column('bigint', { name: 'byte_size', transformer: bigintNumber })
  byteSize!: number;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  /** WebP renditions, narrowest first; keys are public media keys. */
  @Column('jsonb') thumbnails!: { width: number; height: number; key: string }[];
  /** ThumbHash of the image, base64. */
  @Column('text', { nullable: true }) placeholder!: string | null;
  @Column('jsonb', { nullable: true }) generation!: GenerationInfo | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
