import type { DocumentKind } from '../documents/search-document';
import type { Facet, SearchRequest } from '../query/search-request';

/** A run of text from a highlighted field; `match` runs are the words the query matched. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

export interface SearchHit {
  /** A model's or a template's id. */
  id: string;
  kind: DocumentKind;
  score: number;
  /** Highlighted name and a description snippet, when the query matched text. */
  highlights: { field: 'name' | 'description'; segments: HighlightSegment[] }[];
  /** What the document says it costs: a free offer exists; the cheapest paid offer (what price sorts order by). */
  price: HitPrice;
  /** The community counts the document was indexed with: what a card shows, with no statement of its own. */
  counts: HitCounts;
}

export interface HitCounts {
  likes: number;
  downloads: number;
  ratingSum: number;
  ratingCount: number;
}

export interface HitPrice {
  free: boolean;
  paid: { tier: string; amount: number; currency: string } | null;
}

export interface SearchPage {
  hits: SearchHit[];
  total: number;
  /**
   * The query as searched (misspelled words replaced by the indexed words searched instead, left-out words not in
   * it), when a word was corrected and the search found something; null otherwise.
   */
  didYouMean: string | null;
  /**
   * Query words the results do not match, in query order: words matching nothing at all, and words left out from the
   * last while nothing matched every word (Meilisearch's `matchingStrategy: last`). Empty when nothing was found.
   */
  droppedWords: string[];
  /** The query was a file hash and matched exactly. */
  hashMatch: boolean;
}

export interface FacetCount {
  facet: Facet;
  value: string;
  count: number;
}

/** Facets with many values return the most frequent ones, at most this many, in `byCount` order (every engine). */
export const MAX_FACET_VALUES = 30;

/** Most frequent first, ties by value. */
export const byCount = (a: FacetCount, b: FacetCount) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** A creator with published models or templates, found by handle or display name. */
export interface CreatorHit {
  handle: string;
  name: string;
  /** Published models. */
  models: number;
  /** Published workflow templates. */
  templates: number;
  downloads: number;
}

export interface Suggestion {
  kind: 'MODEL' | 'TEMPLATE' | 'TAG' | 'CREATOR';
  text: string;
  /** The model or template id, the creator handle; the tag itself for tags. */
  ref: string;
}

/**
 * The read side of the search port: what an engine answers. Two adapters implement it (`postgres/`, the embedded
 * default: full-text + pg_trgm; `meilisearch/`, production), each with the writer and maintenance ports beside it;
 * only the configured one is constructed (`search-engine.providers.ts`). Every answer leaves out `request.hidden`.
 * Index names and engine details never leave the adapter.
 */
export abstract class SearchQueries {
  abstract readonly name: 'postgres' | 'meilisearch';
  abstract search(request: SearchRequest): Promise<SearchPage>;
  /**
   * Facet value counts for the request. Disjunctive: a facet's own filter does not narrow its counts (picking
   * "LORA" still shows how many checkpoints there are), every other filter does.
   */
  abstract facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]>;
  /** A page and its facet counts together (two calls at once, or shared work where the engine can). */
  abstract searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }>;
  /** Names, tags and creators beginning with `prefix`; none that only the `hidden` documents have. */
  abstract suggest(prefix: string, limit: number, hidden?: readonly string[]): Promise<Suggestion[]>;
  /** Creators matching the request's query (none without one), excluded creators left out. */
  abstract creators(request: SearchRequest, limit: number): Promise<CreatorHit[]>;
}
