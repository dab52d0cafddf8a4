import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, Transactions, publicBaseUrl } from '@lookbook/core';
import { CommerceErrors } from '../commerce.errors';
import type { AccountState } from '../provider/payment-provider';
import { PaymentProvider, ProviderUnavailableError } from '../provider/payment-provider';
import type { ConnectedAccountEntity } from './connected-account.entity';
import type { PayoutStatus } from './payout.entity';
import { PayoutRepository } from './payout.repository';
import { TransferScheduler } from './transfer-scheduler.service';

export interface PayoutRecord {
  providerPayoutId: string;
  creatorId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
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
    private readonly payouts: PayoutRepository,
    private readonly provider: PaymentProvider,
    private readonly scheduler: TransferScheduler,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  account(creatorId: string): Promise<ConnectedAccountEntity | null> {
    return this.payouts.account(creatorId);
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
        await this.payouts.insertAccountIfMissing(creatorId, state.id, this.clock.now());
        account = (await this.account(creatorId))!;
      }
      const back = `${publicBaseUrl(this.config)}${returnPath}`;
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
    return this.transactions.run(async (manager) => {
      const account = await this.payouts.lockAccountByProviderId(manager, state.id);
      if (!account) throw new Error(`account ${state.id} not recorded yet: retry`);
      await this.payouts.updateAccount(
        account.creatorId,
        {
          chargesEnabled: state.chargesEnabled,
          payoutsEnabled: state.payoutsEnabled,
          detailsSubmitted: state.detailsSubmitted,
          requirementsDue: state.requirementsDue,
          updatedAt: this.clock.now(),
        },
        manager,
      );
      if (!state.payoutsEnabled) return 'account cannot receive payouts';
      const released = await this.scheduler.releaseWaiting(manager, account.creatorId);
      return `account active; ${released} waiting transfer(s) queued`;
    });
  }

  /** `payout.paid` / `payout.failed` on a connected account. A failure flags the account for the creator to fix. */
  async payout(accountId: string, payout: Omit<PayoutRecord, 'creatorId' | 'createdAt'>): Promise<string> {
    return this.transactions.run(async (manager) => {
      const account = await this.payouts.accountByProviderId(accountId, manager);
      if (!account) return 'unknown account';
      const now = this.clock.now();
      await this.payouts.recordPayout(manager, {
        id: payout.providerPayoutId,
        creatorId: account.creatorId,
        amount: payout.amount,
        currency: payout.currency,
        status: payout.status,
        failureCode: payout.failureCode,
        arrivalDate: payout.arrivalDate,
        createdAt: now,
        updatedAt: now,
      });
      await this.payouts.updateAccount(
        account.creatorId,
        payout.status === 'FAILED'
          ? { payoutFailureCode: payout.failureCode ?? 'unknown', payoutFailedAt: now, updatedAt: now }
          : payout.status === 'PAID'
            ? { payoutFailureCode: null, payoutFailedAt: null, updatedAt: now }
            : { updatedAt: now },
        manager,
      );
      return `payout ${payout.status.toLowerCase()}`;
    });
  }
}
