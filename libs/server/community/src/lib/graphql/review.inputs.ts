import { Field, InputType, Int } from '@nestjs/graphql';
import { REVIEW_TEXT_MAX } from '../reviews/review';

@InputType()
export class ReviewInput {
  @Field(() => Int, { description: '1–5 stars.' }) rating!: number;
  @Field({ description: `Plain text, 1–${REVIEW_TEXT_MAX} characters; line breaks are kept.` }) body!: string;
}
