import { Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders, SafeIntScalar } from '@lookbook/core';
import { WorkflowTemplate } from '@lookbook/templates';
import { CommunityLoaders } from '../community.loaders';
import { RatingSummary } from '../graphql/review.objects';
import { ratingSummary } from './review';

/** A template's rating from its counter rows: read with its other counts (the same statement), never from the reviews. */
@Resolver(() => WorkflowTemplate)
export class TemplateRatingResolver {
  constructor(private readonly loaders: CommunityLoaders) {}

  @ResolveField(() => RatingSummary, {
    description: 'Average, count and histogram of current licence holders’ ratings.',
  })
  async rating(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<RatingSummary> {
    return ratingSummary(await this.loaders.counts(loaders, 'TEMPLATE').load(template.id));
  }

  @ResolveField(() => Float, { nullable: true, description: 'The average rating, 1–5 (null with no rating).' })
  async ratingAverage(
    @Parent() template: WorkflowTemplate,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number | null> {
    return ratingSummary(await this.loaders.counts(loaders, 'TEMPLATE').load(template.id)).average;
  }

  @ResolveField(() => SafeIntScalar, { description: 'How many ratings the average is of.' })
  async ratingCount(@Parent() template: WorkflowTemplate, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return (await this.loaders.counts(loaders, 'TEMPLATE').load(template.id)).RATING_COUNT;
  }
}
