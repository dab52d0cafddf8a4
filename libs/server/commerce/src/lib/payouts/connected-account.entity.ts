import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A creator's payout account at the provider (Stripe Connect Express). */
@Entity({ schema: 'commerce', name: 'connected_account' })
export class ConnectedAccountEntity {
  @PrimaryColumn('uuid', { name: 'creator_id' }) creatorId!: string;
  @Column('text', { name: 'provider_account_id' }) providerAccountId!: string;
  @Column('boolean', { name: 'charges_enabled' }) chargesEnabled!: boolean;
  @Column('boolean', { name: 'payouts_enabled' }) payoutsEnabled!: boolean;
  @Column('boolean', { name: 'details_submitted' }) detailsSubmitted!: boolean;
  @Column('text', { name: 'requirements_due', array: true }) requirementsDue!: string[];
  @Column('text', { name: 'payout_failure_code', nullable: true }) payoutFailureCode!: string | null;
  @Column('timestamptz', { name: 'payout_failed_at', nullable: true }) payoutFailedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
