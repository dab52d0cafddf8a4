import { Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders, SafeIntScalar } from '@lookbook/core';
import { StyleModel } from '@lookbook/catalog';
import { CommunityLoaders } from '../community.loaders';
import { RatingSummary } from '../graphql/review.objects';
import { ratingSummary } from './review';

/** A model's rating from its counter rows: read with its other counts (the same statement), never from the reviews. */
@Resolver(() => StyleModel)
export class ModelRatingResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => RatingSummary, {
    description: 'Average, count and histogram of current licence holders’ ratings.',
  })
  async rating(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<RatingSummary> {
    return ratingSummary(await this.loaders.counts(loaders, 'MODEL').load(model.id));
  }

  @ResolveField(() => Float, { nullable: true, description: 'The average rating, 1–5 (null with no rating).' })
  async ratingAverage(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<number | null> {
    return ratingSummary(await this.loaders.counts(loaders, 'MODEL').load(model.id)).average;
  }

  @ResolveField(() => SafeIntScalar, { description: 'How many ratings the average is of.' })
  async ratingCount(@Parent() model: StyleModel, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'MODEL').load(model.id)).RATING_COUNT;
  }
}
