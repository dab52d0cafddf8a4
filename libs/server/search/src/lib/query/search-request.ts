import { createHash } from 'node:crypto';
import type { MaturityLevel } from '@lookbook/kernel';
import { CURRENCIES, currencyInfo, DEFAULT_MAX_MATURITY, maturityUpTo } from '@lookbook/kernel';
import type { DocumentKind } from '../documents/search-document';
import { SearchErrors } from '../search.errors';

export const MAX_QUERY_LENGTH = 200;
export const MAX_FIRST = 60;
/** Results past this depth are not served (narrow the search instead): keeps every page cheap. */
export const MAX_DEPTH = 1000;
const MAX_FILTER_VALUES = 20;

export const SEARCH_SORTS = [
  'RELEVANCE',
  'NEWEST',
  'MOST_DOWNLOADED',
  'MOST_LIKED',
  'TOP_RATED',
  'TRENDING',
  'PRICE_LOW',
  'PRICE_HIGH',
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export type Maturity = MaturityLevel;
/** What a viewer sees without a maturity filter and without a setting of their own; the client shows it as a chip. */
export const DEFAULT_MATURITY: readonly Maturity[] = maturityUpTo(DEFAULT_MAX_MATURITY);

/** Facets and the filters on them. Licence permissions are facets too: no competitor lets buyers filter on them. */
export const FACETS = [
  'kind',
  'type',
  'baseModel',
  'tag',
  'maturity',
  'tier',
  'price',
  'commercialUse',
  'derivativesAllowed',
  'creditRequired',
] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchFilters {
  /** Models, workflow templates, or (empty) both. */
  kinds: DocumentKind[];
  types: string[];
  baseModels: string[];
  /** Every tag listed must be present. */
  tags: string[];
  maturity: Maturity[];
  tiers: string[];
  /** true: only free; false: only paid; null: both. */
  free: boolean | null;
  /** Cheapest paid offer at most this, in minor units of `currency`. */
  maxPrice: { amount: number; currency: string } | null;
  commercialUse: boolean | null;
  derivativesAllowed: boolean | null;
  creditRequired: boolean | null;
  creator: string | null;
}

export interface SearchExclusions {
  tags: string[];
  types: string[];
  creators: string[];
}

export interface SearchRequest {
  query: string;
  filters: SearchFilters;
  exclude: SearchExclusions;
  sort: SearchSort;
  first: number;
  offset: number;
  /**
   * Ids every part of the answer leaves out (hits, total, facet counts, suggestions, creators): documents still in
   * the index whose model or template is no longer visible and whose sync has not landed yet (see
   * `SearchOutboxRepository.hiddenIds`). Empty when the index has caught up. Not part of the search's identity.
   */
  hidden: readonly string[];
}

export interface SearchRequestInput {
  /** Filled by the service, never by a client. */
  hidden?: readonly string[];
  query?: string | null;
  filters?:
    | (Partial<{ [K in Exclude<keyof SearchFilters, 'maturity' | 'kinds'>]: SearchFilters[K] | null }> & {
        maturity?: string[] | null;
        kinds?: string[] | null;
      })
    | null;
  exclude?: Partial<{ [K in keyof SearchExclusions]: string[] | null | undefined }> | null;
  sort?: SearchSort | null;
  first?: number | null;
  after?: string | null;
}

const TAG = /^[a-z0-9][a-z0-9 _-]{0,39}$/;
const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$/;
const ENUM_VALUE = /^[A-Za-z0-9._-]{1,40}$/;

/** Tags are stored normalised (lowercase, trimmed): filters are normalised the same way. */
export const normaliseTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, ' ');

function list(
  field: string,
  values: readonly string[] | null | undefined,
  pattern: RegExp,
  normalise = (v: string) => v,
) {
  const out = [...new Set((values ?? []).map(normalise))];
  if (out.length > MAX_FILTER_VALUES) throw SearchErrors.invalidFilter(field, `At most ${MAX_FILTER_VALUES} values`);
  for (const value of out) {
    if (!pattern.test(value)) throw SearchErrors.invalidFilter(field, `"${value.slice(0, 40)}" is not a valid value`);
  }
  return out.sort();
}

/**
 * Checks and normalises a search (bad input is a typed error, never a silent change). Without a maturity filter,
 * the viewer's setting applies (every level up to the one they chose). Values are only ever compared
 * as bound parameters by the engines; the patterns here just reject what cannot match, with a clear message.
 */
export function parseSearchRequest(
  input: SearchRequestInput,
  viewerMaturity: readonly Maturity[] = DEFAULT_MATURITY,
): SearchRequest {
  const query = (input.query ?? '').trim();
  if (query.length > MAX_QUERY_LENGTH) throw SearchErrors.queryTooLong(MAX_QUERY_LENGTH);
  const first = input.first ?? 24;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw SearchErrors.invalidFirst(MAX_FIRST);
  const f = input.filters ?? {};
  const maturity = list('filters.maturity', f.maturity, /^(SFW|SUGGESTIVE|MATURE|EXPLICIT)$/) as Maturity[];
  const maxPrice = f.maxPrice ?? null;
  if (maxPrice && (!Number.isSafeInteger(maxPrice.amount) || maxPrice.amount < 0))
    throw SearchErrors.invalidFilter(
      'filters.maxPrice',
      'A maximum price is a whole amount in minor units with a currency',
    );
  if (maxPrice && !currencyInfo(maxPrice.currency))
    throw SearchErrors.unsupportedCurrency(String(maxPrice.currency).slice(0, 12), [...CURRENCIES.keys()]);
  const creator = f.creator?.trim() || null;
  if (creator && !HANDLE.test(creator)) throw SearchErrors.invalidFilter('filters.creator', 'Not a valid handle');
  const e = input.exclude ?? {};
  const request: Omit<SearchRequest, 'offset' | 'hidden'> = {
    query,
    filters: {
      kinds: list('filters.kinds', f.kinds, /^(MODEL|TEMPLATE)$/) as DocumentKind[],
      types: list('filters.types', f.types, ENUM_VALUE),
      baseModels: list('filters.baseModels', f.baseModels, ENUM_VALUE),
      tags: list('filters.tags', f.tags, TAG, normaliseTag),
      maturity: maturity.length ? maturity : [...viewerMaturity],
      tiers: list('filters.tiers', f.tiers, ENUM_VALUE),
      free: f.free ?? null,
      maxPrice,
      commercialUse: f.commercialUse ?? null,
      derivativesAllowed: f.derivativesAllowed ?? null,
      creditRequired: f.creditRequired ?? null,
      creator: creator?.toLowerCase() ?? null,
    },
    exclude: {
      tags: list('exclude.tags', e.tags, TAG, normaliseTag),
      types: list('exclude.types', e.types, ENUM_VALUE),
      creators: list('exclude.creators', e.creators, HANDLE, (h) => h.trim().toLowerCase()),
    },
    sort: input.sort ?? 'RELEVANCE',
    first,
  };
  return { ...request, offset: input.after ? decodeCursor(input.after, request) : 0, hidden: input.hidden ?? [] };
}

/** Identifies a search apart from its paging: a cursor is only valid for the search that made it. */
function fingerprint(request: Omit<SearchRequest, 'offset' | 'first' | 'hidden'> & { first?: number }): string {
  const { query, filters, exclude, sort } = request;
  return createHash('sha256')
    .update(JSON.stringify({ query: query.toLowerCase(), filters, exclude, sort }))
    .digest('base64url')
    .slice(0, 16);
}

export function encodeCursor(request: SearchRequest, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint(request) })).toString('base64url');
}

function decodeCursor(cursor: string, request: Omit<SearchRequest, 'offset' | 'hidden'>): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw SearchErrors.invalidCursor();
  }
  const { o, f } = (decoded ?? {}) as { o?: unknown; f?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > MAX_DEPTH || f !== fingerprint(request))
    throw SearchErrors.invalidCursor();
  return o;
}
