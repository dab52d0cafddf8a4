import { createHash } from 'node:crypto';
import type { SearchDocument } from '../documents/search-document';
import { KIND_WORDS } from '../documents/search-document';
import type { SearchRequest, SearchRequestInput } from '../query/search-request';
import { DEFAULT_MATURITY, parseSearchRequest } from '../query/search-request';
import { hashQuery, queryWords, words } from '../query/words';
import { SearchErrors } from '../search.errors';

/** At most this many saved searches per member. */
export const MAX_SAVED_SEARCHES = 25;
export const MAX_SAVED_SEARCH_NAME = 80;

/** What a saved search keeps of a search: everything that says which results, nothing about paging. */
export type SavedRequest = Pick<SearchRequest, 'query' | 'filters' | 'exclude' | 'sort'>;

export interface NormalisedSavedSearch {
  request: SavedRequest;
  /** Identifies the search for one member: saving the same search twice is the same saved search. */
  hash: string;
}

/**
 * Checks and normalises a search to save, as a search is checked (the same typed errors). Without a maturity filter
 * the saved search keeps none: the default levels apply when it runs. Lists come sorted and deduplicated, tags lower
 * case, so two spellings of one search are one saved search.
 */
export function normaliseSavedSearch(
  input: Omit<SearchRequestInput, 'first' | 'after' | 'hidden'>,
): NormalisedSavedSearch {
  const parsed = parseSearchRequest(
    { query: input.query, filters: input.filters, exclude: input.exclude, sort: input.sort },
    [],
  );
  const request: SavedRequest = {
    query: parsed.query.replace(/\s+/g, ' '),
    filters: parsed.filters,
    exclude: parsed.exclude,
    sort: parsed.sort,
  };
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...request, query: request.query.toLowerCase() }))
    .digest('base64url')
    .slice(0, 22);
  return { request, hash };
}

/** A saved search's name: the one given (trimmed, one line), else its words, else "All models and templates". */
export function savedSearchName(name: string | null | undefined, request: SavedRequest): string {
  const given = (name ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (given.length > MAX_SAVED_SEARCH_NAME) throw SearchErrors.invalidSavedSearchName(MAX_SAVED_SEARCH_NAME);
  if (given) return given;
  if (request.query) return request.query.slice(0, MAX_SAVED_SEARCH_NAME);
  const parts = [
    request.filters.tags.map((t) => `#${t}`).join(' '),
    request.filters.types.join(', '),
    request.filters.kinds.length === 1 ? (request.filters.kinds[0] === 'MODEL' ? 'models' : 'templates') : '',
    request.filters.creator ? `by ${request.filters.creator}` : '',
  ].filter(Boolean);
  return (parts.join(' ') || 'All models and templates').slice(0, MAX_SAVED_SEARCH_NAME);
}

/**
 * The browse page's address for a saved search, in its URL state (`q`, `kind`, `type`, `base`, `creator`, `tag`, `not`,
 * `price`, `commercial`, `derivatives`, `nocredit`, `mature`, `sort`). The page shows one value per filter: a search
 * saved through the API with several types or tags links with the first (the alert matched on all of them).
 */
export function browseUrlOf(request: SavedRequest): string {
  const f = request.filters;
  const params = new URLSearchParams();
  if (request.query) params.set('q', request.query);
  if (f.kinds.length === 1) params.set('kind', f.kinds[0] === 'MODEL' ? 'model' : 'template');
  if (f.types[0]) params.set('type', f.types[0]);
  if (f.baseModels[0]) params.set('base', f.baseModels[0]);
  if (f.creator) params.set('creator', f.creator);
  if (f.tags[0]) params.set('tag', f.tags[0]);
  if (request.exclude.tags.length) params.set('not', request.exclude.tags.join(','));
  if (f.free !== null) params.set('price', f.free ? 'free' : 'paid');
  if (f.commercialUse) params.set('commercial', 'true');
  if (f.derivativesAllowed) params.set('derivatives', 'true');
  if (f.creditRequired === false) params.set('nocredit', 'true');
  if (f.maturity.some((m) => m === 'MATURE' || m === 'EXPLICIT')) params.set('mature', 'true');
  if (request.sort !== 'RELEVANCE') params.set('sort', request.sort);
  const query = params.toString();
  return query ? `/browse?${query}` : '/browse';
}

/** The words a document is found by (all its text fields), as the engines tokenise them. */
function documentWords(d: SearchDocument): Set<string> {
  return new Set(
    words(
      [
        d.name,
        d.slug.replace(/-/g, ' '),
        d.description,
        ...d.tags,
        ...d.triggerWords,
        d.ownerHandle,
        d.ownerName,
        d.baseModelName ?? '',
        d.baseModelId ?? '',
        d.type?.replace(/_/g, ' ') ?? '',
        d.kind === 'TEMPLATE' ? KIND_WORDS : '',
      ].join(' '),
    ),
  );
}

/**
 * Whether a newly published document matches a saved search: every filter and exclusion as the engines apply them,
 * and every word of the query found in the document's words (a word matches a document word it begins, as the
 * engines match prefixes). The engines also forgive typos and expand synonyms; an alert does not, so it never
 * announces something the search would not show.
 */
export function matchesSavedSearch(request: SavedRequest, d: SearchDocument): boolean {
  const f = request.filters;
  const x = request.exclude;
  const maturity = f.maturity.length ? f.maturity : DEFAULT_MATURITY;
  const passes =
    maturity.includes(d.maturity as never) &&
    (!f.kinds.length || f.kinds.includes(d.kind)) &&
    (!f.types.length || (d.type !== null && f.types.includes(d.type))) &&
    (!f.baseModels.length || (d.baseModelId !== null && f.baseModels.includes(d.baseModelId))) &&
    f.tags.every((t) => d.tags.includes(t)) &&
    (!f.tiers.length || f.tiers.some((t) => d.tiers.includes(t))) &&
    (f.free === null || (f.free ? d.free : d.minPrice !== null)) &&
    (!f.maxPrice ||
      d.free ||
      (d.minPrice !== null && d.minPrice.currency === f.maxPrice.currency && d.minPrice.amount <= f.maxPrice.amount)) &&
    (f.commercialUse === null || d.commercialUse === f.commercialUse) &&
    (f.derivativesAllowed === null || d.derivativesAllowed === f.derivativesAllowed) &&
    (f.creditRequired === null || d.creditRequired === f.creditRequired) &&
    (!f.creator || d.ownerHandle.toLowerCase() === f.creator) &&
    !x.tags.some((t) => d.tags.includes(t)) &&
    !(d.type !== null && x.types.includes(d.type)) &&
    !x.creators.includes(d.ownerHandle.toLowerCase());
  if (!passes) return false;
  const hash = hashQuery(request.query);
  if (hash) return d.hashes.some((h) => h.toLowerCase() === hash);
  const wanted = queryWords(request.query);
  if (!wanted.length) return true;
  const have = [...documentWords(d)];
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/** The alert's one line: "3 new matches for “neon city”". */
export function alertText(name: string, count: number): string {
  return count === 1 ? `1 new match for “${name}”` : `${count} new matches for “${name}”`;
}
