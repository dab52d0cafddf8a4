import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo, Page } from '@lookbook/core';
import {
  Client,
  ConnectionArgs,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  mapPage,
  Public,
  UUIDScalar,
} from '@lookbook/core';
import { ReviewInput } from '../graphql/review.inputs';
import { toReview, toReviewEligibility } from '../graphql/review.mapper';
import {
  Review,
  ReviewConnection,
  ReviewEligibility,
  ReviewRevision,
  ReviewSubjectKindEnum,
} from '../graphql/review.objects';
import type { ReviewableKind } from './review';
import { ReviewLoaders } from './review.loaders';
import { ReviewService } from './review.service';

@Resolver(() => Review)
export class ReviewResolver {
  constructor(
    private readonly service: ReviewService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Public()
  @Query(() => ReviewConnection, {
    description: 'Reviews of a model or template, newest first; none by anyone you blocked or who blocked you.',
  })
  async reviews(
    @CurrentActor() viewer: Actor | undefined,
    @Args('kind', { type: () => ReviewSubjectKindEnum }) kind: ReviewableKind,
    @Args('subjectId', { type: () => UUIDScalar }) subjectId: string,
    @Args() args: ConnectionArgs,
  ): Promise<Page<Review>> {
    return mapPage(await this.service.ofSubject(viewer, kind, subjectId, args), toReview);
  }

  @Public()
  @Query(() => ReviewConnection, { description: 'Reviews a member wrote of published work, newest first.' })
  async memberReviews(
    @CurrentActor() viewer: Actor | undefined,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
    @Args() args: ConnectionArgs,
  ): Promise<Page<Review>> {
    return mapPage(await this.service.byAuthor(viewer, userId, args), toReview);
  }

  @Public()
  @Query(() => [ReviewRevision], { description: 'The texts and ratings a review had before its edits, newest first.' })
  reviewRevisions(
    @CurrentActor() viewer: Actor | undefined,
    @Args('reviewId', { type: () => UUIDScalar }) reviewId: string,
  ): Promise<ReviewRevision[]> {
    return this.service.revisions(viewer, reviewId);
  }

  @Public()
  @Query(() => ReviewEligibility, {
    description: 'Whether you may review a model or template now (holding an active licence), and your review.',
  })
  async reviewEligibility(
    @CurrentActor() viewer: Actor | undefined,
    @Args('kind', { type: () => ReviewSubjectKindEnum }) kind: ReviewableKind,
    @Args('subjectId', { type: () => UUIDScalar }) subjectId: string,
  ): Promise<ReviewEligibility> {
    return toReviewEligibility(await this.service.eligibility(viewer, kind, subjectId));
  }

  @Mutation(() => Review, {
    description:
      'Review a model or template you hold an active licence on (once: edit it afterwards). Not your own work.',
  })
  async writeReview(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('kind', { type: () => ReviewSubjectKindEnum }) kind: ReviewableKind,
    @Args('subjectId', { type: () => UUIDScalar }) subjectId: string,
    @Args('input') input: ReviewInput,
  ): Promise<Review> {
    return toReview(await this.service.write(actor, client, kind, subjectId, input));
  }

  @Mutation(() => Review, { description: 'Change your review; the previous text is kept in its history.' })
  async editReview(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('reviewId', { type: () => UUIDScalar }) reviewId: string,
    @Args('input') input: ReviewInput,
  ): Promise<Review> {
    return toReview(await this.service.edit(actor, client, reviewId, input));
  }

  @Mutation(() => Review, {
    description: 'Reply to a review of your work (one reply per review; replying again edits it).',
  })
  async replyToReview(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('reviewId', { type: () => UUIDScalar }) reviewId: string,
    @Args('body') body: string,
  ): Promise<Review> {
    return toReview(await this.service.reply(actor, client, reviewId, body));
  }

  @Mutation(() => Review, {
    description: 'Mark a review helpful (or take it back with helpful: false). Idempotent; not your own review.',
  })
  async voteReviewHelpful(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('reviewId', { type: () => UUIDScalar }) reviewId: string,
    @Args('helpful', { type: () => Boolean, defaultValue: true }) helpful: boolean,
  ): Promise<Review> {
    return toReview(await this.service.vote(actor, client, reviewId, helpful));
  }

  @ResolveField(() => Boolean, { description: 'Whether you found it helpful (false when signed out).' })
  async viewerFoundHelpful(
    @Parent() review: Review,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    return viewer ? this.loaders.voted(loaders, viewer.userId).load(review.id) : false;
  }
}
