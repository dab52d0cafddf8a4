import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentKind, SearchDocument } from '../documents/search-document';
import { KIND_WORDS } from '../documents/search-document';
import { highlight } from '../query/highlight';
import type { Facet, SearchRequest } from '../query/search-request';
import { priceOrderKey } from '@lookbook/kernel';
import type { QueryWord, WordPlan } from '../query/words';
import {
  correctable,
  didYouMean,
  dropLastWord,
  hashQuery,
  planWords,
  queryWords,
  toTsQuery,
  uniqueWords,
  words,
} from '../query/words';
import type { CreatorHit, FacetCount, IdPage, SearchPage, Suggestion } from './search-engine';
import { MAX_FACET_VALUES, SearchEngine } from './search-engine';
import type { FacetGroup } from './facet-groups';
import { countFacets, ownBit, totalOf } from './facet-groups';

/** Collects bound parameters: every value reaches PostgreSQL as `$n`, never as SQL text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

interface Match {
  /** `WHERE` text for the query part (full text or hash), with its parameters in `params`. */
  where: string;
  rank: string;
  words: QueryWord[];
  /** Query words left out: they matched nothing, or nothing matched every word with them. */
  dropped: string[];
  hash: boolean;
}

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
}

/** The columns of a hit's row after `d.model_id, d.kind, <score>`. */
const HIT_COLUMNS = 'd.name, d.description, d.free, d.min_price_tier, d.min_price_amount, d.min_price_currency';

const SORTS: Record<SearchRequest['sort'], string> = {
  RELEVANCE: 'score DESC, d.downloads DESC, d.published_at DESC, d.model_id',
  NEWEST: 'd.published_at DESC, d.model_id',
  MOST_DOWNLOADED: 'd.downloads DESC, d.published_at DESC, d.model_id',
  TRENDING: 'd.trending DESC, d.downloads DESC, d.model_id',
  // Free first, then the cheapest paid offer by its approximate value (`price_order`: comparable across currencies).
  PRICE_LOW: '(CASE WHEN d.free THEN 0 ELSE d.price_order END) ASC NULLS LAST, d.model_id',
  PRICE_HIGH: 'd.price_order DESC NULLS LAST, d.model_id',
};

/** Paid licences only: ordered by the paid price, whether or not a free offer exists too. */
const PAID_PRICE_LOW = 'd.price_order ASC NULLS LAST, d.model_id';

/** How many indexed words the last (prefix) word expands to at most; Meilisearch bounds its prefix search too. */
export const MAX_COMPLETIONS = 30;

/**
 * The PostgreSQL engine (embedded default): weighted full-text search (`simple` configuration: names > tags and
 * trigger words > creator, base model and type > description), per-word typo correction against the lexicon of
 * indexed words (pg_trgm), synonyms from `search.synonym`, exact hash lookup, disjunctive facet counts. One row per
 * model or template, so one hit per model without `DISTINCT ON`.
 */
@Injectable()
export class PostgresSearchEngine extends SearchEngine {
  readonly name = 'postgres' as const;
  /** A request's resolved words, shared by its hits and its facet counts (one lexicon lookup per search). */
  private readonly resolved = new WeakMap<SearchRequest, Promise<WordPlan>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    await this.dataSource.transaction(async (tx) => {
      const ids = documents.map((d) => d.id);
      const previous = await this.lockAndRead(tx, ids);
      const rows = documents.map((d) => toRow(d));
      await tx.query(
        `INSERT INTO search.model_document AS d (model_id, kind, name, slug, description, owner_id, owner_handle,
                owner_name, type, base_model_id, base_model_name, tags, trigger_words, hashes, maturity, tiers, free,
                min_price_tier, min_price_amount, min_price_currency, price_order, commercial_use,
                derivatives_allowed, credit_required, published_at, downloads, trending, words, document, indexed_at)
         SELECT r.id, r.kind, r.name, r.slug, r.description, r.owner_id, r.owner_handle, r.owner_name, r.type,
                r.base_model_id, r.base_model_name, r.tags, r.trigger_words, r.hashes, r.maturity, r.tiers, r.free,
                r.min_price_tier, r.min_price_amount, r.min_price_currency, r.price_order, r.commercial_use,
                r.derivatives_allowed, r.credit_required,
                r.published_at, r.downloads, r.trending, r.words,
                setweight(to_tsvector('simple', r.text_a), 'A') || setweight(to_tsvector('simple', r.text_b), 'B') ||
                setweight(to_tsvector('simple', r.text_c), 'C') || setweight(to_tsvector('simple', r.text_d), 'D'),
                now()
           FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, kind text, name text, slug text, description text, owner_id uuid,
                owner_handle text, owner_name text, type text, base_model_id text, base_model_name text, tags text[],
                trigger_words text[], hashes text[], maturity text, tiers text[], free boolean,
                min_price_tier text, min_price_amount bigint, min_price_currency text, price_order float8,
                commercial_use boolean,
                derivatives_allowed boolean, credit_required boolean, published_at timestamptz, downloads bigint,
                trending float8, words text[], text_a text, text_b text, text_c text, text_d text)
         ON CONFLICT (model_id) DO UPDATE SET
           kind = EXCLUDED.kind, name = EXCLUDED.name, slug = EXCLUDED.slug, description = EXCLUDED.description,
           owner_id = EXCLUDED.owner_id, owner_handle = EXCLUDED.owner_handle, owner_name = EXCLUDED.owner_name,
           type = EXCLUDED.type, base_model_id = EXCLUDED.base_model_id, base_model_name = EXCLUDED.base_model_name,
           tags = EXCLUDED.tags, trigger_words = EXCLUDED.trigger_words, hashes = EXCLUDED.hashes,
           maturity = EXCLUDED.maturity, tiers = EXCLUDED.tiers, free = EXCLUDED.free,
           min_price_tier = EXCLUDED.min_price_tier, min_price_amount = EXCLUDED.min_price_amount,
           min_price_currency = EXCLUDED.min_price_currency, price_order = EXCLUDED.price_order,
           commercial_use = EXCLUDED.commercial_use, derivatives_allowed = EXCLUDED.derivatives_allowed,
           credit_required = EXCLUDED.credit_required, published_at = EXCLUDED.published_at,
           downloads = EXCLUDED.downloads, trending = EXCLUDED.trending, words = EXCLUDED.words,
           document = EXCLUDED.document, indexed_at = now()`,
        [JSON.stringify(rows)],
      );
      await this.refreshCreators(tx, [...previous.map((p) => p.owner_id), ...documents.map((d) => d.ownerId)]);
      await this.applyCounts(
        tx,
        previous,
        rows.map((r) => ({ words: r.words, tags: r.tags })),
      );
    });
  }

  async delete(modelIds: readonly string[]): Promise<void> {
    if (!modelIds.length) return;
    await this.dataSource.transaction(async (tx) => {
      const previous = await this.lockAndRead(tx, [...modelIds]);
      if (!previous.length) return;
      await tx.query(`DELETE FROM search.model_document WHERE model_id = ANY ($1::uuid[])`, [modelIds]);
      await this.refreshCreators(
        tx,
        previous.map((p) => p.owner_id),
      );
      await this.applyCounts(tx, previous, []);
    });
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const { match, rows, total } = await this.settle(request, (plan) => this.hits(request, true, plan));
    return this.page(match, rows, total);
  }

  /**
   * Runs a search part with the request's words; while no document matches every word, leaves the last word out
   * and runs it again (Meilisearch's `matchingStrategy: last`), until something matches or one word is left. Only a
   * search that found nothing runs again, and such a run is cheap; the hits and the counts decide alike (both see
   * the filtered total), so every part of an answer uses the same words.
   */
  private async settle<T extends { total: number }>(
    request: SearchRequest,
    run: (plan: WordPlan | undefined) => Promise<T>,
  ): Promise<T> {
    if (!request.query || hashQuery(request.query)) return run(undefined);
    const all = queryWords(request.query);
    let plan = await this.plan(request);
    for (;;) {
      const result = await run(plan);
      const next: WordPlan | null = result.total > 0 ? null : dropLastWord(plan, all);
      if (!next) return result;
      plan = next;
    }
  }

  /** The request's words as first resolved: those matching no indexed word left out (one lexicon statement). */
  private plan(request: SearchRequest): Promise<WordPlan> {
    let resolving = this.resolved.get(request);
    if (!resolving)
      this.resolved.set(request, (resolving = this.resolveWords(queryWords(request.query)).then(planWords)));
    return resolving;
  }

  /**
   * A page of hits in sort order, and with `withTotal` how many match. Matching text ranks every match anyway, so
   * the total comes along; browsing without text walks an index in sort order for the page and counts separately
   * (not the whole catalog sorted to take 24).
   */
  private async hits(request: SearchRequest, withTotal: boolean, plan?: WordPlan) {
    const params = new Params();
    const match = await this.match(request, params, plan);
    const where = [match.where, ...this.filters(request, params, null)].join(' AND ');
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
      })),
      total,
      // Only what found something is offered: a correction or a shortened query with no results is no help.
      didYouMean: total > 0 ? didYouMean(match.words) : null,
      droppedWords: total > 0 ? match.dropped : [],
      hashMatch: match.hash && rows.length > 0,
    };
  }

  /**
   * Every facet's counts from one scan: the matching documents (narrow columns, and which facet filters each fails)
   * are read once, grouped by the columns the facets read and counted here; the tags are counted in the statement
   * (a document has several). One failing two facets' filters counts nowhere and is dropped in the scan.
   */
  async facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]> {
    if (!facets.length) return [];
    return (await this.settle(request, (plan) => this.counts(request, facets, valueQuery, plan))).facets;
  }

  /** The total and the facet counts. */
  private async counts(request: SearchRequest, facets: readonly Facet[], valueQuery?: string, plan?: WordPlan) {
    const params = new Params();
    const match = await this.match(request, params, plan);
    const scan = this.candidates(request, match, params);
    const prefix = valueQuery ? valueQuery.trim().toLowerCase() : null;
    const rows = await this.dataSource.query<CountRow[]>(
      `WITH d AS MATERIALIZED (${scan.sql}) ${this.countRows(facets, scan.filtered, params, prefix)}`,
      params.values,
    );
    return this.counted(facets, scan.filtered, rows, prefix);
  }

  /**
   * Hits and facet counts as two statements at once, on two connections: the hits (the matches passing every filter,
   * ranked, a top-N sort) and the counts (the candidates grouped, no rank), the total from the counts. Each reads
   * the matches, so a search costs more CPU than one statement that reads them once, and answers sooner: the two
   * run on two cores. Browsing without text keeps its two cheaper paths: the page from the sort index, counts apart.
   */
  override async searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }> {
    // Resolve the words once, before the two statements ask for them.
    const match = await this.match(request, new Params());
    if (match.where === 'true' || !facets.length) return super.searchWithFacets(request, facets);
    const { hits, counted } = await this.settle(request, async (plan) => {
      const [hits, counted] = await Promise.all([
        this.hits(request, false, plan),
        this.counts(request, facets, undefined, plan),
      ]);
      return { hits, counted, total: counted.total };
    });
    return { page: this.page(hits.match, hits.rows, counted.total), facets: counted.facets };
  }

  /**
   * The documents a request's counts are made from: those matching its text and fixed filters and failing at most
   * one facet's filters, with the columns the counts read and `fails` (bit i set: fails the i-th filtered facet;
   * each filter is evaluated once per document).
   */
  private candidates(request: SearchRequest, match: Match, params: Params) {
    const filtered = this.facetConditions(request, params);
    const fixed = this.fixedFilters(request, params);
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

  /** Creators whose handle or name matches the query's words (corrected and with synonyms, as for models). */
  async creators(request: SearchRequest, limit: number): Promise<CreatorHit[]> {
    if (!request.query || hashQuery(request.query)) return [];
    const match = await this.match(request, new Params());
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
          ${request.hidden.length ? `AND ${this.visibleOwner('c', params.add(request.hidden))}` : ''}
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

  /**
   * Autocomplete on every typing pause, so each branch reads an index, never every match: names by the downloads
   * index (a common prefix finds its most downloaded names at once) or the name index (a rare one has few to sort),
   * whichever the planner costs lower; creators from their own rows.
   */
  async suggest(prefix: string, limit: number, hidden: readonly string[] = []): Promise<Suggestion[]> {
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    // While some documents wait to be deleted, their names, their tags and their creators are offered only where a
    // visible document has them too (tag and creator rows count every indexed document).
    const lagging = hidden.length > 0;
    const rows = await this.dataSource.query<Suggestion[]>(
      `(SELECT d.kind, d.name AS text, d.model_id::text AS ref FROM search.model_document d
         WHERE lower(d.name) LIKE $1 || '%' ${lagging ? 'AND d.model_id <> ALL ($3::uuid[])' : ''}
         ORDER BY d.downloads DESC, d.name LIMIT $2)
       UNION ALL
       (SELECT 'TAG', t.tag, t.tag FROM search.tag t
         WHERE t.tag LIKE $1 || '%' AND t.documents > 0
           ${
             lagging
               ? `AND EXISTS (SELECT 1 FROM search.model_document d
                               WHERE d.tags @> ARRAY[t.tag] AND d.model_id <> ALL ($3::uuid[]))`
               : ''
           }
         ORDER BY t.documents DESC, t.tag LIMIT $2)
       UNION ALL
       (SELECT 'CREATOR', c.name, c.handle FROM search.creator c
         WHERE lower(c.handle) LIKE $1 || '%' ${lagging ? `AND ${this.visibleOwner('c', '$3')}` : ''}
         ORDER BY c.models + c.templates DESC, lower(c.handle) LIMIT $2)`,
      lagging ? [escapeLike(q), limit, hidden] : [escapeLike(q), limit],
    );
    return rows;
  }

  /** The creator row `alias` has a document not in the hidden ids `$n`. */
  private visibleOwner(alias: string, hidden: string): string {
    return `EXISTS (SELECT 1 FROM search.model_document d
                     WHERE d.owner_id = ${alias}.owner_id AND d.model_id <> ALL (${hidden}::uuid[]))`;
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM search.model_document`,
    );
    return row?.count ?? 0;
  }

  async indexedIds(kind: DocumentKind, after: string | null, limit: number): Promise<IdPage> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT model_id AS id FROM search.model_document
        WHERE kind = $3 AND ($1::uuid IS NULL OR model_id > $1::uuid)
        ORDER BY model_id LIMIT $2`,
      [after, limit, kind],
    );
    const ids = rows.map((r) => r.id);
    return { ids, next: ids.length < limit ? null : ids[ids.length - 1]! };
  }

  /** Rows are rewritten in place: each upsert replaces a row atomically, so readers never see a gap. */
  async beginRebuild(): Promise<void> {}

  writeRebuild(documents: readonly SearchDocument[]): Promise<void> {
    return this.upsert(documents);
  }

  async finishRebuild(): Promise<void> {}

  /** The query part of a search: a file hash matches exactly; words match full text, corrected where misspelled. */
  private async match(request: SearchRequest, params: Params, plan?: WordPlan): Promise<Match> {
    const hash = hashQuery(request.query);
    if (hash)
      return {
        where: `d.hashes @> ARRAY[${params.add(hash)}]::text[]`,
        rank: '1',
        words: [],
        dropped: [],
        hash: true,
      };
    const { words: query, dropped } = plan ?? (await this.plan(request));
    const tsquery = toTsQuery(query);
    if (!tsquery) return { where: 'true', rank: '0', words: [], dropped: [], hash: false };
    const q = params.add(tsquery);
    return {
      where: `d.document @@ to_tsquery('simple', ${q})`,
      rank: `ts_rank(d.document, to_tsquery('simple', ${q}))`,
      words: query,
      dropped,
      hash: false,
    };
  }

  /**
   * For each word: synonyms, and the closest indexed word when it is not in the index; for the last word, the
   * indexed words it begins (one statement).
   */
  private async resolveWords(list: string[]): Promise<QueryWord[]> {
    if (!list.length) return [];
    const last = list.length - 1;
    const rows = await this.dataSource.query<
      {
        word: string;
        known: boolean;
        closest: string | null;
        synonyms: string[];
        completions: string[] | null;
        synonym_known: boolean | null;
      }[]
    >(
      `SELECT q.word, k.known,
              -- Only for a word not in the index: does a synonym match (as a prefix, for the last word)?
              CASE WHEN NOT k.known THEN
                EXISTS (SELECT 1 FROM search.synonym s
                         WHERE s.term = q.word
                           AND EXISTS (SELECT 1 FROM search.lexicon l
                                        WHERE l.word ~>=~ s.synonym AND l.documents > 0
                                          AND l.word ~<~ (s.synonym || CASE WHEN q.prefix THEN chr(1114111) ELSE chr(1) END)))
              END AS synonym_known,
              CASE WHEN q.prefix THEN
                ARRAY(SELECT l.word FROM search.lexicon l
                       WHERE l.word ~>=~ q.word AND l.word ~<~ (q.word || chr(1114111)) AND l.documents > 0
                       ORDER BY l.word USING ~<~ LIMIT ${MAX_COMPLETIONS + 1})
              END AS completions,
              CASE WHEN NOT k.known AND q.fix THEN
                (SELECT l.word FROM search.lexicon l
                  WHERE l.documents > 0 AND l.word % q.word
                  ORDER BY similarity(l.word, q.word) DESC, l.documents DESC, l.word LIMIT 1)
              END AS closest,
              ARRAY(SELECT s.synonym FROM search.synonym s WHERE s.term = q.word ORDER BY s.synonym) AS synonyms
         FROM unnest($1::text[], $2::boolean[], $3::boolean[]) WITH ORDINALITY AS q (word, fix, prefix, n),
              LATERAL (SELECT CASE WHEN q.prefix
                         THEN EXISTS (SELECT 1 FROM search.lexicon l
                                       WHERE l.word ~>=~ q.word AND l.word ~<~ (q.word || chr(1114111))
                                         AND l.documents > 0)
                         ELSE EXISTS (SELECT 1 FROM search.lexicon l WHERE l.word = q.word AND l.documents > 0)
                       END AS known) k
        ORDER BY q.n`,
      [list, list.map(correctable), list.map((_, i) => i === last)],
    );
    return rows.map((row, i) => {
      const word = list[i]!;
      const correction = row.closest && row.closest !== word ? row.closest : null;
      // A corrected last word is a whole word: the typist finished it.
      const prefix = i === last && !correction && word.length >= 2;
      // The last word matches the indexed words it begins, named one by one: GIN scans exact entries several times
      // faster than a `:*` prefix (which also costs one entry per continuation). A word that begins more than the
      // cap matches its first ones (in index order: the word itself, then its shortest continuations).
      const completions = prefix ? (row.completions ?? []).slice(0, MAX_COMPLETIONS) : [];
      return {
        word,
        alternatives: [...new Set([word, ...row.synonyms, ...(correction ? [correction] : []), ...completions])],
        correction,
        // Synonyms of a last word still match as prefixes, which the lexicon cannot list cheaply.
        prefix: prefix && row.synonyms.length > 0,
        // A word matches something when it is indexed (a last word: begins an indexed word), was corrected to an
        // indexed word, or has an indexed synonym.
        matched: row.known || correction !== null || row.synonym_known === true,
      };
    });
  }

  /** Filters and exclusions as SQL conditions; `except` leaves out that facet's own filter (disjunctive counts). */
  private filters(request: SearchRequest, params: Params, except: Facet | null): string[] {
    return [
      ...this.facetFilters(request, params)
        .filter(([facet]) => facet !== except)
        .map(([, sql]) => sql),
      ...this.fixedFilters(request, params),
    ];
  }

  /** The filters on facets, each with its facet (a facet may have two: free and a maximum price). */
  private facetFilters(request: SearchRequest, params: Params): [Facet, string][] {
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
  private facetConditions(request: SearchRequest, params: Params): [Facet, string][] {
    const byFacet = new Map<Facet, string[]>();
    for (const [facet, sql] of this.facetFilters(request, params))
      byFacet.set(facet, [...(byFacet.get(facet) ?? []), sql]);
    return [...byFacet].map(([facet, sql]) => [facet, sql.map((c) => `(${c})`).join(' AND ')]);
  }

  /** Filters that are not facets (the creator, exclusions): they narrow every count. */
  private fixedFilters(request: SearchRequest, params: Params): string[] {
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

  /** Locks the models' documents (in id order: no deadlocks between batches) and reads their indexed words and tags. */
  private async lockAndRead(
    tx: EntityManager,
    ids: string[],
  ): Promise<{ words: string[]; tags: string[]; owner_id: string }[]> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 42)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [ids],
    );
    return tx.query(`SELECT words, tags, owner_id FROM search.model_document WHERE model_id = ANY ($1::uuid[])`, [ids]);
  }

  /**
   * Rewrites the creator rows of these owners from their documents (or removes them: no published model left). Each
   * owner is locked first, in id order, so two batches for one creator aggregate one after the other: the second
   * statement's snapshot includes the first's commit. Lock order everywhere: models, owners, lexicon, tags.
   */
  private async refreshCreators(tx: EntityManager, ownerIds: string[]): Promise<void> {
    const owners = [...new Set(ownerIds)].sort();
    if (!owners.length) return;
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 43)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [owners],
    );
    await tx.query(
      `DELETE FROM search.creator c WHERE c.owner_id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM search.model_document d WHERE d.owner_id = c.owner_id)`,
      [owners],
    );
    await tx.query(
      `INSERT INTO search.creator AS c (owner_id, handle, name, models, templates, downloads, document)
       SELECT d.owner_id, min(d.owner_handle), min(d.owner_name), count(*) FILTER (WHERE d.kind = 'MODEL'),
              count(*) FILTER (WHERE d.kind = 'TEMPLATE'), sum(d.downloads),
              to_tsvector('simple', search.creator_text(min(d.owner_handle), min(d.owner_name)))
         FROM search.model_document d WHERE d.owner_id = ANY ($1::uuid[]) GROUP BY d.owner_id
       ON CONFLICT (owner_id) DO UPDATE SET handle = EXCLUDED.handle, name = EXCLUDED.name, models = EXCLUDED.models,
         templates = EXCLUDED.templates, downloads = EXCLUDED.downloads, document = EXCLUDED.document`,
      [owners],
    );
  }

  /** Keeps the lexicon and tag counts equal to the documents: subtract what was indexed, add what is indexed now. */
  private async applyCounts(
    tx: EntityManager,
    before: { words: string[]; tags: string[] }[],
    after: { words: string[]; tags: string[] }[],
  ): Promise<void> {
    for (const [table, column, pick] of [
      ['search.lexicon', 'word', (d: { words: string[] }) => d.words],
      ['search.tag', 'tag', (d: { tags: string[] }) => d.tags],
    ] as const) {
      const delta = new Map<string, number>();
      for (const d of before) for (const v of new Set(pick(d))) delta.set(v, (delta.get(v) ?? 0) - 1);
      for (const d of after) for (const v of new Set(pick(d))) delta.set(v, (delta.get(v) ?? 0) + 1);
      const changes = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (!changes.length) continue;
      // Sorted, so concurrent batches lock rows in the same order. A new value's first count is never negative:
      // a value is only subtracted after it was added.
      await tx.query(
        `INSERT INTO ${table} AS t (${column}, documents)
         SELECT v, n FROM unnest($1::text[], $2::int[]) AS c (v, n)
         ON CONFLICT (${column}) DO UPDATE SET documents = t.documents + EXCLUDED.documents`,
        [changes.map(([v]) => v), changes.map(([, n]) => n)],
      );
    }
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A document as the upsert reads it: the weighted text fields are our own tokenisation, joined by spaces. */
function toRow(d: SearchDocument) {
  // A slug's parts, not its joined form: `velvet-bloom-121` would add a `velvetbloom121` per model to the lexicon,
  // words no one types that every prefix of `velvet` would have to expand to.
  const textA = uniqueWords(d.name, d.slug.replace(/-/g, ' '));
  const textB = uniqueWords(...d.tags, ...d.triggerWords);
  const textC = uniqueWords(
    d.ownerHandle,
    d.ownerName,
    d.baseModelName,
    d.baseModelId,
    d.type?.replace(/_/g, ' '),
    d.kind === 'TEMPLATE' ? KIND_WORDS : null,
  );
  const textD = words(d.description).slice(0, 2000);
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    slug: d.slug,
    description: d.description,
    owner_id: d.ownerId,
    owner_handle: d.ownerHandle,
    owner_name: d.ownerName,
    type: d.type,
    base_model_id: d.baseModelId,
    base_model_name: d.baseModelName,
    tags: d.tags,
    trigger_words: d.triggerWords,
    hashes: d.hashes,
    maturity: d.maturity,
    tiers: d.tiers,
    free: d.free,
    min_price_tier: d.minPrice?.tier ?? null,
    min_price_amount: d.minPrice?.amount ?? null,
    min_price_currency: d.minPrice?.currency ?? null,
    price_order: d.minPrice ? priceOrderKey(d.minPrice.amount, d.minPrice.currency) : null,
    commercial_use: d.commercialUse,
    derivatives_allowed: d.derivativesAllowed,
    credit_required: d.creditRequired,
    published_at: d.publishedAt.toISOString(),
    downloads: d.downloads,
    trending: d.trending,
    words: [...new Set([...textA, ...textB, ...textC, ...textD])],
    text_a: textA.join(' '),
    text_b: textB.join(' '),
    text_c: textC.join(' '),
    text_d: textD.join(' '),
  };
}
