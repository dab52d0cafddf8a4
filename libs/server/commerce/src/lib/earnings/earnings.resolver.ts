import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, mapPage } from '@lookbook/core';
import { toBalance, toPayout, toSale } from '../graphql/commerce.mapper';
import { Balance, Payout, PayoutConnection, Sale, SaleConnection } from '../graphql/commerce.objects';
import { EarningsService } from './earnings.service';

/** What creators earn: sales with their splits, balances, payouts. */
@Resolver()
export class EarningsResolver {
  constructor(private readonly earnings: EarningsService) {}

  @Query(() => SaleConnection, { description: 'Sales that paid you, newest first: price → fee → splits → transfers.' })
  async mySales(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Sale>> {
    return mapPage(await this.earnings.salesOf(actor.userId, args), toSale);
  }

  @Query(() => [Balance], { description: 'Your balance per currency: pending, available, paid out.' })
  async myEarnings(@CurrentActor() actor: Actor): Promise<Balance[]> {
    return (await this.earnings.balances(actor.userId)).map(toBalance);
  }

  @Query(() => PayoutConnection, { description: 'Payouts to your bank, newest first.' })
  async myPayouts(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Payout>> {
    return mapPage(await this.earnings.payoutsOf(actor.userId, args), toPayout);
  }
}
