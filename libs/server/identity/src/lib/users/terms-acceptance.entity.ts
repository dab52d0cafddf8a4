import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which version of the terms a user accepted, and when (one row per user and version). */
@Entity({ schema: 'identity', name: 'terms_acceptance' })
export class TermsAcceptanceEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('text') version!: string;
  @Column('timestamptz', { name: 'accepted_at' }) acceptedAt!: Date;
  @Column('text', { nullable: true }) ip!: string | null;
}
