import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

/** What the search port's queries take (`SearchRequest`, as `parseSearchRequest` makes it): every part given. */
function request(change: Record<string, unknown> = {}, filters: Record<string, unknown> = {}) {
  return {
    query: '',
    filters: {
      kinds: [],
      types: [],
      baseModels: [],
      tags: [],
      maturity: ['SFW', 'SUGGESTIVE'],
      tiers: [],
      free: null,
      maxPrice: null,
      commercialUse: null,
      derivativesAllowed: null,
      creditRequired: null,
      creator: null,
      ...filters,
    },
    exclude: { tags: [], types: [], creators: [] },
    sort: 'RELEVANCE',
    first: 24,
    offset: 0,
    hidden: [],
    ...change,
  };
}

/** Every filter and exclusion at once. */
const everyFilter = (w: SqlWorld) => ({
  kinds: ['MODEL'],
  types: ['LORA'],
  baseModels: [w.baseModel],
  tags: ['style'],
  tiers: ['PERSONAL', 'COMMERCIAL'],
  free: false,
  maxPrice: { amount: 5000, currency: 'USD' },
  commercialUse: true,
  derivativesAllowed: true,
  creditRequired: true,
  creator: 'creator-1',
});
const excludeAll = { tags: ['pixel'], types: ['CHECKPOINT'], creators: ['creator-2'] };
const ALL_FACETS = [
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
];

interface DocumentSource {
  build(ids: readonly string[]): Promise<{ id: string }[]>;
  publishedIds(after: string | null, limit: number): Promise<string[]>;
}
interface Writer {
  upsert(documents: readonly unknown[]): Promise<void>;
}
const sources = (w: SqlWorld) =>
  ['ModelDocumentRepository', 'TemplateDocumentRepository'].map((c) => w.get<DocumentSource>(c));
const modelDocuments = (w: SqlWorld, ids: string[]) => w.get<DocumentSource>('ModelDocumentRepository').build(ids);

/**
 * Search's SQL: the document sources, the relay's outbox, synonyms, and the PostgreSQL engine — its writes and a fixed
 * matrix of requests (text, misspelled text, dropped words, hash, browse, filters, pages, facets, facet values,
 * suggestions, creators) through the engine port. See docs/architecture/sql-snapshots.md.
 */
export default {
  // The index holds every published model and template before the requests run.
  prepare: async (w) => {
    for (const source of sources(w))
      await w.get<Writer>('PostgresSearchEngine').upsert(await source.build(await source.publishedIds(null, 1000)));
  },
  classes: {
    ModelDocumentRepository: {
      build: (w, tx) => [[w.model, w.parentModel], tx],
      publishedIds: [
        { name: 'first page', args: () => [null, 100] },
        { name: 'after an id', args: (w) => [w.model, 100] },
      ],
      recentlyActiveIds: () => [],
    },
    TemplateDocumentRepository: {
      build: (w, tx) => [[w.template, w.remix], tx],
      publishedIds: [
        { name: 'first page', args: () => [null, 100] },
        { name: 'after an id', args: (w) => [w.template, 100] },
      ],
      recentlyActiveIds: () => [],
    },
    SynonymRepository: {
      all: () => [],
    },
    SearchOutboxRepository: {
      lockDocuments: (w, tx) => [tx, [w.model, w.parentModel]],
      status: () => [],
      hiddenIds: () => [],
      takeStaleCounts: () => [500],
      restoreStaleCounts: (w) => [[{ kind: 'MODEL', id: w.model }]],
    },
    SavedSearchRepository: {
      create: (w, tx) => [
        tx,
        {
          id: w.newId(),
          userId: w.buyer,
          name: 'neon',
          request: { query: 'neon', filters: request().filters, exclude: request().exclude, sort: 'NEWEST' },
          requestHash: 'neon-hash',
          at: w.at,
        },
      ],
      lockCount: (w, tx) => [tx, w.buyer],
      listOf: (w) => [w.buyer],
      rename: (w) => [w.buyer, w.newId(), 'renamed', w.at],
      remove: (w) => [w.buyer, w.newId()],
      lockCursor: (_w, tx) => [tx],
      moveCursor: (_w, tx) => [tx, 0],
      activityAfter: (_w, tx) => [tx, 0, 500],
      page: [
        { name: 'first page', args: (_w, tx) => [tx, null, 1000] },
        { name: 'after an id', args: (w, tx) => [tx, w.model, 1000] },
      ],
      blockedPairs: (w, tx) => [tx, [w.buyer, w.creator, w.otherCreator]],
    },
    PostgresSearchEngine: {
      upsert: async (w) => [await modelDocuments(w, [w.model, w.parentModel])],
      writeRebuild: async (w) => [await modelDocuments(w, [w.model])],
      delete: async (w) => {
        // A document indexed under an id of its own, so the world's stay.
        const [document] = await modelDocuments(w, [w.parentModel]);
        const copy = { ...document!, id: w.newId() };
        await w.get<Writer>('PostgresSearchEngine').upsert([copy]);
        return [[copy.id]];
      },
      search: [
        { name: 'text', args: () => [request({ query: 'neon wash' })] },
        { name: 'text, a misspelled word corrected', args: () => [request({ query: 'chrme wash' })] },
        { name: 'text, a word the index lacks left out', args: () => [request({ query: 'neon zzqxv' })] },
        {
          name: 'text, words matching nothing together: the last left out',
          args: () => [request({ query: 'neon chrome' })],
        },
        { name: 'text, a prefix', args: () => [request({ query: 'chro' })] },
        {
          name: 'text, every filter and exclusion, cheapest first',
          args: (w) => [request({ query: 'wash', sort: 'PRICE_LOW', exclude: excludeAll }, everyFilter(w))],
        },
        { name: 'text, hidden documents', args: (w) => [request({ query: 'wash', hidden: [w.model] })] },
        { name: 'hash', args: (w) => [request({ query: w.file.sha256 })] },
        { name: 'browse, newest', args: () => [request({ sort: 'NEWEST' })] },
        { name: 'browse, trending, second page', args: () => [request({ sort: 'TRENDING', offset: 24 })] },
        { name: 'browse, most liked', args: () => [request({ sort: 'MOST_LIKED' })] },
        { name: 'browse, top rated', args: () => [request({ sort: 'TOP_RATED' })] },
        { name: 'text, most liked', args: () => [request({ query: 'wash', sort: 'MOST_LIKED' })] },
        {
          name: 'browse, templates only, most downloaded',
          args: () => [request({ sort: 'MOST_DOWNLOADED' }, { kinds: ['TEMPLATE'] })],
        },
        {
          name: 'browse, every filter and exclusion, dearest first',
          args: (w) => [request({ sort: 'PRICE_HIGH', exclude: excludeAll }, everyFilter(w))],
        },
        { name: 'browse, free only', args: () => [request({ sort: 'PRICE_LOW' }, { free: true })] },
      ],
      facets: [
        { name: 'every facet, browsing', args: () => [request(), ALL_FACETS] },
        {
          name: 'every facet, text and every filter',
          args: (w) => [request({ query: 'wash', exclude: excludeAll }, everyFilter(w)), ALL_FACETS],
        },
        { name: 'every facet, hash', args: (w) => [request({ query: w.file.sha256 }), ALL_FACETS] },
        { name: 'facet values: tags starting with a prefix', args: () => [request({ query: 'wash' }), ['tag'], 'in'] },
        { name: 'facet values: base models, browsing', args: () => [request(), ['baseModel']] },
      ],
      searchWithFacets: [
        { name: 'text', args: () => [request({ query: 'neon wash' }), ALL_FACETS] },
        { name: 'browse', args: () => [request({ sort: 'NEWEST' }), ALL_FACETS] },
      ],
      suggest: [
        { name: 'a prefix', args: () => ['ch', 8] },
        { name: 'a prefix, hidden documents', args: (w) => ['ch', 8, [w.model]] },
      ],
      creators: [
        { name: 'text', args: () => [request({ query: 'ada' }), 5] },
        {
          name: 'text, excluded creators and hidden documents',
          args: (w) => [request({ query: 'ada', exclude: excludeAll, hidden: [w.model] }), 5],
        },
      ],
      count: () => [],
      indexedIds: [
        { name: 'first page', args: () => ['MODEL', null, 100] },
        { name: 'after a cursor', args: (w) => ['TEMPLATE', w.template, 100] },
      ],
      beginRebuild: { notCaptured: 'PostgreSQL rewrites rows in place: a rebuild has nothing to begin' },
      finishRebuild: { notCaptured: 'PostgreSQL rewrites rows in place: a rebuild has nothing to finish' },
    },
  },
} satisfies SqlCaseFile;
