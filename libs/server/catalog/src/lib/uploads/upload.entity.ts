import { Column, Entity, PrimaryColumn } from 'typeorm';

export type UploadStatus = 'UPLOADING' | 'COMPLETED' | 'ABORTED';

@Entity({ schema: 'catalog', name: 'upload' })
export class UploadEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'file_id' }) fileId!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text') bucket!: string;
  @Column('text', { name: 'staging_key' }) stagingKey!: string;
  @Column('text', { name: 'storage_upload_id', nullable: true }) storageUploadId!: string | null;
  @Column('integer', { name: 'part_size' }) partSize!: number;
  @Column('integer', { name: 'part_count' }) partCount!: number;
  @Column('text') status!: UploadStatus;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
