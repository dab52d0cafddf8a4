import type { SearchParams } from 'meilisearch';
import type { Facet, SearchRequest } from '../../query/search-request';
import { hashQuery } from '../../query/words';

/** Partial matches, as the PostgreSQL engine: words are left out from the last while nothing matches them all. */
const MATCHING_STRATEGY = 'last' as const;

/** A string in a Meilisearch filter: quoted, with quotes and backslashes escaped, so a value is only ever a value. */
export const quote = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const anyOf = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quote).join(', ')}]`;

/** The request's filters and exclusions as a Meilisearch filter; `except` leaves out one facet's own filter. */
export function meiliFilter(request: SearchRequest, except: Facet | null = null): string[] {
  const { filters: f, exclude: x } = request;
  const out: string[] = [];
  const on = (facet: Facet, condition: string) => {
    if (facet !== except) out.push(condition);
  };
  const hash = hashQuery(request.query);
  if (hash) out.push(`hashes = ${quote(hash)}`);
  on('maturity', anyOf('maturity', f.maturity));
  if (f.kinds.length) on('kind', anyOf('kind', f.kinds));
  if (f.types.length) on('type', anyOf('type', f.types));
  if (f.baseModels.length) on('baseModel', anyOf('baseModel', f.baseModels));
  for (const tag of f.tags) on('tag', `tags = ${quote(tag)}`);
  if (f.tiers.length) on('tier', anyOf('tiers', f.tiers));
  if (f.free === true) on('price', `price = "FREE"`);
  if (f.free === false) on('price', `price = "PAID"`);
  if (f.maxPrice)
    on(
      'price',
      `(price = "FREE" OR (minPriceCurrency = ${quote(f.maxPrice.currency)} AND minPriceAmount <= ${Math.trunc(f.maxPrice.amount)}))`,
    );
  if (f.commercialUse !== null) on('commercialUse', `commercialUse = ${f.commercialUse}`);
  if (f.derivativesAllowed !== null) on('derivativesAllowed', `derivativesAllowed = ${f.derivativesAllowed}`);
  if (f.creditRequired !== null) on('creditRequired', `creditRequired = ${f.creditRequired}`);
  // String equality in Meilisearch filters ignores case, as handles do.
  if (f.creator) out.push(`creatorHandle = ${quote(f.creator)}`);
  if (x.tags.length) out.push(`NOT ${anyOf('tags', x.tags)}`);
  if (x.types.length) out.push(`NOT ${anyOf('type', x.types)}`);
  if (x.creators.length) out.push(`NOT ${anyOf('creatorHandle', x.creators)}`);
  if (request.hidden.length) out.push(hiddenFilter(request.hidden));
  return out;
}

/** Leaves out documents waiting to be deleted (their subject is no longer visible). */
export const hiddenFilter = (ids: readonly string[]) => `NOT ${anyOf('id', ids)}`;

/** The text, filters and matching strategy every part of an answer shares (hits, counts, facet search). */
export function queryParams(
  request: SearchRequest,
  except: Facet | null,
): Pick<SearchParams, 'q' | 'filter' | 'matchingStrategy'> {
  return {
    q: hashQuery(request.query) ? '' : request.query,
    filter: meiliFilter(request, except),
    matchingStrategy: MATCHING_STRATEGY,
  };
}
