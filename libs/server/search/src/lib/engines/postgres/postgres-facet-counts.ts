import type { DataSource } from 'typeorm';
import type { Facet, SearchRequest } from '../../query/search-request';
import type { WordPlan } from '../../query/words';
import type { FacetCount } from '../search-queries';
import { MAX_FACET_VALUES } from '../search-queries';
import type { FacetGroup } from './facet-groups';
import { countFacets, ownBit, totalOf } from './facet-groups';
import { facetConditions, fixedFilters, Params } from './postgres-filters';
import type { Match, PostgresWords } from './postgres-words';

/** A row of the facet counts' statement. */
interface CountRow {
  part: 'group' | 'tag';
  fails: number | null;
  bits: number | null;
  type: string | null;
  base_model: string | null;
  value: string | null;
  n: string;
}

/** Disjunctive facet counts for the PostgreSQL engine: one scan per request, counted by `countFacets`. */
export class PostgresFacetCounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly words: PostgresWords,
  ) {}

  /**
   * Every facet's counts from one scan: the matching documents (narrow columns, and which facet filters each fails)
   * are read once, grouped by the columns the facets read and counted here; the tags are counted in the statement
   * (a document has several). One failing two facets' filters counts nowhere and is dropped in the scan.
   */
  async facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]> {
    if (!facets.length) return [];
    return (await this.words.settle(request, (plan) => this.counts(request, facets, valueQuery, plan))).facets;
  }

  /** The total and the facet counts. */
  async counts(request: SearchRequest, facets: readonly Facet[], valueQuery?: string, plan?: WordPlan) {
    const params = new Params();
    const match = await this.words.match(request, params, plan);
    const scan = this.candidates(request, match, params);
    const prefix = valueQuery ? valueQuery.trim().toLowerCase() : null;
    const rows = await this.dataSource.query<CountRow[]>(
      `WITH d AS MATERIALIZED (${scan.sql}) ${this.countRows(facets, scan.filtered, params, prefix)}`,
      params.values,
    );
    return this.counted(facets, scan.filtered, rows, prefix);
  }

  /**
   * The documents a request's counts are made from: those matching its text and fixed filters and failing at most
   * one facet's filters, with the columns the counts read and `fails` (bit i set: fails the i-th filtered facet;
   * each filter is evaluated once per document).
   */
  private candidates(request: SearchRequest, match: Match, params: Params) {
    const filtered = facetConditions(request, params);
    const fixed = fixedFilters(request, params);
    const fails = filtered.map(([, sql], i) => `CASE WHEN ${sql} THEN 0 ELSE ${1 << i} END`).join(' | ') || '0';
    return {
      filtered: filtered.map(([facet]) => facet),
      // `OFFSET 0` keeps the inner query apart, so `fails` is computed once, not copied into each use.
      sql: `SELECT d.type, d.base_model_id, d.tags, d.facet_bits, d.fails
              FROM (SELECT d.type, d.base_model_id, d.tags, d.facet_bits, ${fails} AS fails
                      FROM search.model_document d
                     WHERE ${[match.where, ...fixed].join(' AND ')} OFFSET 0) d
             WHERE d.fails & (d.fails - 1) = 0`,
    };
  }

  /**
   * The rows counts are made from, over the candidates `d`: `group` rows (the candidates grouped by which facets
   * they fail and the columns the facets read: a few hundred rows for thousands of matches, counted in
   * `countFacets`) and, when tags are asked for, the most frequent tags (starting with `prefix`, the one value
   * bound here only when used) as `tag` rows.
   */
  private countRows(facets: readonly Facet[], filtered: readonly Facet[], params: Params, prefix: string | null) {
    const groups = `SELECT 'group' AS part, d.fails, d.facet_bits AS bits, d.type, d.base_model_id AS base_model,
                           NULL AS value, count(*) AS n
                      FROM d GROUP BY d.fails, d.facet_bits, d.type, d.base_model_id`;
    if (!facets.includes('tag')) return groups;
    return `${groups} UNION ALL
            (SELECT 'tag', NULL, NULL, NULL, NULL, t.value, count(*)
               FROM (SELECT unnest(d.tags) AS value FROM d WHERE d.fails IN (0, ${ownBit(filtered, 'tag')})) t
              ${prefix ? `WHERE starts_with(lower(t.value), ${params.add(prefix)})` : ''}
              GROUP BY t.value ORDER BY count(*) DESC, t.value LIMIT ${MAX_FACET_VALUES})`;
  }

  /** The total and the facet counts from `countRows`' rows. */
  private counted(facets: readonly Facet[], filtered: readonly Facet[], rows: CountRow[], prefix: string | null) {
    const groups: FacetGroup[] = rows
      .filter((r) => r.part === 'group')
      .map((r) => ({ fails: r.fails!, bits: r.bits!, type: r.type, baseModel: r.base_model, n: Number(r.n) }));
    const tags = rows
      .filter((r) => r.part === 'tag')
      .map((r) => ({ facet: 'tag' as const, value: r.value!, count: Number(r.n) }));
    return { total: totalOf(groups), facets: [...countFacets(facets, filtered, groups, prefix), ...tags] };
  }
}
