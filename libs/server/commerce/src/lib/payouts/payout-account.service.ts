import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock } from '@lookbook/core';
import { CommerceErrors } from '../commerce.errors';
import { ConnectedAccountEntity } from '../orders/order.entities';
import type { AccountState } from '../provider/payment-provider';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import { TransferService } from './transfer.service';

export interface PayoutRecord {
  providerPayoutId: string;
  creatorId: string;
  amount: number;
  currency: string;
  status: 'IN_TRANSIT' | 'PAID' | 'FAILED' | 'CANCELED';
  failureCode: string | null;
  arrivalDate: Date | null;
  createdAt: Date;
}

/**
 * Creators' payout accounts (Stripe Connect Express): created on first onboarding with the key `connect:<creator>`,
 * kept current from `account.updated`, and the provider's payouts to the creator's bank recorded from `payout.*`.
 */
@Injectable()
export class PayoutAccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly transfers: TransferService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  account(creatorId: string): Promise<ConnectedAccountEntity | null> {
    return this.dataSource.getRepository(ConnectedAccountEntity).findOneBy({ creatorId });
  }

  /** A fresh onboarding link (links are single-use and short-lived); creates the account the first time. */
  async startOnboarding(
    creatorId: string,
    returnPath = '/earnings',
  ): Promise<{ url: string; account: ConnectedAccountEntity }> {
    if (!/^\/(?!\/)[\w\-./?=&%]*$/.test(returnPath) || returnPath.length > 200)
      throw CommerceErrors.invalidReturnPath();
    try {
      let account = await this.account(creatorId);
      if (account?.payoutsEnabled && !account.requirementsDue.length) throw CommerceErrors.alreadyOnboarded();
      if (!account) {
        const state = await this.provider.createConnectedAccount({ creatorId }, `connect:${creatorId}`);
        const now = this.clock.now();
        await this.dataSource.query(
          `INSERT INTO commerce.connected_account (creator_id, provider_account_id, created_at, updated_at)
           VALUES ($1, $2, $3, $3) ON CONFLICT (creator_id) DO NOTHING`,
          [creatorId, state.id, now],
        );
        account = (await this.account(creatorId))!;
      }
      const back = `${this.config.http.publicUrl}${returnPath}`;
      const url = await this.provider.createOnboardingLink(account.providerAccountId, {
        refreshUrl: `${back}${back.includes('?') ? '&' : '?'}onboarding=expired`,
        returnUrl: back,
      });
      return { url, account };
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw CommerceErrors.providerUnavailable();
      throw error;
    }
  }

  /** `account.updated`: new capabilities; money that waited for this account is queued the moment it can receive. */
  async updated(state: AccountState): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ConnectedAccountEntity);
      const account = await repo
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.providerAccountId = :id', { id: state.id })
        .getOne();
      if (!account) throw new Error(`account ${state.id} not recorded yet: retry`);
      await repo.update(
        { creatorId: account.creatorId },
        {
          chargesEnabled: state.chargesEnabled,
          payoutsEnabled: state.payoutsEnabled,
          detailsSubmitted: state.detailsSubmitted,
          requirementsDue: state.requirementsDue,
          updatedAt: this.clock.now(),
        },
      );
      if (!state.payoutsEnabled) return 'account cannot receive payouts';
      const released = await this.transfers.releaseWaiting(manager, account.creatorId);
      return `account active; ${released} waiting transfer(s) queued`;
    });
  }

  /** `payout.paid` / `payout.failed` on a connected account. A failure flags the account for the creator to fix. */
  async payout(accountId: string, payout: Omit<PayoutRecord, 'creatorId' | 'createdAt'>): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.getRepository(ConnectedAccountEntity).findOneBy({ providerAccountId: accountId });
      if (!account) return 'unknown account';
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO commerce.payout (provider_payout_id, creator_id, amount, currency, status, failure_code,
           arrival_date, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (provider_payout_id) DO UPDATE SET status = EXCLUDED.status,
           failure_code = EXCLUDED.failure_code, updated_at = EXCLUDED.updated_at
         WHERE commerce.payout.status NOT IN ('PAID', 'FAILED', 'CANCELED') OR EXCLUDED.status = 'FAILED'`,
        [
          payout.providerPayoutId,
          account.creatorId,
          payout.amount,
          payout.currency,
          payout.status,
          payout.failureCode,
          payout.arrivalDate,
          now,
        ],
      );
      await manager
        .getRepository(ConnectedAccountEntity)
        .update(
          { creatorId: account.creatorId },
          payout.status === 'FAILED'
            ? { payoutFailureCode: payout.failureCode ?? 'unknown', payoutFailedAt: now, updatedAt: now }
            : payout.status === 'PAID'
              ? { payoutFailureCode: null, payoutFailedAt: null, updatedAt: now }
              : { updatedAt: now },
        );
      return `payout ${payout.status.toLowerCase()}`;
    });
  }
}
