import type { Facet, SearchRequest } from '../../query/search-request';

// The request's filters as SQL conditions over `search.model_document d`, shared by the hits, the facet counts and
// the creators; `visibleOwner` by creators and suggestions.

/** Collects bound parameters: every value reaches PostgreSQL as `$n`, never as SQL text. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Filters and exclusions as SQL conditions; `except` leaves out that facet's own filter (disjunctive counts). */
export function filters(request: SearchRequest, params: Params, except: Facet | null): string[] {
  return [
    ...facetFilters(request, params)
      .filter(([facet]) => facet !== except)
      .map(([, sql]) => sql),
    ...fixedFilters(request, params),
  ];
}

/** The filters on facets, each with its facet (a facet may have two: free and a maximum price). */
export function facetFilters(request: SearchRequest, params: Params): [Facet, string][] {
  const f = request.filters;
  const out: [Facet, string][] = [['maturity', `d.maturity = ANY (${params.add(f.maturity)}::text[])`]];
  if (f.kinds.length) out.push(['kind', `d.kind = ANY (${params.add(f.kinds)}::text[])`]);
  if (f.types.length) out.push(['type', `d.type = ANY (${params.add(f.types)}::text[])`]);
  if (f.baseModels.length) out.push(['baseModel', `d.base_model_id = ANY (${params.add(f.baseModels)}::text[])`]);
  if (f.tags.length) out.push(['tag', `d.tags @> ${params.add(f.tags)}::text[]`]);
  if (f.tiers.length) out.push(['tier', `d.tiers && ${params.add(f.tiers)}::text[]`]);
  if (f.free === true) out.push(['price', 'd.free']);
  if (f.free === false) out.push(['price', 'd.min_price_amount IS NOT NULL']);
  if (f.maxPrice) {
    const { amount, currency } = f.maxPrice;
    out.push([
      'price',
      `(d.free OR (d.min_price_currency = ${params.add(currency)} AND d.min_price_amount <= ${params.add(amount)}))`,
    ]);
  }
  if (f.commercialUse !== null) out.push(['commercialUse', `d.commercial_use = ${params.add(f.commercialUse)}`]);
  if (f.derivativesAllowed !== null)
    out.push(['derivativesAllowed', `d.derivatives_allowed = ${params.add(f.derivativesAllowed)}`]);
  if (f.creditRequired !== null) out.push(['creditRequired', `d.credit_required = ${params.add(f.creditRequired)}`]);
  return out;
}

/** One condition per filtered facet (a facet with two filters, like free and a maximum price, needs both). */
export function facetConditions(request: SearchRequest, params: Params): [Facet, string][] {
  const byFacet = new Map<Facet, string[]>();
  for (const [facet, sql] of facetFilters(request, params)) byFacet.set(facet, [...(byFacet.get(facet) ?? []), sql]);
  return [...byFacet].map(([facet, sql]) => [facet, sql.map((c) => `(${c})`).join(' AND ')]);
}

/** Filters that are not facets (the creator, exclusions): they narrow every count. */
export function fixedFilters(request: SearchRequest, params: Params): string[] {
  const { filters: f, exclude: x } = request;
  const out: string[] = [];
  if (f.creator) out.push(`lower(d.owner_handle) = ${params.add(f.creator)}`);
  if (x.tags.length) out.push(`NOT (d.tags && ${params.add(x.tags)}::text[])`);
  // A template has no type: excluding a model type keeps every template.
  if (x.types.length) out.push(`(d.type IS NULL OR d.type <> ALL (${params.add(x.types)}::text[]))`);
  if (x.creators.length) out.push(`lower(d.owner_handle) <> ALL (${params.add(x.creators)}::text[])`);
  // Documents whose subject is no longer visible, until their sync lands (none when the index is current).
  if (request.hidden.length) out.push(`d.model_id <> ALL (${params.add(request.hidden)}::uuid[])`);
  return out;
}

/** The creator row `alias` has a document not in the hidden ids `$n`. */
export function visibleOwner(alias: string, hidden: string): string {
  return `EXISTS (SELECT 1 FROM search.model_document d
                     WHERE d.owner_id = ${alias}.owner_id AND d.model_id <> ALL (${hidden}::uuid[]))`;
}

/** A prefix for `LIKE … || '%'`: its own `%`, `_` and `\\` match themselves. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
