import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { insertIfAbsent, paginateNewestFirst } from '@lookbook/core';
import { ConnectedAccountEntity } from './connected-account.entity';
import type { PayoutEntity } from './payout.entity';
import { PayoutEntity as Payout } from './payout.entity';

/** Creators' payout accounts at the provider, and the payouts from them to their banks. */
@Injectable()
export class PayoutRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private accounts(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(ConnectedAccountEntity);
  }

  account(creatorId: string, manager?: EntityManager): Promise<ConnectedAccountEntity | null> {
    return this.accounts(manager).findOneBy({ creatorId });
  }

  accountByProviderId(providerAccountId: string, manager?: EntityManager): Promise<ConnectedAccountEntity | null> {
    return this.accounts(manager).findOneBy({ providerAccountId });
  }

  lockAccountByProviderId(manager: EntityManager, providerAccountId: string): Promise<ConnectedAccountEntity | null> {
    return this.accounts(manager)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.providerAccountId = :providerAccountId', { providerAccountId })
      .getOne();
  }

  /** The first onboarding records the account; a concurrent second one keeps the first. */
  async insertAccountIfMissing(creatorId: string, providerAccountId: string, at: Date): Promise<void> {
    await insertIfAbsent(this.accounts(), {
      creatorId,
      providerAccountId,
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
      requirementsDue: [],
      payoutFailureCode: null,
      payoutFailedAt: null,
      createdAt: at,
      updatedAt: at,
    });
  }

  async updateAccount(creatorId: string, changes: Partial<ConnectedAccountEntity>, manager?: EntityManager) {
    await this.accounts(manager).update({ creatorId }, changes);
  }

  /** A payout as the provider reports it; a settled payout (paid, failed, canceled) only changes to FAILED. */
  async recordPayout(manager: EntityManager, payout: PayoutEntity): Promise<void> {
    await manager.query(
      `INSERT INTO commerce.payout (provider_payout_id, creator_id, amount, currency, status, failure_code,
         arrival_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (provider_payout_id) DO UPDATE SET status = EXCLUDED.status,
         failure_code = EXCLUDED.failure_code, updated_at = EXCLUDED.updated_at
       WHERE commerce.payout.status NOT IN ('PAID', 'FAILED', 'CANCELED') OR EXCLUDED.status = 'FAILED'`,
      [
        payout.id,
        payout.creatorId,
        payout.amount,
        payout.currency,
        payout.status,
        payout.failureCode,
        payout.arrivalDate,
        payout.createdAt,
        payout.updatedAt,
      ],
    );
  }

  pageForCreator<T>(creatorId: string, args: ConnectionArgs, map: (p: PayoutEntity) => T): Promise<Page<T>> {
    return paginateNewestFirst(
      this.dataSource.getRepository(Payout).createQueryBuilder('p').where('p.creatorId = :creatorId', { creatorId }),
      args,
      'createdAt',
      map,
    );
  }
}
