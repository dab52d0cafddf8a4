import { loadConfig } from '@lookbook/core';
import { MeiliStub } from '@lookbook/testing';
import { MeilisearchTaskTimeOutError } from 'meilisearch';
import type { SearchDocument } from '../../documents/search-document';
import type { SynonymRepository } from '../../documents/synonym.repository';
import { parseSearchRequest } from '../../query/search-request';
import { meiliSettings } from './meilisearch-documents';
import { quote } from './meilisearch-filter';
import { MEILI_BATCH, SearchIndexError } from './meilisearch-index';
import { MeilisearchEngine } from './meilisearch.engine';

/**
 * The Meilisearch adapter at its HTTP boundary, against a recording stub (no Meilisearch server can run on the build
 * machines; the shared behaviour suite runs against a real one when MEILI_URL is set).
 */
describe('MeilisearchEngine (HTTP boundary)', () => {
  const SYNONYMS = { flux: ['flux1'], sdxl: ['sd', 'xl'] };
  const synonyms = { all: async () => SYNONYMS } as unknown as SynonymRepository;
  let stub: MeiliStub;
  let url: string;

  const engineAt = (host: string, env: Record<string, string> = {}) =>
    new MeilisearchEngine(
      loadConfig({
        SEARCH_ENGINE: 'meilisearch',
        MEILI_URL: host,
        MEILI_API_KEY: 'master-key',
        MEILI_TASK_TIMEOUT_MS: '400',
        ...env,
      }),
      synonyms,
    );

  const doc = (n: number, over: Partial<SearchDocument> = {}): SearchDocument => ({
    kind: 'MODEL',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Model ${n}`,
    slug: `model-${n}`,
    description: `Description ${n}`,
    ownerId: '10000000-0000-4000-8000-000000000001',
    ownerHandle: 'Ink_Maker',
    ownerName: 'Ink Maker',
    type: 'LORA',
    baseModelId: 'sdxl-1.0',
    baseModelName: 'SDXL 1.0',
    tags: ['ink', 'style'],
    triggerWords: ['inkwash'],
    hashes: ['a'.repeat(64), 'a'.repeat(10)],
    maturity: 'SFW',
    tiers: ['PERSONAL', 'COMMERCIAL'],
    free: false,
    minPrice: { tier: 'COMMERCIAL', amount: 500, currency: 'USD' },
    commercialUse: true,
    derivativesAllowed: true,
    creditRequired: true,
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    downloads: n,
    trending: 0,
    likes: 0,
    ratingSum: 0,
    ratingCount: 0,
    ...over,
  });

  beforeEach(async () => {
    stub = new MeiliStub();
    url = await stub.start();
  });
  afterEach(() => stub.stop());

  it('creates the index and applies the settings at start, the same payload every time (idempotent)', async () => {
    await engineAt(url).onApplicationBootstrap();
    await engineAt(url).onApplicationBootstrap();
    const settings = stub.requests.filter((r) => r.method === 'PATCH');
    expect(settings.map((r) => r.path)).toEqual([
      '/indexes/lookbook_models/settings',
      '/indexes/lookbook_models/settings',
    ]);
    expect(settings[0]!.body).toEqual(settings[1]!.body);
    expect(settings[0]!.body).toEqual(JSON.parse(JSON.stringify(meiliSettings(SYNONYMS))));
    const body = settings[0]!.body as ReturnType<typeof meiliSettings>;
    // Relevance first; quality only breaks ties; typos never in numbers or hashes; one hit per model.
    expect(body.rankingRules).toEqual([
      'words',
      'typo',
      'proximity',
      'attribute',
      'sort',
      'exactness',
      'downloads:desc',
      'trending:desc',
    ]);
    expect(body.typoTolerance).toMatchObject({ disableOnNumbers: true, disableOnAttributes: ['hashes', 'slug'] });
    expect(body.distinctAttribute).toBe('modelId');
    expect(body.synonyms).toEqual(SYNONYMS);
    expect(body.filterableAttributes).toContainEqual({
      attributePatterns: ['tags', 'baseModel', 'type', 'creatorHandle'],
      features: { facetSearch: true, filter: { equality: true, comparison: false } },
    });
    // The second start found the index already there (a failed creation task it tolerates) and kept it.
    expect(stub.tasks.filter((t) => t.type === 'indexCreation').map((t) => t.error?.code ?? t.status)).toEqual([
      'succeeded',
      'index_already_exists',
    ]);
    expect(stub.requests.every((r) => r.authorization === 'Bearer master-key')).toBe(true);
  });

  it('starts with the engine down without failing, and applies the settings on first use', async () => {
    const down = engineAt('http://127.0.0.1:9');
    await expect(down.onApplicationBootstrap()).resolves.toBeUndefined();
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    expect(stub.calls().slice(0, 3)).toEqual([
      'POST /indexes',
      'PATCH /indexes/lookbook_models/settings',
      'GET /indexes/lookbook_models__next',
    ]);
  });

  it('upserts in batches of 1,000 and waits for each task to succeed', async () => {
    const engine = engineAt(url);
    const docs = Array.from({ length: 2345 }, (_, i) => doc(i));
    await engine.upsert(docs);
    const batches = stub.requests.filter((r) => r.method === 'POST' && r.path === '/indexes/lookbook_models/documents');
    expect(batches.map((r) => (r.body as unknown[]).length)).toEqual([MEILI_BATCH, MEILI_BATCH, 345]);
    expect(batches.every((r) => r.query['primaryKey'] === 'id')).toBe(true);
    const additions = stub.tasks.filter((t) => t.type === 'documentAdditionOrUpdate');
    expect(additions.map((t) => t.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(additions.every((t) => t.polls >= 2)).toBe(true);
    expect(stub.indexes.get('lookbook_models')!.documents.get(docs[7]!.id)).toMatchObject({
      id: docs[7]!.id,
      modelId: docs[7]!.id,
      creatorHandle: 'Ink_Maker',
      baseModel: 'sdxl-1.0',
      price: ['PAID'],
      // Sort keys are the price's approximate value in dollars ($5.00), comparable across currencies.
      priceLow: 5,
      paidPrice: 5,
      priceHigh: 5,
      minPriceTier: 'COMMERCIAL',
      minPriceAmount: 500,
      publishedAt: Date.parse('2026-11-01T00:00:00Z'),
    });
    expect(await engine.count()).toBe(2345);
  });

  it('fails a write whose task failed, naming the task and its error code (the relay retries it)', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.faults.push({ type: 'documentAdditionOrUpdate', kind: 'fail', code: 'invalid_document_fields' });
    const error = await engine.upsert([doc(2)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect(error).toMatchObject({ status: 'failed', code: 'invalid_document_fields' });
    expect(stub.indexes.get('lookbook_models')!.documents.has(doc(2).id)).toBe(false);
    stub.faults.push({ type: 'documentDeletion', kind: 'fail', code: 'internal' });
    await expect(engine.delete([doc(1).id])).rejects.toBeInstanceOf(SearchIndexError);
    expect(stub.indexes.get('lookbook_models')!.documents.has(doc(1).id)).toBe(true);
  });

  it('fails a write whose task never finishes, after the task timeout', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.faults.push({ type: 'documentAdditionOrUpdate', kind: 'hang' });
    const started = Date.now();
    await expect(engine.upsert([doc(2)])).rejects.toBeInstanceOf(MeilisearchTaskTimeOutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(stub.tasks.at(-1)!.polls).toBeGreaterThan(2);
  });

  it('translates a search into q, a filter with every value quoted, a sort, and paging', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.reset();
    stub.searchAnswer = () => ({
      hits: [
        {
          id: doc(1).id,
          kind: 'TEMPLATE',
          _rankingScore: 0.9,
          _formatted: { name: '\u0002Model\u0003 1', description: '…the \u0002ink\u0003 wash…' },
        },
      ],
      estimatedTotalHits: 41,
    });
    const request = parseSearchRequest({
      query: 'modle ink',
      filters: {
        kinds: ['TEMPLATE', 'MODEL'],
        types: ['LORA'],
        tags: ['ink'],
        commercialUse: true,
        maxPrice: { amount: 900, currency: 'USD' },
      },
      exclude: { tags: ['anime'], creators: ['spam_bot'] },
      sort: 'NEWEST',
      first: 10,
    });
    const page = await engine.search({ ...request, offset: 20 });
    const [call] = stub.requests.filter((r) => r.path === '/indexes/lookbook_models/search');
    expect(call!.body).toMatchObject({
      q: 'modle ink',
      offset: 20,
      limit: 10,
      sort: ['publishedAt:desc'],
      filter: [
        'maturity IN ["SFW", "SUGGESTIVE"]',
        'kind IN ["MODEL", "TEMPLATE"]',
        'type IN ["LORA"]',
        'tags = "ink"',
        '(price = "FREE" OR (minPriceCurrency = "USD" AND minPriceAmount <= 900))',
        'commercialUse = true',
        'NOT tags IN ["anime"]',
        'NOT creatorHandle IN ["spam_bot"]',
      ],
    });
    expect(page).toEqual({
      hits: [
        {
          id: doc(1).id,
          kind: 'TEMPLATE',
          score: 0.9,
          price: { free: false, paid: null },
          // A document stored before it had counts reads zeros.
          counts: { likes: 0, downloads: 0, ratingSum: 0, ratingCount: 0 },
          highlights: [
            {
              field: 'name',
              segments: [
                { text: 'Model', match: true },
                { text: ' 1', match: false },
              ],
            },
            {
              field: 'description',
              segments: [
                { text: '…the ', match: false },
                { text: 'ink', match: true },
                { text: ' wash…', match: false },
              ],
            },
          ],
        },
      ],
      total: 41,
      didYouMean: null,
      droppedWords: [],
      hashMatch: false,
    });
    expect(call!.body).toMatchObject({
      matchingStrategy: 'last',
      attributesToRetrieve: [
        'id',
        'kind',
        'price',
        'minPriceTier',
        'minPriceAmount',
        'minPriceCurrency',
        'likes',
        'downloads',
        'ratingSum',
        'ratingCount',
      ],
    });
  });

  it('asks for partial matches everywhere (matchingStrategy last) and says which words were left out', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    // Words this stub's index has: a query with "cta", "zzqx" or "ink neon" together matches nothing with `all`.
    const matches = (q: string) => !/cta|zzqx|neon ink/.test(q);
    stub.searchAnswer = (body) => ({
      hits: [],
      estimatedTotalHits: body['matchingStrategy'] === 'all' ? (matches(String(body['q'])) ? 3 : 0) : 5,
      facetDistribution: { kind: { MODEL: 5 } },
    });
    const cases: [string, string[], string[]][] = [
      // [query, the leading parts counted (longest first), the words left out]
      ['neon cta', ['neon cta'], ['cta']],
      ['neon cta glow', ['neon cta glow', 'neon cta'], ['cta', 'glow']],
      ['velvet bloom zzqx', ['velvet bloom zzqx', 'velvet bloom'], ['zzqx']],
      ['neon ink wash', ['neon ink wash', 'neon ink'], ['ink', 'wash']],
      ['velvet bloom', ['velvet bloom'], []],
      ['neon', [], []],
    ];
    for (const [query, counted, dropped] of cases) {
      stub.reset();
      const request = parseSearchRequest({ query, filters: { types: ['LORA'] } });
      const page = await engine.search(request);
      expect([query, page.droppedWords]).toEqual([query, dropped]);
      const search = stub.requests.find((r) => r.path === '/indexes/lookbook_models/search')!;
      expect(search.body).toMatchObject({ q: query, matchingStrategy: 'last' });
      const multi = stub.requests.filter((r) => r.path === '/multi-search');
      const queries = multi.flatMap((r) => (r.body as { queries: Record<string, unknown>[] }).queries);
      // One round trip at most; every count with the search's own filters and every word required.
      expect(multi.length).toBe(counted.length ? 1 : 0);
      expect(queries.map((q) => q['q'])).toEqual(counted);
      for (const q of queries)
        expect(q).toMatchObject({
          matchingStrategy: 'all',
          limit: 0,
          filter: expect.arrayContaining(['type IN ["LORA"]']),
        });
    }
    // Counts and facet search use the same strategy as the hits, so the total and the counts agree.
    stub.reset();
    await engine.facets(parseSearchRequest({ query: 'neon cta' }), ['kind', 'type']);
    await engine.facets(parseSearchRequest({ query: 'neon cta' }), ['tag'], 'wa');
    const facetQueries = stub.requests.flatMap((r) =>
      r.path === '/multi-search'
        ? (r.body as { queries: Record<string, unknown>[] }).queries
        : [r.body as Record<string, unknown>],
    );
    expect(facetQueries.length).toBe(3);
    for (const q of facetQueries) expect(q).toMatchObject({ matchingStrategy: 'last' });
    // Nothing found: nothing is said to be left out.
    stub.searchAnswer = () => ({ hits: [], estimatedTotalHits: 0 });
    expect((await engine.search(parseSearchRequest({ query: 'neon cta' }))).droppedWords).toEqual([]);
  });

  it('leaves hidden documents out of every part of an answer: hits, counts, facet search, suggestions, creators', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.reset();
    const hidden = [doc(2).id, doc(3).id];
    const filter = `NOT id IN ["${doc(2).id}", "${doc(3).id}"]`;
    const request = parseSearchRequest({ query: 'ink', hidden });
    await engine.search(request);
    await engine.facets(request, ['kind', 'tag']);
    await engine.facets(request, ['tag'], 'in');
    await engine.creators(request, 3);
    await engine.suggest('ink', 5, hidden);
    const reads = stub.requests.filter((r) => r.method === 'POST' && /search/.test(r.path));
    const bodies = reads.flatMap((r) =>
      r.path === '/multi-search'
        ? (r.body as { queries: Record<string, unknown>[] }).queries
        : [r.body as Record<string, unknown>],
    );
    // search, 2 counts, facet search, creators' facet search, suggest's search and two facet searches.
    expect(bodies).toHaveLength(8);
    for (const body of bodies) expect(body['filter']).toEqual(expect.arrayContaining([filter]));
    // No hidden documents (the index is current): no filter on ids at all.
    stub.reset();
    await engine.search(parseSearchRequest({ query: 'ink' }));
    await engine.suggest('ink', 5);
    expect(JSON.stringify(stub.requests.map((r) => r.body))).not.toContain('NOT id IN');
    // The id is filterable for this.
    expect(JSON.stringify(meiliSettings(SYNONYMS).filterableAttributes)).toContain('"id"');
  });

  it('sorts prices by approximate value across currencies, paid licences by the paid price, and reads hit prices', async () => {
    const engine = engineAt(url);
    const priced = [
      doc(1, { free: true, minPrice: { tier: 'COMMERCIAL', amount: 2400, currency: 'USD' } }),
      doc(2, { minPrice: { tier: 'PERSONAL', amount: 300, currency: 'USD' } }),
      doc(3, { minPrice: { tier: 'PERSONAL', amount: 2900, currency: 'USD' } }),
      doc(4, { minPrice: { tier: 'PERSONAL', amount: 3000, currency: 'KWD' } }),
      doc(5, { minPrice: { tier: 'PERSONAL', amount: 500, currency: 'JPY' } }),
      doc(6, { free: true, minPrice: null }),
    ];
    await engine.upsert(priced);
    const stored = (n: number) =>
      stub.indexes.get('lookbook_models')!.documents.get(doc(n).id) as Record<string, unknown>;
    const byKey = (key: string, dir: 1 | -1) =>
      [1, 2, 3, 4, 5, 6]
        .filter((n) => stored(n)[key] !== null)
        .sort((a, b) => dir * ((stored(a)[key] as number) - (stored(b)[key] as number)) || a - b);
    // Low to high: free first (1, 6), then ¥500 ≈ $3.25, $3, KWD 3.000 ≈ $9.78, $29.
    expect(byKey('priceLow', 1)).toEqual([1, 6, 2, 5, 4, 3]);
    // Paid licences only: by the paid price, free offers or not ($24 now sorts among paid).
    expect(byKey('paidPrice', 1)).toEqual([2, 5, 4, 1, 3]);
    expect(byKey('priceHigh', -1)).toEqual([3, 1, 4, 5, 2, 6]);
    for (const [filters, sort] of [
      [{ free: false }, ['paidPrice:asc']],
      [{}, ['priceLow:asc']],
      [{ free: true }, ['priceLow:asc']],
    ] as const) {
      stub.reset();
      await engine.search(parseSearchRequest({ filters, sort: 'PRICE_LOW' }));
      expect(stub.requests.find((r) => r.path.endsWith('/search'))!.body).toMatchObject({ sort });
    }
    stub.searchAnswer = () => ({
      hits: [
        {
          id: doc(1).id,
          kind: 'MODEL',
          price: ['FREE', 'PAID'],
          minPriceTier: 'COMMERCIAL',
          minPriceAmount: 2400,
          minPriceCurrency: 'USD',
        },
        {
          id: doc(6).id,
          kind: 'MODEL',
          price: ['FREE'],
          minPriceTier: null,
          minPriceAmount: null,
          minPriceCurrency: null,
        },
      ],
      estimatedTotalHits: 2,
    });
    const page = await engine.search(parseSearchRequest({ sort: 'PRICE_LOW' }));
    expect(page.hits.map((h) => h.price)).toEqual([
      { free: true, paid: { tier: 'COMMERCIAL', amount: 2400, currency: 'USD' } },
      { free: true, paid: null },
    ]);
  });

  it('stores likes, ratings and a damped rating rank, sorts most liked / top rated / trending on them, and reads counts', async () => {
    const engine = engineAt(url);
    const rated = [
      doc(1, { likes: 40, ratingSum: 5, ratingCount: 1, trending: 2.5 }), // one 5: damped to (5 + 15) / 6
      doc(2, { likes: 3, ratingSum: 192, ratingCount: 40, trending: 9 }), // forty ratings averaging 4.8
      doc(3, { likes: 12, ratingSum: 0, ratingCount: 0, trending: 0 }), // unrated: last
      doc(4, { likes: 0, ratingSum: 20, ratingCount: 10, trending: 0.5 }), // ten 2s: below the prior
    ];
    await engine.upsert(rated);
    const stored = (n: number) =>
      stub.indexes.get('lookbook_models')!.documents.get(doc(n).id) as Record<string, unknown>;
    const by = (key: string) =>
      [1, 2, 3, 4].sort((a, b) => (stored(b)[key] as number) - (stored(a)[key] as number) || a - b);
    expect(by('likes')).toEqual([1, 3, 2, 4]);
    expect(by('ratingRank')).toEqual([2, 1, 4, 3]);
    expect(stored(1)).toMatchObject({ likes: 40, ratingSum: 5, ratingCount: 1, ratingRank: 3.333 });
    expect(stored(3)).toMatchObject({ ratingRank: 0 });
    expect(by('trending')).toEqual([2, 1, 4, 3]);
    const settings = stub.indexes.get('lookbook_models')!.settings as { sortableAttributes: string[] };
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(['likes', 'ratingRank', 'trending']));
    for (const [sort, expected] of [
      ['MOST_LIKED', ['likes:desc', 'publishedAt:desc']],
      ['TOP_RATED', ['ratingRank:desc', 'ratingCount:desc']],
      ['TRENDING', ['trending:desc', 'downloads:desc']],
      ['MOST_DOWNLOADED', ['downloads:desc', 'publishedAt:desc']],
    ] as const) {
      for (const query of ['', 'ink']) {
        stub.reset();
        await engine.search(parseSearchRequest({ query, sort }));
        // With words the sort still comes after relevance (the ranking rules put `sort` after the word rules).
        expect(stub.requests.find((r) => r.path.endsWith('/search'))!.body).toMatchObject({ q: query, sort: expected });
      }
    }
    stub.searchAnswer = () => ({
      hits: [
        { id: doc(2).id, kind: 'MODEL', price: [], likes: 3, downloads: 2, ratingSum: 192, ratingCount: 40 },
        { id: doc(3).id, kind: 'TEMPLATE', price: [], likes: -1, downloads: 'x' },
      ],
      estimatedTotalHits: 2,
    });
    const page = await engine.search(parseSearchRequest({ sort: 'TOP_RATED' }));
    expect(page.hits.map((h) => h.counts)).toEqual([
      { likes: 3, downloads: 2, ratingSum: 192, ratingCount: 40 },
      // Nonsense from the engine reads as zero, never as a negative or a string.
      { likes: 0, downloads: 0, ratingSum: 0, ratingCount: 0 },
    ]);
  });

  it('finds a hash exactly through a filter, never through typo-tolerant text', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.searchAnswer = () => ({ hits: [{ id: doc(1).id }], estimatedTotalHits: 1 });
    const page = await engine.search(parseSearchRequest({ query: 'A'.repeat(64) }));
    const call = stub.requests.find((r) => r.path === '/indexes/lookbook_models/search')!;
    expect(call.body).toMatchObject({ q: '', sort: ['publishedAt:desc'] });
    expect((call.body as { filter: string[] }).filter[0]).toBe(`hashes = "${'a'.repeat(64)}"`);
    expect(page.hashMatch).toBe(true);
  });

  it('quotes filter values so a value can never become filter syntax', () => {
    expect(quote('ink" OR maturity = "EXPLICIT')).toBe('"ink\\" OR maturity = \\"EXPLICIT"');
    expect(quote('back\\slash')).toBe('"back\\\\slash"');
  });

  it('counts facets disjunctively in one multi-search, each query without its own facet filter', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.searchAnswer = (body) => {
      const facet = (body['facets'] as string[])[0]!;
      return {
        hits: [],
        estimatedTotalHits: 3,
        facetDistribution: { [facet]: facet === 'type' ? { LORA: 2, CHECKPOINT: 5 } : { true: 3 } },
      };
    };
    const request = parseSearchRequest({ query: 'ink', filters: { types: ['LORA'], commercialUse: true } });
    const counts = await engine.facets(request, ['type', 'commercialUse']);
    const calls = stub.requests.filter((r) => r.path === '/multi-search');
    expect(calls).toHaveLength(1);
    const queries = (calls[0]!.body as { queries: { filter: string[]; facets: string[]; limit: number }[] }).queries;
    expect(queries.map((q) => q.facets)).toEqual([['type'], ['commercialUse']]);
    expect(queries[0]!.filter).not.toContain('type IN ["LORA"]');
    expect(queries[0]!.filter).toContain('commercialUse = true');
    expect(queries[1]!.filter).toContain('type IN ["LORA"]');
    expect(queries[1]!.filter).not.toContain('commercialUse = true');
    expect(queries.every((q) => q.limit === 0)).toBe(true);
    expect(counts).toEqual([
      { facet: 'type', value: 'CHECKPOINT', count: 5 },
      { facet: 'type', value: 'LORA', count: 2 },
      { facet: 'commercialUse', value: 'true', count: 3 },
    ]);
  });

  it('searches tag values with facet search, within the rest of the search', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    stub.facetAnswer = () => ({
      facetHits: [
        { value: 'watercolor', count: 4 },
        { value: 'wash', count: 9 },
      ],
    });
    const values = await engine.facets(parseSearchRequest({ filters: { tags: ['ink'] } }), ['tag'], 'Wa');
    const call = stub.requests.find((r) => r.path === '/indexes/lookbook_models/facet-search')!;
    expect(call.body).toMatchObject({ facetName: 'tags', facetQuery: 'wa' });
    expect((call.body as { filter: string[] }).filter).not.toContain('tags = "ink"');
    expect(values).toEqual([
      { facet: 'tag', value: 'wash', count: 9 },
      { facet: 'tag', value: 'watercolor', count: 4 },
    ]);
  });

  it('reindexes into a new index and swaps it in; writes during the rebuild reach both indexes', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1), doc(2, { name: 'Stale' })]);
    await engine.beginRebuild();
    expect(stub.indexes.get('lookbook_models__next')!.settings).toEqual(
      JSON.parse(JSON.stringify(meiliSettings(SYNONYMS))),
    );
    await engine.writeRebuild([doc(2, { name: 'Rebuilt' })]);
    // The relay, meanwhile: a model published during the rebuild.
    await engine.upsert([doc(3)]);
    expect(stub.indexes.get('lookbook_models')!.documents.get(doc(2).id)).toMatchObject({ name: 'Stale' });
    await engine.finishRebuild();
    expect([...stub.indexes.keys()]).toEqual(['lookbook_models']);
    const live = stub.indexes.get('lookbook_models')!.documents;
    expect([...live.keys()].sort()).toEqual([doc(2).id, doc(3).id]);
    expect(live.get(doc(2).id)).toMatchObject({ name: 'Rebuilt' });
    expect(stub.requests.find((r) => r.path === '/swap-indexes')!.body).toEqual([
      { indexes: ['lookbook_models', 'lookbook_models__next'], rename: false },
    ]);
    // Searches only ever read the live index.
    await engine.search(parseSearchRequest({ query: 'x' }));
    expect(stub.requests.filter((r) => r.path.endsWith('/search')).map((r) => r.path)).toEqual([
      '/indexes/lookbook_models/search',
    ]);
  });

  it('pages through every indexed id', async () => {
    const engine = engineAt(url);
    const docs = Array.from({ length: 25 }, (_, i) => doc(i, i % 5 === 0 ? { kind: 'TEMPLATE', type: null } : {}));
    await engine.upsert(docs);
    for (const kind of ['MODEL', 'TEMPLATE'] as const) {
      const seen: string[] = [];
      for (let cursor: string | null = null; ;) {
        const page = await engine.indexedIds(kind, cursor, 10);
        seen.push(...page.ids);
        if (!page.next) break;
        cursor = page.next;
      }
      expect(seen.sort()).toEqual(
        docs
          .filter((d) => d.kind === kind)
          .map((d) => d.id)
          .sort(),
      );
    }
  });

  it('rejects reads while the engine is down (the service turns this into SEARCH_UNAVAILABLE)', async () => {
    const engine = engineAt(url);
    await engine.upsert([doc(1)]);
    await stub.stop();
    await expect(engine.search(parseSearchRequest({ query: 'ink' }))).rejects.toThrow();
    stub = new MeiliStub();
    await stub.start();
  });
});
