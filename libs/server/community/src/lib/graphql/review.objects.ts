import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum, SafeIntScalar } from '@lookbook/core';
import type { Tier } from '@lookbook/kernel';
import { TierEnum } from '@lookbook/licensing';
import { REVIEWABLE_KINDS, REVIEW_TEXT_MAX } from '../reviews/review';
import type { ReviewableKind } from '../reviews/review';

export const ReviewSubjectKindEnum = graphqlEnum('ReviewSubjectKind', REVIEWABLE_KINDS, {
  description: 'What can be reviewed: a model or a workflow template.',
});
export const REVIEW_INELIGIBILITY = ['SIGNED_OUT', 'OWN_WORK', 'NO_LICENSE', 'BLOCKED', 'ALREADY_REVIEWED'] as const;
export const ReviewIneligibilityEnum = graphqlEnum('ReviewIneligibility', REVIEW_INELIGIBILITY, {
  description: 'Why you cannot write a review of it now.',
});

@ObjectType()
export class ReviewAuthor {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType({ description: 'The creator’s reply to a review (one per review; editable).' })
export class ReviewReply {
  @Field({ description: 'Plain text (never markup); may span lines.' }) body!: string;
  @Field(() => GraphQLISODateTime) repliedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the reply was last edited.' })
  editedAt!: Date | null;
}

@ObjectType({ description: 'A review by a member who holds (or held) a licence on the model or template.' })
export class Review {
  @Field(() => ID) id!: string;
  @Field(() => ReviewSubjectKindEnum) subjectKind!: ReviewableKind;
  @Field(() => ID) subjectId!: string;
  @Field({ description: 'The reviewed model’s or template’s name.' }) subjectName!: string;
  @Field(() => ReviewAuthor) author!: ReviewAuthor;
  @Field(() => Int, { description: '1–5 stars.' }) rating!: number;
  @Field({ description: `Plain text (never markup), at most ${REVIEW_TEXT_MAX} characters; may span lines.` })
  body!: string;
  @Field(() => TierEnum, {
    description: 'The tier of the licence the review rests on ("Verified licence · Commercial").',
  })
  licenseTier!: Tier;
  @Field({
    description:
      'Whether the author still holds an active licence on it. False after a refund or revocation: the review stays, ' +
      'without the verified mark, and no longer counts in the rating.',
  })
  verified!: boolean;
  @Field(() => SafeIntScalar) helpfulCount!: number;
  @Field(() => Int, { description: 'How many times it was edited (see reviewRevisions).' }) editCount!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) editedAt!: Date | null;
  @Field(() => ReviewReply, { nullable: true }) reply!: ReviewReply | null;
}

export const ReviewConnection = Connection(Review, 'Review');

@ObjectType({ description: 'A review as it was before an edit.' })
export class ReviewRevision {
  @Field(() => Int, { description: '1 is the text first written.' }) revision!: number;
  @Field(() => Int) rating!: number;
  @Field() body!: string;
  @Field(() => GraphQLISODateTime, { description: 'When this text was written.' }) writtenAt!: Date;
}

@ObjectType({ description: 'The rating of a model or template from the reviews of current licence holders.' })
export class RatingSummary {
  @Field(() => Float, { nullable: true, description: 'The average, 1–5, two decimals; null with no rating.' })
  average!: number | null;
  @Field(() => SafeIntScalar) count!: number;
  @Field(() => [SafeIntScalar], { description: 'How many gave 1, 2, 3, 4 and 5 stars (five numbers).' })
  histogram!: number[];
}

@ObjectType({ description: 'Whether you may review it now, and your review when you wrote one.' })
export class ReviewEligibility {
  @Field() canReview!: boolean;
  @Field(() => ReviewIneligibilityEnum, { nullable: true }) reason!: (typeof REVIEW_INELIGIBILITY)[number] | null;
  @Field(() => TierEnum, { nullable: true, description: 'Your strongest active licence on it.' })
  licenseTier!: Tier | null;
  @Field(() => Review, { nullable: true }) review!: Review | null;
}
