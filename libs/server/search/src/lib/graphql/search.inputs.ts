import { Field, ID, InputType } from '@nestjs/graphql';
import { SafeIntScalar } from '@lookbook/core';
import { MaturityEnum, ModelTypeEnum } from '@lookbook/catalog';
import { TierEnum } from '@lookbook/licensing';
import { SearchKindEnum } from './search.objects';

// Values are checked by parseSearchRequest, which answers with typed errors (SEARCH_INVALID_FILTER, …).

@InputType()
export class PriceLimitInput {
  @Field(() => SafeIntScalar, { description: 'Minor units of the currency.' }) amount!: number;
  @Field() currency!: string;
}

@InputType({ description: 'Narrow a search. Every list matches any of its values, except tags (all of them).' })
export class SearchFilterInput {
  @Field(() => [SearchKindEnum], { nullable: true, description: 'Style models, workflow templates; absent: both.' })
  kinds?: string[] | null;
  @Field(() => [ModelTypeEnum], { nullable: true }) types?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Base model ids.' }) baseModels?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Every tag listed must be present.' }) tags?: string[] | null;
  @Field(() => [MaturityEnum], {
    nullable: true,
    description: "Maturity levels to include; absent: every level up to the viewer's setting (signed out: SUGGESTIVE).",
  })
  maturity?: string[] | null;
  @Field(() => [TierEnum], { nullable: true, description: 'Licence tiers on offer.' }) tiers?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: free to claim; false: paid offers only.' })
  free?: boolean | null;
  @Field(() => PriceLimitInput, { nullable: true, description: 'Cheapest paid offer at most this (free ones too).' })
  maxPrice?: PriceLimitInput | null;
  @Field(() => Boolean, { nullable: true, description: 'A licence on offer allows commercial use.' })
  commercialUse?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'A licence on offer allows derivatives (remixes, merges).' })
  derivativesAllowed?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'false: some licence on offer needs no credit line.' })
  creditRequired?: boolean | null;
  @Field(() => String, { nullable: true, description: "A creator's handle." }) creator?: string | null;
}

@InputType({ description: 'Leave out results that have any of these.' })
export class SearchExcludeInput {
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => [ModelTypeEnum], { nullable: true }) types?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Creator handles.' }) creators?: string[] | null;
}
