import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@lookbook/core';
import { toMoneyReviewItem } from '../graphql/commerce.mapper';
import { MoneyReviewItem } from '../graphql/commerce.objects';
import { MoneyReviewService } from './money-review.service';

/** Support's view of the money cases that need a person. */
@Resolver(() => MoneyReviewItem)
export class MoneyReviewResolver {
  constructor(private readonly reviews: MoneyReviewService) {}

  @Roles('moderator', 'admin')
  @Query(() => [MoneyReviewItem], {
    description: 'Support: payments, refunds, reversals and events that need a person, newest first.',
  })
  async moneyReviewQueue(
    @Args('first', { type: () => Int, nullable: true, description: '1–100 (default 20).' }) first?: number,
  ): Promise<MoneyReviewItem[]> {
    return (await this.reviews.items(first ?? undefined)).map(toMoneyReviewItem);
  }
}
