import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, SessionOnly } from '@lookbook/core';
import { toPayoutAccount } from '../graphql/commerce.mapper';
import { PayoutAccount, PayoutOnboarding } from '../graphql/commerce.objects';
import { PayoutAccountService } from './payout-account.service';

/** A creator's payout account at the provider (Stripe Connect). */
@Resolver(() => PayoutAccount)
export class PayoutAccountResolver {
  constructor(private readonly accounts: PayoutAccountService) {}

  @Query(() => PayoutAccount, { description: 'Your payout account and what it still needs.' })
  async myPayoutAccount(@CurrentActor() actor: Actor): Promise<PayoutAccount> {
    return toPayoutAccount(await this.accounts.account(actor.userId));
  }

  @SessionOnly()
  @Mutation(() => PayoutOnboarding, {
    description: 'Set up (or finish setting up) your payout account; returns a single-use link to the provider.',
  })
  async startPayoutOnboarding(
    @CurrentActor() actor: Actor,
    @Args('returnPath', { nullable: true, description: 'Where to come back to on this site (default /earnings).' })
    returnPath?: string,
  ): Promise<PayoutOnboarding> {
    const { url, account } = await this.accounts.startOnboarding(actor.userId, returnPath ?? undefined);
    return { url, account: toPayoutAccount(account) };
  }
}
