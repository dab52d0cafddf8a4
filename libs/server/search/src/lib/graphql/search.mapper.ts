import { ratingAverage } from '../documents/popularity';
import type {
  CreatorHit,
  FacetCount,
  HitCounts,
  HitPrice,
  Suggestion as EngineSuggestion,
} from '../engines/search-queries';
import type { FoundHit, SearchOutcome } from '../query/search.service';
import type { Facet } from '../query/search-request';
import type { IndexStatus } from '../sync/search-sync.service';
import {
  FacetCounts,
  FacetValueCount,
  HighlightSegment,
  SearchCreator,
  SearchHighlight,
  SearchHit,
  SearchHitCounts,
  SearchHitOffer,
  SearchHitPrice,
  SearchIndexStatus,
  SearchResult,
  Suggestion,
} from './search.objects';

/** What a result's live offers cost: free to claim, and the cheapest paid offer. */
export const toSearchHitPrice = (price: HitPrice): SearchHitPrice =>
  Object.assign(new SearchHitPrice(), {
    free: price.free,
    cheapestPaid: price.paid
      ? Object.assign(new SearchHitOffer(), {
          tier: price.paid.tier,
          amount: price.paid.amount,
          currency: price.paid.currency,
        })
      : null,
  });

/** A result's counts as a card shows them: the average rating from the indexed sum and count. */
export const toSearchHitCounts = (counts: HitCounts): SearchHitCounts =>
  Object.assign(new SearchHitCounts(), {
    likes: counts.likes,
    downloads: counts.downloads,
    rating: ratingAverage(counts.ratingSum, counts.ratingCount),
    ratingCount: counts.ratingCount,
  });

export const toSearchHit = (hit: FoundHit): SearchHit =>
  Object.assign(new SearchHit(), {
    kind: hit.kind,
    model: hit.model,
    template: hit.template,
    score: hit.score,
    highlights: hit.highlights.map((h) =>
      Object.assign(new SearchHighlight(), {
        field: h.field,
        segments: h.segments.map((s) => Object.assign(new HighlightSegment(), { text: s.text, match: s.match })),
      }),
    ),
    price: toSearchHitPrice(hit.price),
    counts: toSearchHitCounts(hit.counts),
  });

/** A search's answer; it keeps its request and any facet counts answered with it for the `facets` field. */
export const toSearchResult = (outcome: SearchOutcome): SearchResult =>
  Object.assign(new SearchResult(), {
    hits: outcome.hits.map(toSearchHit),
    total: outcome.total,
    endCursor: outcome.endCursor,
    hasNextPage: outcome.hasNextPage,
    didYouMean: outcome.didYouMean,
    droppedWords: outcome.droppedWords,
    hashMatch: outcome.hashMatch,
    maturity: outcome.maturity,
    request: outcome.request,
    counted: outcome.counted,
  });

export const toFacetValueCount = (count: Pick<FacetCount, 'value' | 'count'>): FacetValueCount =>
  Object.assign(new FacetValueCount(), { value: count.value, count: count.count });

/** Counts per facet, in the order the facets were asked for. */
export const toFacetCounts = (counts: ReadonlyMap<Facet, readonly FacetCount[]>): FacetCounts[] =>
  [...counts].map(([facet, values]) =>
    Object.assign(new FacetCounts(), { facet, values: values.map(toFacetValueCount) }),
  );

export const toSearchCreator = (creator: CreatorHit): SearchCreator =>
  Object.assign(new SearchCreator(), {
    handle: creator.handle,
    name: creator.name,
    models: creator.models,
    templates: creator.templates,
  });

export const toSuggestion = (suggestion: EngineSuggestion): Suggestion =>
  Object.assign(new Suggestion(), { kind: suggestion.kind, text: suggestion.text, ref: suggestion.ref });

export const toSearchIndexStatus = (status: IndexStatus): SearchIndexStatus =>
  Object.assign(new SearchIndexStatus(), {
    pending: status.pending,
    lagSeconds: status.lagSeconds,
    failing: status.failing,
    documents: status.documents,
  });
