import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'catalog', name: 'base_model' })
export class BaseModelEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') ecosystem!: string;
  @Column('text', { name: 'licence_name' }) licenseName!: string;
  @Column('boolean', { name: 'non_commercial' }) nonCommercial!: boolean;
  @Column('integer', { name: 'sort_order' }) sortOrder!: number;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
