import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PublicProfileView } from '@lookbook/identity';
import type { MaturityLevel } from '@lookbook/kernel';
import type { BaseModelEntity } from '../base-models/base-model.entity';
import type { ModelStatus } from './model-status';

export const MODEL_TYPES = [
  'LORA',
  'LOCON',
  'DORA',
  'CHECKPOINT',
  'TEXTUAL_INVERSION',
  'HYPERNETWORK',
  'CONTROLNET',
  'VAE',
  'UPSCALER',
  'OTHER',
] as const;
export type ModelType = (typeof MODEL_TYPES)[number];
export { MATURITY_LEVELS } from '@lookbook/kernel';
export type { MaturityLevel };

@Entity({ schema: 'catalog', name: 'style_model' })
export class StyleModelEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text') slug!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @Column('text') type!: ModelType;
  @Column('text', { name: 'base_model_id' }) baseModelId!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') maturity!: MaturityLevel;
  @Column('text') status!: ModelStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  /** Joined on reads that show the creator (identity's public profile view); absent otherwise. */
  owner?: PublicProfileView | null;
  /** Joined on the same reads. */
  baseModel?: BaseModelEntity | null;
}

/** Read pages' model rows carry the companion columns other domains register for this table (counts, likes). */
export const MODEL_TABLE = 'catalog.style_model';
