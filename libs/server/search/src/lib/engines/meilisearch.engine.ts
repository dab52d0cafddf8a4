import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { MeilisearchApiError, Meilisearch } from 'meilisearch';
import type { EnqueuedTaskPromise, Hit, MultiSearchQuery, SearchParams, Settings } from 'meilisearch';
import type { DocumentKind, SearchDocument } from '../documents/search-document';
import { KIND_WORDS } from '../documents/search-document';
import { SynonymRepository } from '../documents/synonym.repository';
import type { Facet, SearchRequest } from '../query/search-request';
import { MAX_DEPTH, MAX_FIRST } from '../query/search-request';
import { priceOrderKey } from '@lookbook/kernel';
import { hashQuery, queryWords } from '../query/words';
import type {
  CreatorHit,
  FacetCount,
  HighlightSegment,
  IdPage,
  SearchHit,
  SearchPage,
  Suggestion,
} from './search-engine';
import { byCount, MAX_FACET_VALUES, SearchEngine } from './search-engine';

/** Documents per `addDocuments` call: well under Meilisearch's payload limit, few tasks per reindex. */
export const MEILI_BATCH = 1000;
/** Highlight markers: control characters, which our tokeniser never indexes, so they cannot occur in a match. */
const PRE = '\u0002';
const POST = '\u0003';

/** A document as Meilisearch stores it: flat fields named for filters, facets and sorts. */
export interface MeiliDocument {
  id: string;
  /** `distinct` key: one hit per model or template (should versions get documents of their own). */
  modelId: string;
  kind: DocumentKind;
  name: string;
  slug: string;
  description: string;
  tags: string[];
  triggerWords: string[];
  creatorHandle: string;
  creatorName: string;
  /** Null for a template: absent from the type facet, and kept by a type exclusion. */
  type: string | null;
  /** The model type's words, or "workflow template comfyui" for a template. */
  typeName: string;
  baseModel: string | null;
  baseModelName: string | null;
  hashes: string[];
  maturity: string;
  tiers: string[];
  /** `FREE` and/or `PAID`: the price facet. */
  price: string[];
  /** The cheapest paid offer: its tier, amount (minor units) and currency. */
  minPriceTier: string | null;
  minPriceAmount: number | null;
  minPriceCurrency: string | null;
  /**
   * Sort keys, from the cheapest paid offer's `priceOrderKey` (comparable across currencies): `priceLow` puts free
   * first for "price: low to high"; `paidPrice` orders paid licences alone; `priceHigh` most expensive first.
   */
  priceLow: number | null;
  paidPrice: number | null;
  priceHigh: number;
  commercialUse: boolean;
  derivativesAllowed: boolean;
  creditRequired: boolean;
  publishedAt: number;
  downloads: number;
  trending: number;
}

/** Where each facet lives in a Meilisearch document. */
const FACET_ATTRIBUTE: Record<Facet, keyof MeiliDocument> = {
  kind: 'kind',
  type: 'type',
  baseModel: 'baseModel',
  tag: 'tags',
  maturity: 'maturity',
  tier: 'tiers',
  price: 'price',
  commercialUse: 'commercialUse',
  derivativesAllowed: 'derivativesAllowed',
  creditRequired: 'creditRequired',
};

/** Facets with many values get Meilisearch's facet search; the others are few enough to filter here. */
const FACET_SEARCHABLE: readonly Facet[] = ['tag', 'baseModel', 'type'];

const SORTS: Record<Exclude<SearchRequest['sort'], 'RELEVANCE'>, string[]> = {
  NEWEST: ['publishedAt:desc'],
  MOST_DOWNLOADED: ['downloads:desc', 'publishedAt:desc'],
  TRENDING: ['trending:desc', 'downloads:desc'],
  PRICE_LOW: ['priceLow:asc'],
  PRICE_HIGH: ['priceHigh:desc'],
};
/** "Price: low to high" among paid licences: by the paid price, whether or not a free offer exists too. */
const PAID_PRICE_LOW = ['paidPrice:asc'];
/** What a hit needs besides its id: its kind and its prices (the rest comes from the catalog). */
const HIT_ATTRIBUTES = ['id', 'kind', 'price', 'minPriceTier', 'minPriceAmount', 'minPriceCurrency'];
/** Partial matches, as the PostgreSQL engine: words are left out from the last while nothing matches them all. */
const MATCHING_STRATEGY = 'last' as const;

/**
 * The index settings, applied at start and before every rebuild (idempotent: the same table gives the same
 * payload). Typos are tolerated in words but never in numbers or hashes; quality (downloads, trending) ranks only
 * after relevance, and an explicit sort only after the words matched (Civitai put `sort` first, so any sort
 * overrode relevance).
 */
export function meiliSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: [
      'name',
      'slug',
      'tags',
      'triggerWords',
      'creatorHandle',
      'creatorName',
      'baseModelName',
      'baseModel',
      'typeName',
      'description',
    ],
    displayedAttributes: [...HIT_ATTRIBUTES, 'name', 'description'],
    filterableAttributes: [
      {
        attributePatterns: ['tags', 'baseModel', 'type', 'creatorHandle'],
        features: { facetSearch: true, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: [
          'kind',
          'maturity',
          'tiers',
          'price',
          'commercialUse',
          'derivativesAllowed',
          'creditRequired',
          'hashes',
          'minPriceCurrency',
          // Documents waiting to be deleted are filtered out by id (`hidden`).
          'id',
        ],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: ['minPriceAmount', 'publishedAt'],
        features: { facetSearch: false, filter: { equality: true, comparison: true } },
      },
    ],
    sortableAttributes: ['publishedAt', 'downloads', 'trending', 'priceLow', 'paidPrice', 'priceHigh'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'downloads:desc', 'trending:desc'],
    typoTolerance: { enabled: true, disableOnAttributes: ['hashes', 'slug'], disableOnNumbers: true },
    synonyms,
    distinctAttribute: 'modelId',
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_DEPTH + MAX_FIRST },
    searchCutoffMs: 150,
  };
}

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const order = d.minPrice ? priceOrderKey(d.minPrice.amount, d.minPrice.currency) : null;
  return {
    id: d.id,
    modelId: d.id,
    kind: d.kind,
    name: d.name,
    slug: d.slug,
    description: d.description,
    tags: d.tags,
    triggerWords: d.triggerWords,
    creatorHandle: d.ownerHandle,
    creatorName: d.ownerName,
    type: d.type,
    typeName: d.type ? d.type.replace(/_/g, ' ').toLowerCase() : KIND_WORDS,
    baseModel: d.baseModelId,
    baseModelName: d.baseModelName,
    hashes: d.hashes,
    maturity: d.maturity,
    tiers: d.tiers,
    price: [...(d.free ? ['FREE'] : []), ...(d.minPrice ? ['PAID'] : [])],
    minPriceTier: d.minPrice?.tier ?? null,
    minPriceAmount: d.minPrice?.amount ?? null,
    minPriceCurrency: d.minPrice?.currency ?? null,
    priceLow: d.free ? 0 : order,
    paidPrice: order,
    priceHigh: order ?? 0,
    commercialUse: d.commercialUse,
    derivativesAllowed: d.derivativesAllowed,
    creditRequired: d.creditRequired,
    publishedAt: d.publishedAt.getTime(),
    downloads: d.downloads,
    trending: d.trending,
  };
}

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
const hiddenFilter = (ids: readonly string[]) => `NOT ${anyOf('id', ids)}`;

/** Splits Meilisearch's highlighted text (`PRE`…`POST` around matches) into segments. */
export function segmentsOf(formatted: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [i, part] of formatted.split(new RegExp(`[${PRE}${POST}]`)).entries())
    if (part) segments.push({ text: part, match: i % 2 === 1 });
  return segments;
}

/** A Meilisearch task that ended in anything but `succeeded`: the write did not happen, and is retried. */
export class SearchIndexError extends Error {
  constructor(
    readonly taskUid: number,
    readonly status: string,
    readonly code: string | undefined,
    message: string | undefined,
  ) {
    super(`Meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}${message ? `: ${message}` : ''}`);
  }
}

/**
 * The Meilisearch engine (production). The index uids are ours alone (`<prefix>_models`, and `<prefix>_models__next`
 * while a reindex builds); clients only ever see our GraphQL. Every write waits for its task and fails unless the
 * task `succeeded` (the client's `waitTask` resolves on failure too), so the relay's job is retried with backoff.
 * Not available: did-you-mean (Meilisearch corrects typos silently), creator display names in suggestions.
 */
@Injectable()
export class MeilisearchEngine extends SearchEngine implements OnApplicationBootstrap {
  readonly name = 'meilisearch' as const;
  private readonly logger = new Logger(MeilisearchEngine.name);
  private readonly client: Meilisearch;
  private readonly live: string;
  private readonly next: string;
  private readonly selected: boolean;
  private settingsApplied = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly synonyms: SynonymRepository,
  ) {
    super();
    this.selected = config.search.engine === 'meilisearch';
    const { meiliUrl, meiliApiKey, meiliIndexPrefix, meiliTaskTimeoutMs } = config.search;
    this.client = new Meilisearch({
      host: meiliUrl ?? 'http://127.0.0.1:7700',
      apiKey: meiliApiKey,
      timeout: 10_000,
      defaultWaitOptions: { timeout: meiliTaskTimeoutMs, interval: 50 },
    });
    this.live = `${meiliIndexPrefix}_models`;
    this.next = `${meiliIndexPrefix}_models__next`;
  }

  /** Applies the settings at start; an engine that is down is not fatal (writes queue up; tried again on use). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.selected) return;
    await this.ready().catch((error: Error) =>
      this.logger.warn(`Meilisearch settings not applied yet (${error.message}); will retry`),
    );
  }

  /** Creates the index if missing and applies the settings; once per process unless it fails. */
  async ready(): Promise<void> {
    if (this.settingsApplied) return;
    await this.prepareIndex(this.live);
    this.settingsApplied = true;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await this.ready();
    const targets = await this.writeTargets();
    for (const uid of targets) await this.addDocuments(uid, documents);
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.ready();
    for (const uid of await this.writeTargets()) await this.check(this.client.index(uid).deleteDocuments([...ids]));
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    await this.ready();
    const hash = hashQuery(request.query);
    const q = hash ? '' : request.query;
    const [result, dropped] = await Promise.all([
      this.client.index(this.live).search(q, {
        ...this.params(request, null),
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

  /**
   * The words `matchingStrategy: last` leaves out, which Meilisearch does not report: one multi-search counting
   * the documents that match every word of each leading part of the query (all the words, all but the last, … two),
   * with the same filters; the words after the longest part that matches something are the dropped ones.
   */
  private async droppedWords(request: SearchRequest, q: string): Promise<string[]> {
    const words = queryWords(q);
    if (words.length < 2) return [];
    const lengths = words.slice(1).map((_, i) => words.length - i);
    const { results } = await this.client.multiSearch({
      queries: lengths.map((n) => ({
        indexUid: this.live,
        q: words.slice(0, n).join(' '),
        filter: meiliFilter(request),
        matchingStrategy: 'all' as const,
        limit: 0,
      })),
    });
    const found = lengths.find((_, i) => (results[i]?.estimatedTotalHits ?? 0) > 0) ?? 1;
    return words.slice(found);
  }

  async facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]> {
    if (!facets.length) return [];
    await this.ready();
    const prefix = valueQuery?.trim().toLowerCase();
    if (prefix && facets.length === 1 && FACET_SEARCHABLE.includes(facets[0]!)) {
      const facet = facets[0]!;
      const found = await this.client.index(this.live).searchForFacetValues({
        facetName: FACET_ATTRIBUTE[facet],
        facetQuery: prefix,
        ...this.params(request, facet),
      });
      return found.facetHits
        .filter((h) => h.value.toLowerCase().startsWith(prefix))
        .map((h) => ({ facet, value: h.value, count: h.count }))
        .sort(byCount)
        .slice(0, MAX_FACET_VALUES);
    }
    // Disjunctive counts: one query per facet, each without that facet's own filter, in one round trip.
    const queries: MultiSearchQuery[] = facets.map((facet) => ({
      indexUid: this.live,
      ...this.params(request, facet),
      facets: [FACET_ATTRIBUTE[facet]],
      limit: 0,
    }));
    const { results } = await this.client.multiSearch({ queries });
    return facets.flatMap((facet, i) =>
      Object.entries(results[i]?.facetDistribution?.[FACET_ATTRIBUTE[facet]] ?? {})
        .filter(([value]) => !prefix || value.toLowerCase().startsWith(prefix))
        .map(([value, count]) => ({ facet, value, count }))
        .sort(byCount)
        .slice(0, MAX_FACET_VALUES),
    );
  }

  async suggest(prefix: string, limit: number, hidden: readonly string[] = []): Promise<Suggestion[]> {
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    await this.ready();
    const index = this.client.index(this.live);
    // Facet search counts only the documents passing its filter: a tag or creator only hidden documents have is
    // not offered.
    const filter = hidden.length ? [hiddenFilter(hidden)] : undefined;
    const [models, tags, creators] = await Promise.all([
      index.search(q, {
        limit,
        attributesToRetrieve: ['id', 'kind', 'name'],
        attributesToSearchOn: ['name'],
        ...(filter && { filter }),
      }),
      index.searchForFacetValues({ facetName: 'tags', facetQuery: q, ...(filter && { filter }) }),
      index.searchForFacetValues({ facetName: 'creatorHandle', facetQuery: q, ...(filter && { filter }) }),
    ]);
    return [
      ...models.hits.map((h) => ({
        kind: h['kind'] === 'TEMPLATE' ? ('TEMPLATE' as const) : ('MODEL' as const),
        text: String(h['name']),
        ref: String(h['id']),
      })),
      ...tags.facetHits.slice(0, limit).map((h) => ({ kind: 'TAG' as const, text: h.value, ref: h.value })),
      ...creators.facetHits.slice(0, limit).map((h) => ({ kind: 'CREATOR' as const, text: h.value, ref: h.value })),
    ];
  }

  /** Creators by facet search on the handle (the index holds models; a creator's name is not a facet). */
  async creators(request: SearchRequest, limit: number): Promise<CreatorHit[]> {
    const q = request.query.trim();
    if (!q || hashQuery(q)) return [];
    await this.ready();
    const found = await this.client.index(this.live).searchForFacetValues({
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

  async count(): Promise<number> {
    await this.ready();
    return (await this.client.index(this.live).getStats()).numberOfDocuments;
  }

  /** Offset paging: ids written meanwhile may be seen twice or not at all, which reconcile tolerates. */
  async indexedIds(kind: DocumentKind, cursor: string | null, limit: number): Promise<IdPage> {
    await this.ready();
    const offset = cursor ? Number(cursor) : 0;
    const page = await this.client
      .index(this.live)
      .getDocuments<{ id: string }>({ fields: ['id'], filter: `kind = ${quote(kind)}`, offset, limit });
    const ids = page.results.map((d) => d.id);
    return { ids, next: offset + ids.length < page.total ? String(offset + ids.length) : null };
  }

  /** A fresh `__next` index with the settings; from now on relay writes also go there (see `writeTargets`). */
  async beginRebuild(): Promise<void> {
    await this.ready();
    await this.dropIndex(this.next);
    await this.prepareIndex(this.next);
  }

  async writeRebuild(documents: readonly SearchDocument[]): Promise<void> {
    await this.addDocuments(this.next, documents);
  }

  /** Swaps the built index in atomically, then drops the old one. */
  async finishRebuild(): Promise<void> {
    await this.check(this.client.swapIndexes([{ indexes: [this.live, this.next], rename: false }]));
    await this.dropIndex(this.next);
  }

  /** Deletes an index and waits for it; one that does not exist is already gone. */
  private async dropIndex(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid).waitTask();
    if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found')
      throw new SearchIndexError(task.uid, task.status, task.error?.code, task.error?.message);
  }

  private async prepareIndex(uid: string): Promise<void> {
    const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists')
      throw new SearchIndexError(created.uid, created.status, created.error?.code, created.error?.message);
    await this.check(this.client.index(uid).updateSettings(meiliSettings(await this.synonyms.all())));
  }

  /**
   * The live index, and the one being built when a reindex runs. Asked fresh on every write, inside the caller's
   * per-model lock: a write that saw no `__next` committed before the rebuild read that model.
   */
  private async writeTargets(): Promise<string[]> {
    try {
      await this.client.index(this.next).getRawInfo();
      return [this.live, this.next];
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return [this.live];
      throw error;
    }
  }

  private async addDocuments(uid: string, documents: readonly SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += MEILI_BATCH) {
      const batch = documents.slice(i, i + MEILI_BATCH).map(toMeiliDocument);
      await this.check(this.client.index(uid).addDocuments(batch, { primaryKey: 'id' }));
    }
  }

  private async check(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status !== 'succeeded')
      throw new SearchIndexError(task.uid, task.status, task.error?.code, task.error?.message);
  }

  /** The text, filters and matching strategy every part of an answer shares (hits, counts, facet search). */
  private params(
    request: SearchRequest,
    except: Facet | null,
  ): Pick<SearchParams, 'q' | 'filter' | 'matchingStrategy'> {
    return {
      q: hashQuery(request.query) ? '' : request.query,
      filter: meiliFilter(request, except),
      matchingStrategy: MATCHING_STRATEGY,
    };
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
    };
  }
}
