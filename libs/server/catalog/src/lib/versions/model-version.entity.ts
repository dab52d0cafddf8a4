import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '@lookbook/core';

export const VERSION_ACCESS = ['FREE', 'LICENSED'] as const;
export type VersionAccess = (typeof VERSION_ACCESS)[number];
export const VERSION_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const PARENT_RELATIONS = ['MERGE', 'FINETUNE', 'ADAPTER', 'REMIX'] as const;
export type ParentRelation = (typeof PARENT_RELATIONS)[number];

@Entity({ schema: 'catalog', name: 'model_version' })
export class ModelVersionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('text') name!: string;
  @Column('text') changelog!: string;
  @Column('text', { name: 'trigger_words', array: true }) triggerWords!: string[];
  @Column('jsonb', { name: 'recommended_settings' }) recommendedSettings!: Record<string, string | number | boolean>;
  @Column('text') access!: VersionAccess;
  @Column('text') status!: VersionStatus;
  @Column('bigint', { name: 'download_count', transformer: bigintNumber })
  downloadCount!: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}

/**
 * A parent a version declares (it merges, fine-tunes or adapts that version): shown on the version and checked by the
 * licence compatibility rules — its "declared parents", or compatibility parents. It moves no money: royalty lineage
 * (who is paid upstream of a sale) is the templates domain's `lineage_edge`, between models and templates.
 */
@Entity({ schema: 'catalog', name: 'version_parent' })
export class VersionParentEntity {
  @PrimaryColumn('uuid', { name: 'version_id' }) versionId!: string;
  @PrimaryColumn('uuid', { name: 'parent_version_id' }) parentVersionId!: string;
  @Column('text') relation!: ParentRelation;
}
