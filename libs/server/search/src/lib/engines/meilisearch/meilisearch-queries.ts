import type { Hit } from 'meilisearch';
import type { Facet, SearchRequest } from '../../query/search-request';
import { hashQuery, queryWords } from '../../query/words';
import type { CreatorHit, FacetCount, HighlightSegment, SearchHit, SearchPage } from '../search-queries';
import { HIT_ATTRIBUTES } from './meilisearch-documents';
import type { MeilisearchFacetCounts } from './meilisearch-facet-counts';
import { hiddenFilter, meiliFilter, queryParams } from './meilisearch-filter';
import type { MeilisearchIndex } from './meilisearch-index';

/** Highlight markers: control characters, which our tokeniser never indexes, so they cannot occur in a match. */
const PRE = '\u0002';
const POST = '\u0003';

const SORTS: Record<Exclude<SearchRequest['sort'], 'RELEVANCE'>, string[]> = {
  NEWEST: ['publishedAt:desc'],
  MOST_DOWNLOADED: ['downloads:desc', 'publishedAt:desc'],
  MOST_LIKED: ['likes:desc', 'publishedAt:desc'],
  TOP_RATED: ['ratingRank:desc', 'ratingCount:desc'],
  TRENDING: ['trending:desc', 'downloads:desc'],
  PRICE_LOW: ['priceLow:asc'],
  PRICE_HIGH: ['priceHigh:desc'],
};
/** "Price: low to high" among paid licences: by the paid price, whether or not a free offer exists too. */
const PAID_PRICE_LOW = ['paidPrice:asc'];

/** A count from a stored document (absent in documents indexed before counts were: 0). */
const count = (value: unknown): number => (typeof value === 'number' && value > 0 ? value : 0);

/** Splits Meilisearch's highlighted text (`PRE`…`POST` around matches) into segments. */
export function segmentsOf(formatted: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [i, part] of formatted.split(new RegExp(`[${PRE}${POST}]`)).entries())
    if (part) segments.push({ text: part, match: i % 2 === 1 });
  return segments;
}

/**
 * Query and ranking for the Meilisearch engine: the hits with Meilisearch's ranking rules (`meiliSettings`) and our
 * sorts, highlights and prices, the words `matchingStrategy: last` left out, creators by facet search on the handle.
 * Not available: did-you-mean (Meilisearch corrects typos silently).
 */
export class MeilisearchQueries {
  constructor(
    private readonly index: MeilisearchIndex,
    private readonly facetCounts: MeilisearchFacetCounts,
  ) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    await this.index.ready();
    const hash = hashQuery(request.query);
    const q = hash ? '' : request.query;
    const [result, dropped] = await Promise.all([
      this.index.client.index(this.index.live).search(q, {
        ...queryParams(request, null),
        offset: request.offset,
        limit: request.first,
        sort: this.sort(request, q),
        attributesToRetrieve: HIT_ATTRIBUTES,
        attributesToHighlight: q ? ['name', 'description'] : [],
        attributesToCrop: q ? ['description'] : [],
        cropLength: 30,
        cropMarker: '…',
        highlightPreTag: PRE,
        highlightPostTag: POST,
        showRankingScore: true,
      }),
      this.droppedWords(request, q),
    ]);
    const total = result.estimatedTotalHits;
    return {
      hits: result.hits.map((hit) => this.hit(hit, Boolean(q))),
      total,
      didYouMean: null,
      droppedWords: total > 0 ? dropped : [],
      hashMatch: Boolean(hash) && result.hits.length > 0,
    };
  }

  /** A page and its facet counts: two calls at once. */
  async searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }> {
    const [page, counts] = await Promise.all([this.search(request), this.facetCounts.facets(request, facets)]);
    return { page, facets: counts };
  }

  /**
   * The words `matchingStrategy: last` leaves out, which Meilisearch does not report: one multi-search counting
   * the documents that match every word of each leading part of the query (all the words, all but the last, … two),
   * with the same filters; the words after the longest part that matches something are the dropped ones.
   */
  private async droppedWords(request: SearchRequest, q: string): Promise<string[]> {
    const words = queryWords(q);
    if (words.length < 2) return [];
    const lengths = words.slice(1).map((_, i) => words.length - i);
    const { results } = await this.index.client.multiSearch({
      queries: lengths.map((n) => ({
        indexUid: this.index.live,
        q: words.slice(0, n).join(' '),
        filter: meiliFilter(request),
        matchingStrategy: 'all' as const,
        limit: 0,
      })),
    });
    const found = lengths.find((_, i) => (results[i]?.estimatedTotalHits ?? 0) > 0) ?? 1;
    return words.slice(found);
  }

  /** Creators by facet search on the handle (the index holds models; a creator's name is not a facet). */
  async creators(request: SearchRequest, limit: number): Promise<CreatorHit[]> {
    const q = request.query.trim();
    if (!q || hashQuery(q)) return [];
    await this.index.ready();
    const found = await this.index.client.index(this.index.live).searchForFacetValues({
      facetName: 'creatorHandle',
      facetQuery: q,
      ...(request.hidden.length && { filter: [hiddenFilter(request.hidden)] }),
    });
    const excluded = new Set(request.exclude.creators);
    return found.facetHits
      .filter((h) => !excluded.has(h.value.toLowerCase()))
      .slice(0, limit)
      .map((h) => ({ handle: h.value, name: h.value, models: h.count, templates: 0, downloads: 0 }));
  }

  private sort(request: SearchRequest, q: string): string[] | undefined {
    if (request.sort === 'PRICE_LOW' && request.filters.free === false) return PAID_PRICE_LOW;
    if (request.sort !== 'RELEVANCE') return SORTS[request.sort];
    return q ? undefined : SORTS.NEWEST;
  }

  private hit(hit: Hit, highlighted: boolean): SearchHit {
    const formatted = (hit._formatted ?? {}) as { name?: string; description?: string };
    const highlights: SearchHit['highlights'] = [];
    if (highlighted)
      for (const field of ['name', 'description'] as const) {
        const segments = segmentsOf(formatted[field] ?? '');
        if (segments.some((s) => s.match)) highlights.push({ field, segments });
      }
    const tier: unknown = hit['minPriceTier'];
    const amount: unknown = hit['minPriceAmount'];
    const currency: unknown = hit['minPriceCurrency'];
    return {
      id: String(hit['id']),
      kind: hit['kind'] === 'TEMPLATE' ? 'TEMPLATE' : 'MODEL',
      score: hit._rankingScore ?? 0,
      highlights,
      price: {
        free: Array.isArray(hit['price']) && hit['price'].includes('FREE'),
        paid:
          typeof tier === 'string' && typeof amount === 'number' && typeof currency === 'string'
            ? { tier, amount, currency }
            : null,
      },
      counts: {
        likes: count(hit['likes']),
        downloads: count(hit['downloads']),
        ratingSum: count(hit['ratingSum']),
        ratingCount: count(hit['ratingCount']),
      },
    };
  }
}
