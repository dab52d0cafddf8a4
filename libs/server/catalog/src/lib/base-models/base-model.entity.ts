import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'catalog', name: 'base_model' })
export class BaseModelEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') ecosystem!: string;
  @Column('text', { name: 'licence_name' }) licenseName!: string;
  @Column('text', { name: 'licence_url', nullable: true }) licenseUrl!: string | null;
  /** A short note on what the licence asks (a revenue cap, use restrictions), shown beside its name. */
  @Column('text', { name: 'licence_conditions', nullable: true }) licenseConditions!: string | null;
  @Column('boolean', { name: 'non_commercial' }) nonCommercial!: boolean;
  @Column('integer', { name: 'sort_order' }) sortOrder!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
