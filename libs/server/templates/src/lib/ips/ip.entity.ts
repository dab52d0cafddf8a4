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

export const LINEAGE_RELATIONS = ['REMIX', 'MERGE', 'FINETUNE', 'ADAPTER'] as const;

/** A remix relation between two resources, with the share the child passes up and the IP owner's decision. */
export interface LineageEdge {
  childId: string;
  parentId: string;
  relation: (typeof LINEAGE_RELATIONS)[number];
  shareBps: number;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  createdAt: Date;
}
