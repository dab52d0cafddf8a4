import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BaseModelEntity } from './base-model.entity';

/**
 * A well-known model file that is not on Lookbook (SD 1.5, SDXL, FLUX.1, SD 3.5, their text encoders and VAEs), by
 * its publisher's SHA-256 or, where none is published, by file name. It carries its base model's licence unless it
 * states its own (`licenseName` with `nonCommercial`): text encoders and VAEs often come from elsewhere.
 */
@Entity({ schema: 'catalog', name: 'known_model_file' })
export class KnownModelFileEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { nullable: true }) sha256!: string | null;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('text', { name: 'base_model_id', nullable: true }) baseModelId!: string | null;
  @Column('text', { name: 'licence_name', nullable: true }) licenseName!: string | null;
  @Column('text', { name: 'licence_url', nullable: true }) licenseUrl!: string | null;
  @Column('text', { name: 'licence_conditions', nullable: true }) licenseConditions!: string | null;
  @Column('boolean', { name: 'non_commercial', nullable: true }) nonCommercial!: boolean | null;
  @Column('text', { name: 'source_url' }) sourceUrl!: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  /** Joined on read (never saved). */
  baseModel?: BaseModelEntity | null;
}
