import type { DataSource } from 'typeorm';
import type { DocumentKind } from '../../documents/search-document';
import { highlight } from '../../query/highlight';
import type { Facet, SearchRequest } from '../../query/search-request';
import type { WordPlan } from '../../query/words';
import { didYouMean, hashQuery, toTsQuery } from '../../query/words';
import type { CreatorHit, FacetCount, SearchPage } from '../search-queries';
import type { PostgresFacetCounts } from './postgres-facet-counts';
import { filters, Params, visibleOwner } from './postgres-filters';
import type { Match, PostgresWords } from './postgres-words';

/** A hit's row, with what its highlights are made from and its prices. */
interface HitRow {
  model_id: string;
  kind: DocumentKind;
  score: number;
  name: string;
  description: string;
  free: boolean;
  min_price_tier: string | null;
  min_price_amount: string | null;
  min_price_currency: string | null;
  likes: string;
  downloads: string;
  rating_sum: string;
  rating_count: string;
}

/** The columns of a hit's row after `d.model_id, d.kind, <score>`. */
const HIT_COLUMNS =
  'd.name, d.description, d.free, d.min_price_tier, d.min_price_amount, d.min_price_currency, ' +
  'd.likes, d.downloads, d.rating_sum, d.rating_count';

const SORTS: Record<SearchRequest['sort'], string> = {
  RELEVANCE: 'score DESC, d.downloads DESC, d.published_at DESC, d.model_id',
  NEWEST: 'd.published_at DESC, d.model_id',
  MOST_DOWNLOADED: 'd.downloads DESC, d.published_at DESC, d.model_id',
  MOST_LIKED: 'd.likes DESC, d.published_at DESC, d.model_id',
  TOP_RATED: 'd.rating_rank DESC, d.rating_count DESC, d.model_id',
  TRENDING: 'd.trending DESC, d.downloads DESC, d.model_id',
  // Free first, then the cheapest paid offer by its approximate value (`price_order`: comparable across currencies).
  PRICE_LOW: '(CASE WHEN d.free THEN 0 ELSE d.price_order END) ASC NULLS LAST, d.model_id',
  PRICE_HIGH: 'd.price_order DESC NULLS LAST, d.model_id',
};

/** Paid licences only: ordered by the paid price, whether or not a free offer exists too. */
const PAID_PRICE_LOW = 'd.price_order ASC NULLS LAST, d.model_id';

/**
 * Query and ranking for the PostgreSQL engine: weighted full-text search (`simple` configuration: names > tags and
 * trigger words > creator, base model and type > description) ranked by `ts_rank`, or an exact hash lookup, in the
 * request's sort; the page's highlights and prices; creators by the same words. One row per model or template, so
 * one hit per model without `DISTINCT ON`.
 */
export class PostgresQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly words: PostgresWords,
    private readonly facetCounts: PostgresFacetCounts,
  ) {}

  async search(request: SearchRequest): Promise<SearchPage> {
    const { match, rows, total } = await this.words.settle(request, (plan) => this.hits(request, true, plan));
    return this.page(match, rows, total);
  }

  /**
   * A page of hits in sort order, and with `withTotal` how many match. Matching text ranks every match anyway, so
   * the total comes along; browsing without text walks an index in sort order for the page and counts separately
   * (not the whole catalog sorted to take 24).
   */
  private async hits(request: SearchRequest, withTotal: boolean, plan?: WordPlan) {
    const params = new Params();
    const match = await this.words.match(request, params, plan);
    const where = [match.where, ...filters(request, params, null)].join(' AND ');
    const sort =
      request.sort === 'PRICE_LOW' && request.filters.free === false
        ? PAID_PRICE_LOW
        : request.query && !match.hash
          ? SORTS[request.sort]
          : SORTS[request.sort === 'RELEVANCE' ? 'NEWEST' : request.sort];
    const page = `OFFSET ${params.add(request.offset)} LIMIT ${params.add(request.first)}`;
    const found = await this.dataSource.query<(HitRow & { model_id: string | null; total: string | null })[]>(
      match.where === 'true'
        ? `SELECT t.total, p.* FROM (SELECT count(*) AS total FROM search.model_document d WHERE ${where}) t
             LEFT JOIN LATERAL (SELECT d.model_id, d.kind, 0 AS score, ${HIT_COLUMNS} FROM search.model_document d
                                 WHERE ${where} ORDER BY ${sort} ${page}) p ON true`
        : `SELECT d.model_id, d.kind, ${match.rank} AS score, ${withTotal ? 'count(*) OVER ()' : 'NULL'} AS total,
                  ${HIT_COLUMNS}
             FROM search.model_document d
            WHERE ${where}
            ORDER BY ${sort} ${page}`,
      params.values,
    );
    return {
      match,
      rows: found.flatMap((r) => (r.model_id === null ? [] : [{ ...r, model_id: r.model_id }])),
      total: Number(found[0]?.total ?? 0),
    };
  }

  /** A page of hits with their highlights, as both search paths answer. */
  private page(match: Match, rows: HitRow[], total: number): SearchPage {
    const terms = match.words.flatMap((w) => w.alternatives.map((a) => ({ word: a, prefix: w.prefix })));
    return {
      hits: rows.map((r) => ({
        id: r.model_id,
        kind: r.kind,
        score: Number(r.score),
        highlights: terms.length ? highlight({ name: r.name, description: r.description }, terms) : [],
        price: {
          free: r.free,
          paid:
            r.min_price_tier && r.min_price_amount !== null && r.min_price_currency
              ? { tier: r.min_price_tier, amount: Number(r.min_price_amount), currency: r.min_price_currency }
              : null,
        },
        counts: {
          likes: Number(r.likes),
          downloads: Number(r.downloads),
          ratingSum: Number(r.rating_sum),
          ratingCount: Number(r.rating_count),
        },
      })),
      total,
      // Only what found something is offered: a correction or a shortened query with no results is no help.
      didYouMean: total > 0 ? didYouMean(match.words) : null,
      droppedWords: total > 0 ? match.dropped : [],
      hashMatch: match.hash && rows.length > 0,
    };
  }

  /**
   * Hits and facet counts as two statements at once, on two connections: the hits (the matches passing every filter,
   * ranked, a top-N sort) and the counts (the candidates grouped, no rank), the total from the counts. Each reads
   * the matches, so a search costs more CPU than one statement that reads them once, and answers sooner: the two
   * run on two cores. Browsing without text keeps its two cheaper paths: the page from the sort index, counts apart.
   */
  async searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }> {
    // Resolve the words once, before the two statements ask for them.
    const match = await this.words.match(request, new Params());
    if (match.where === 'true' || !facets.length) {
      const [page, counts] = await Promise.all([this.search(request), this.facetCounts.facets(request, facets)]);
      return { page, facets: counts };
    }
    const { hits, counted } = await this.words.settle(request, async (plan) => {
      const [hits, counted] = await Promise.all([
        this.hits(request, false, plan),
        this.facetCounts.counts(request, facets, undefined, plan),
      ]);
      return { hits, counted, total: counted.total };
    });
    return { page: this.page(hits.match, hits.rows, counted.total), facets: counted.facets };
  }

  /** Creators whose handle or name matches the query's words (corrected and with synonyms, as for models). */
  async creators(request: SearchRequest, limit: number): Promise<CreatorHit[]> {
    if (!request.query || hashQuery(request.query)) return [];
    const match = await this.words.match(request, new Params());
    const tsquery = toTsQuery(match.words);
    if (!tsquery) return [];
    const params = new Params();
    const q = params.add(tsquery);
    const excluded = params.add(request.exclude.creators);
    const rows = await this.dataSource.query<
      { handle: string; name: string; models: number; templates: number; downloads: string }[]
    >(
      `SELECT c.handle, c.name, c.models, c.templates, c.downloads FROM search.creator c
        WHERE c.document @@ to_tsquery('simple', ${q}) AND lower(c.handle) <> ALL (${excluded}::text[])
          ${request.hidden.length ? `AND ${visibleOwner('c', params.add(request.hidden))}` : ''}
        ORDER BY ts_rank(c.document, to_tsquery('simple', ${q})) DESC, c.downloads DESC, c.handle
        LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => ({
      handle: r.handle,
      name: r.name,
      models: r.models,
      templates: r.templates,
      downloads: Number(r.downloads),
    }));
  }
}
