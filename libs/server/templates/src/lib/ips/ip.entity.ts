import { Column, Entity, PrimaryColumn } from 'typeorm';

export const IP_KINDS = ['FRANCHISE', 'CHARACTER'] as const;
export type IpKind = (typeof IP_KINDS)[number];

/** A franchise or character whose owner sets the terms fans remix it under. */
@Entity({ schema: 'templates', name: 'intellectual_property' })
export class IntellectualPropertyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: IpKind;
  @Column('text') description!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
