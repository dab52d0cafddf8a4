import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { graphqlEnum, SafeIntScalar } from '@lookbook/core';
import { TierEnum } from '@lookbook/licensing';
import { StyleModel } from '@lookbook/catalog';
import { WorkflowTemplate } from '@lookbook/templates';
import { DOCUMENT_KINDS } from '../documents/search-document';
import { FACETS, SEARCH_SORTS } from '../query/search-request';
import type { FacetCount as EngineFacetCount } from '../engines/search-queries';
import type { Facet, SearchRequest } from '../query/search-request';

export const SearchSortEnum = graphqlEnum('SearchSort', SEARCH_SORTS, {
  description: 'RELEVANCE falls back to NEWEST when there is no query.',
});
/** GraphQL names in the enum style (BASE_MODEL); values are the facet names used inside (baseModel). */
export const SearchFacetEnum = Object.fromEntries(
  FACETS.map((facet) => [facet.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), facet]),
) as Record<string, Facet>;
registerEnumType(SearchFacetEnum, { name: 'SearchFacet' });
export const SearchKindEnum = graphqlEnum('SearchKind', DOCUMENT_KINDS, {
  description: 'What a search result is: a style model or a workflow template.',
});
export const SuggestionKindEnum = graphqlEnum('SuggestionKind', ['MODEL', 'TEMPLATE', 'TAG', 'CREATOR'] as const);

@ObjectType()
export class HighlightSegment {
  @Field() text!: string;
  @Field({ description: 'A word the query matched.' }) match!: boolean;
}

@ObjectType()
export class SearchHighlight {
  @Field({ description: 'name or description (a snippet around the first match).' }) field!: string;
  @Field(() => [HighlightSegment]) segments!: HighlightSegment[];
}

@ObjectType({ description: 'A licence offer as search knows it: its tier and price.' })
export class SearchHitOffer {
  @Field(() => TierEnum) tier!: string;
  @Field(() => SafeIntScalar, { description: 'Minor units of the currency (cents; yen; fils).' }) amount!: number;
  @Field({ description: 'ISO 4217.' }) currency!: string;
}

@ObjectType({ description: 'What a result\'s live offers cost, as its card shows it: "Free · Commercial $24".' })
export class SearchHitPrice {
  @Field({ description: 'Some live offer is free to claim.' }) free!: boolean;
  @Field(() => SearchHitOffer, {
    nullable: true,
    description:
      'The cheapest live paid offer, what price sorts order by (across currencies, by approximate value at ' +
      'reference rates); null when nothing is for sale.',
  })
  cheapestPaid!: SearchHitOffer | null;
}

@ObjectType({
  description:
    "What a card shows of a result's community counts, as the search index holds them (refreshed within about a " +
    'minute of a change): read with the hit, no lookup of its own.',
})
export class SearchHitCounts {
  @Field(() => SafeIntScalar, { description: 'Members who like it.' }) likes!: number;
  @Field(() => SafeIntScalar, { description: 'Downloads (a template counts none yet).' }) downloads!: number;
  @Field(() => Float, { nullable: true, description: 'The average rating (1–5, one decimal); null when unrated.' })
  rating!: number | null;
  @Field(() => Int, { description: 'How many ratings the average rests on.' }) ratingCount!: number;
}

@ObjectType({ description: 'A style model or a workflow template (`kind` says which; the other field is null).' })
export class SearchHit {
  @Field(() => SearchKindEnum) kind!: string;
  @Field(() => StyleModel, { nullable: true }) model!: StyleModel | null;
  @Field(() => WorkflowTemplate, { nullable: true }) template!: WorkflowTemplate | null;
  @Field(() => Float) score!: number;
  @Field(() => [SearchHighlight]) highlights!: SearchHighlight[];
  @Field(() => SearchHitPrice) price!: SearchHitPrice;
  @Field(() => SearchHitCounts) counts!: SearchHitCounts;
}

@ObjectType()
export class FacetValueCount {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class FacetCounts {
  @Field(() => SearchFacetEnum) facet!: string;
  @Field(() => [FacetValueCount], { description: 'Most frequent first (at most 30).' }) values!: FacetValueCount[];
}

@ObjectType()
export class SearchResult {
  @Field(() => [SearchHit]) hits!: SearchHit[];
  @Field(() => Int, { description: 'Matches in all (results are served to a depth of 1,000).' }) total!: number;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The query as searched, when misspelled words were replaced by indexed ones.',
  })
  didYouMean!: string | null;
  @Field(() => [String], {
    description:
      'Query words the results do not match, in query order (lower case, as searched): words that match nothing, ' +
      'and words left out from the last while nothing matched every word. Empty when every word matched, or ' +
      'when nothing was found.',
  })
  droppedWords!: string[];
  @Field({ description: 'The query was a file hash (SHA-256 or AutoV2) and found its model.' }) hashMatch!: boolean;
  @Field(() => [String], { description: 'Maturity levels included (the viewer setting unless filtered).' })
  maturity!: string[];
  /** Kept for the facets field (not exposed). */
  request!: SearchRequest;
  /** Facet counts answered with the hits (not exposed): the facets field returns them without another scan. */
  counted!: { facets: readonly Facet[]; counts: readonly EngineFacetCount[] } | null;
}

@ObjectType({ description: 'A creator with published models or templates, matched by handle or display name.' })
export class SearchCreator {
  @Field() handle!: string;
  @Field({ description: 'Display name.' }) name!: string;
  @Field(() => Int, { description: 'Published models.' }) models!: number;
  @Field(() => Int, { description: 'Published workflow templates.' }) templates!: number;
}

@ObjectType()
export class Suggestion {
  @Field(() => SuggestionKindEnum) kind!: string;
  @Field() text!: string;
  @Field({ description: 'Model or template id, tag, or creator handle.' }) ref!: string;
}

@ObjectType({ description: 'The search index relay, for monitoring.' })
export class SearchIndexStatus {
  @Field(() => Int, { description: 'Changes waiting to reach the index.' }) pending!: number;
  @Field(() => Float, { description: 'How long the oldest waiting change has waited (0 when none).' })
  lagSeconds!: number;
  @Field(() => Int, { description: 'Waiting changes that failed at least once (the engine is down or rejecting).' })
  failing!: number;
  @Field(() => Int, { nullable: true, description: 'Documents in the index (null while the engine does not answer).' })
  documents!: number | null;
}
