import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, mapPage } from '@lookbook/core';
import { toBalance, toPayout, toSale } from '../graphql/commerce.mapper';
import { Balance, EarningsSeries, Payout, PayoutConnection, Sale, SaleConnection } from '../graphql/commerce.objects';
import { EarningsService } from './earnings.service';

/** What creators earn: sales with their splits, balances, payouts. */
@Resolver()
export class EarningsResolver {
  constructor(private readonly earnings: EarningsService) {}

  @Query(() => SaleConnection, { description: 'Sales that paid you, newest first: price → fee → splits → transfers.' })
  async mySales(@CurrentActor() actor: Actor, @Args() args: ConnectionArgs): Promise<Page<Sale>> {
    return mapPage(await this.earnings.salesOf(actor.userId, args), toSale);
  }

  @Query(() => [EarningsSeries], {
    description:
      'Your own earnings per day (UTC) over the last `days` days, today included (1–366, default 90), per currency: ' +
      'your split of each sale less refunds — not the price, not the other parties’ splits.',
  })
  myEarningsByDay(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, defaultValue: 90 }) days: number,
  ): Promise<EarningsSeries[]> {
    return this.earnings.byDay(actor.userId, days);
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
