import type { DocumentKind, SearchDocument } from '../documents/search-document';
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
 * The search port. Two adapters: PostgreSQL (embedded default; full-text + pg_trgm) and Meilisearch (production).
 * Writes are state-based (upsert the current document, or delete), so replaying them in any order converges; the
 * caller serialises writes per model (SearchSyncService holds a lock per model from reading the state to writing it).
 * Index names and engine details never leave the adapter.
 */
export abstract class SearchEngine {
  abstract readonly name: 'postgres' | 'meilisearch';
  abstract upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** By id (ids are unique across kinds). */
  abstract delete(ids: readonly string[]): Promise<void>;
  abstract search(request: SearchRequest): Promise<SearchPage>;
  /**
   * Facet value counts for the request. Disjunctive: a facet's own filter does not narrow its counts (picking
   * "LORA" still shows how many checkpoints there are), every other filter does.
   */
  abstract facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]>;
  /** A page and its facet counts together (by default, two calls at once; an engine may share work between them). */
  async searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }> {
    const [page, counts] = await Promise.all([this.search(request), this.facets(request, facets)]);
    return { page, facets: counts };
  }
  /** Names, tags and creators beginning with `prefix`; none that only the `hidden` documents have. */
  abstract suggest(prefix: string, limit: number, hidden?: readonly string[]): Promise<Suggestion[]>;
  /** Creators matching the request's query (none without one), excluded creators left out. */
  abstract creators(request: SearchRequest, limit: number): Promise<CreatorHit[]>;
  abstract count(): Promise<number>;
  /** Ids of every indexed document of a kind, a page at a time (`cursor` is the engine's own, null at first). */
  abstract indexedIds(kind: DocumentKind, cursor: string | null, limit: number): Promise<IdPage>;
  /**
   * A full reindex: `beginRebuild`, then `writeRebuild` page by page, then `finishRebuild`. Meilisearch builds a new
   * index and swaps it in (readers never see a half-built index; relay writes go to both while it builds);
   * PostgreSQL rewrites its rows in place (each row replaced atomically).
   */
  abstract beginRebuild(): Promise<void>;
  abstract writeRebuild(documents: readonly SearchDocument[]): Promise<void>;
  abstract finishRebuild(): Promise<void>;
}

export interface IdPage {
  ids: string[];
  /** null after the last page. */
  next: string | null;
}
