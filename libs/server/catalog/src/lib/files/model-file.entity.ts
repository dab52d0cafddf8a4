import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';
import type { TrainingMetadata } from '../ingest/training-metadata';

export const FILE_ROLES = ['MODEL', 'VAE', 'CONFIG', 'TRAINING_DATA'] as const;
export type FileRole = (typeof FILE_ROLES)[number];
export const SCAN_STATUSES = ['UPLOADING', 'PENDING', 'READY', 'REJECTED'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const PRECISIONS = ['FP32', 'FP16', 'BF16', 'FP8', 'MIXED', 'OTHER'] as const;
export type Precision = (typeof PRECISIONS)[number];

@Entity({ schema: 'catalog', name: 'model_file' })
export class ModelFileEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'version_id' }) versionId!: string;
  @Column('text') role!: FileRole;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text') format!: 'SAFETENSORS';
  @Column('text', { nullable: true }) precision!: Precision | null;
  @Column('bigint', { name: 'declared_size', transformer: bigintNumber }) declaredSize!: number;
  @Column('text', { name: 'declared_sha256', nullable: true }) declaredSha256!: string | null;
  @Column('bigint', { name: 'size_bytes', nullable: true, transformer: bigintNumber }) sizeBytes!: number | null;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('text', { nullable: true }) autov2!: string | null;
  @Column('text', { nullable: true }) crc32!: string | null;
  @Column('text', { name: 'scan_status' }) scanStatus!: ScanStatus;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason!: string | null;
  @Column('text', { name: 'rejection_message', nullable: true }) rejectionMessage!: string | null;
  @Column('text', { name: 'storage_key', nullable: true }) storageKey!: string | null;
  @Column('integer', { name: 'tensor_count', nullable: true }) tensorCount!: number | null;
  @Column('jsonb', { name: 'header_metadata', nullable: true }) headerMetadata!: Record<string, string> | null;
  @Column('jsonb', { name: 'training_metadata', nullable: true }) trainingMetadata!: TrainingMetadata | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
