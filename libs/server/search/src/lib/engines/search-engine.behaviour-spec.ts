import type { DataSource } from 'typeorm';
import { Transactions } from '@lookbook/core';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed, generateCatalog } from '@lookbook/testing';
import type { SearchDocument } from '../documents/search-document';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import { TemplateDocumentRepository } from '../documents/template-document.repository';
import type { Facet, SearchRequest, SearchRequestInput } from '../query/search-request';
import { FACETS, parseSearchRequest } from '../query/search-request';
import { SearchOutboxRepository } from '../sync/search-outbox.repository';
import { SearchSyncService } from '../sync/search-sync.service';
import type { SearchEngine } from './search-engine';

/** What an engine-specific spec may check beyond the shared behaviour. */
export interface EngineUnderTest<E extends SearchEngine> {
  bed: RepositoryTestBed;
  engine: E;
  sync: SearchSyncService;
  all: SearchDocument[];
}

/**
 * The behaviour every search engine shares, against a generated catalog made varied (free offers, no-derivative
 * offers, credit-free offers, mature models), checked against a brute-force evaluation of the same search over the
 * documents in JS. Each adapter's spec calls this and adds what is its own.
 */
export function describeSearchEngine<E extends SearchEngine>(
  name: string,
  makeEngine: (db: DataSource) => E,
  more: (ctx: () => EngineUnderTest<E>) => void = () => undefined,
): void {
  describe(`${name}: shared search behaviour`, () => {
    let bed: RepositoryTestBed;
    let engine: E;
    let documents: ModelDocumentRepository;
    let templates: TemplateDocumentRepository;
    let sync: SearchSyncService;
    let all: SearchDocument[];

    const MODELS = 120;
    /** Of 16 templates, every 4th stays a draft: 12 are published. */
    const TEMPLATES = 12;

    beforeAll(async () => {
      bed = await createRepositoryTestBed([]);
      await generateCatalog(bed.dataSource, MODELS);
      const db = bed.dataSource;
      // Variety: every 4th model's newest version also has a free offer without credit; every 5th model's offers
      // forbid derivatives; every 10th model is MATURE.
      await db.query(`
      INSERT INTO licensing.offer (id, version_id, tier, revision, price_amount, price_currency, permissions,
                                   terms_text, terms_sha256, created_at)
      SELECT gen_random_uuid(), v.id, 'FREE', 1, 0, 'USD',
             '{"commercialUse":"NONE","derivativesAllowed":true,"derivativeMayChangeLicense":false,
               "creditRequired":false,"creditLine":null,"seats":null,"revenueCap":null,"printRunCap":null}',
             'Free licence (test).', encode(sha256('free'), 'hex'), now()
        FROM catalog.style_model m
        JOIN LATERAL (SELECT id FROM catalog.model_version WHERE model_id = m.id
                       ORDER BY published_at DESC, id DESC LIMIT 1) v ON true
       WHERE substring(m.slug from 7)::int % 4 = 0`);
      await db.query(`
      UPDATE licensing.offer o SET permissions = o.permissions || '{"derivativesAllowed": false}'
        FROM catalog.model_version v JOIN catalog.style_model m ON m.id = v.model_id
       WHERE o.version_id = v.id AND substring(m.slug from 7)::int % 5 = 0`);
      await db.query(`UPDATE catalog.style_model SET maturity = 'MATURE' WHERE substring(slug from 7)::int % 10 = 0`);
      await seedTemplates(db);
      documents = new ModelDocumentRepository(db);
      templates = new TemplateDocumentRepository(db);
      engine = makeEngine(db);
      sync = new SearchSyncService(
        documents,
        templates,
        engine,
        engine,
        new SearchOutboxRepository(db),
        new Transactions(db),
      );
      expect(await sync.reindex()).toBe(MODELS + TEMPLATES);
      all = [
        ...(await documents.build(await documents.publishedIds(null, 10_000))),
        ...(await templates.build(await templates.publishedIds(null, 10_000))),
      ];
      // A fixed order (build returns rows as the heap has them), so every run picks the same documents below.
      all.sort((a, b) => a.kind.localeCompare(b.kind) || a.slug.localeCompare(b.slug, 'en', { numeric: true }));
    });
    afterAll(() => bed.close());

    /** The same search, evaluated over the documents in plain JS: the reference the SQL must agree with. */
    function bruteForce(
      request: SearchRequest,
      except: Facet | null = null,
      docs: readonly SearchDocument[] = all,
    ): SearchDocument[] {
      const f = request.filters;
      const x = request.exclude;
      return docs.filter(
        (d) =>
          (except === 'maturity' || f.maturity.includes(d.maturity as never)) &&
          (except === 'kind' || !f.kinds.length || f.kinds.includes(d.kind)) &&
          (except === 'type' || !f.types.length || (d.type !== null && f.types.includes(d.type))) &&
          (except === 'baseModel' ||
            !f.baseModels.length ||
            (d.baseModelId !== null && f.baseModels.includes(d.baseModelId))) &&
          (except === 'tag' || f.tags.every((t) => d.tags.includes(t))) &&
          (except === 'tier' || !f.tiers.length || f.tiers.some((t) => d.tiers.includes(t))) &&
          (except === 'price' ||
            ((f.free === null || (f.free ? d.free : d.minPrice !== null)) &&
              (f.maxPrice === null ||
                d.free ||
                (d.minPrice?.currency === f.maxPrice.currency && d.minPrice.amount <= f.maxPrice.amount)))) &&
          (except === 'commercialUse' || f.commercialUse === null || d.commercialUse === f.commercialUse) &&
          (except === 'derivativesAllowed' ||
            f.derivativesAllowed === null ||
            d.derivativesAllowed === f.derivativesAllowed) &&
          (except === 'creditRequired' || f.creditRequired === null || d.creditRequired === f.creditRequired) &&
          !d.tags.some((t) => x.tags.includes(t)) &&
          !(d.type !== null && x.types.includes(d.type)),
      );
    }

    function bruteFacets(
      request: SearchRequest,
      facet: Facet,
      docs: readonly SearchDocument[] = all,
    ): Map<string, number> {
      const counts = new Map<string, number>();
      const values = (d: SearchDocument): string[] => {
        switch (facet) {
          case 'kind':
            return [d.kind];
          case 'type':
            return d.type === null ? [] : [d.type];
          case 'baseModel':
            return d.baseModelId === null ? [] : [d.baseModelId];
          case 'tag':
            return d.tags;
          case 'maturity':
            return [d.maturity];
          case 'tier':
            return d.tiers;
          case 'price':
            return [...(d.free ? ['FREE'] : []), ...(d.minPrice ? ['PAID'] : [])];
          case 'commercialUse':
            return [String(d.commercialUse)];
          case 'derivativesAllowed':
            return [String(d.derivativesAllowed)];
          case 'creditRequired':
            return [String(d.creditRequired)];
        }
      };
      for (const d of bruteForce(request, facet, docs))
        for (const v of values(d)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    }

    const cases: [string, SearchRequestInput][] = [
      ['no filters', {}],
      ['a type and a licence permission', { filters: { types: ['LORA'], derivativesAllowed: true } }],
      [
        'free, commercial use, all maturity',
        { filters: { free: false, commercialUse: true, maturity: ['SFW', 'MATURE'] } },
      ],
      [
        'a tag, a base model and an exclusion',
        { filters: { tags: ['style'], baseModels: ['pony', 'sdxl-1.0'] }, exclude: { tags: ['anime'] } },
      ],
      ['templates only, commercial use', { filters: { kinds: ['TEMPLATE'], commercialUse: true } }],
      // A document failing both price filters still counts for the price facet (it passes every other one).
      [
        'free and under a price, one facet with two filters',
        { filters: { free: true, maxPrice: { amount: 1, currency: 'USD' } } },
      ],
      [
        'credit-free and a tier',
        { filters: { creditRequired: false, tiers: ['FREE'] }, exclude: { types: ['CHECKPOINT'] } },
      ],
    ];

    it.each(cases)('facet counts and totals equal a brute-force count: %s', async (_name, input) => {
      const request = parseSearchRequest(input);
      const page = await engine.search(request);
      expect(page.total).toBe(bruteForce(request).length);
      const counts = await engine.facets(request, FACETS);
      for (const facet of FACETS) {
        const got = new Map(counts.filter((c) => c.facet === facet).map((c) => [c.value, c.count]));
        expect([facet, got]).toEqual([facet, bruteFacets(request, facet)]);
        // Asked alone, the same counts.
        const alone = await engine.facets(request, [facet]);
        expect([facet, new Map(alone.map((c) => [c.value, c.count]))]).toEqual([facet, got]);
      }
      expect(bruteForce(request).length).toBeGreaterThan(0);
    });

    it.each([
      ['a query with filters', { query: 'velvet', filters: { commercialUse: true, types: ['LORA', 'LOCON'] } }],
      ['a query sorted by price', { query: 'style', sort: 'PRICE_LOW', first: 7 }],
      ['no query', { filters: { kinds: ['TEMPLATE'] } }],
      ['a hash', { query: 'f'.repeat(64) }],
    ] as [string, SearchRequestInput][])('answers hits and facets together as it does apart: %s', async (_n, input) => {
      const request = parseSearchRequest(input);
      const together = await engine.searchWithFacets({ ...request, offset: 2 }, FACETS);
      const apart = await engine.search({ ...request, offset: 2 });
      expect(together.page).toEqual(apart);
      const sorted = (counts: readonly { facet: string; value: string; count: number }[]) =>
        [...counts].sort((a, b) => `${a.facet}:${a.value}`.localeCompare(`${b.facet}:${b.value}`));
      expect(sorted(together.facets)).toEqual(sorted(await engine.facets(request, FACETS)));
    });

    it('counts reach the index through the stale set (one flush, batched), and sort most liked and top rated', async () => {
      const db = bed.dataSource;
      const liked = all.slice(0, 6);
      // Likes 60, 50, … 10 over two shards; ratings on three of them (a single 5 ranks below many 4s, damped).
      for (const [i, d] of liked.entries())
        await db.query(
          `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
           VALUES ($1, $2, 'LIKES', 0, $3), ($1, $2, 'LIKES', 3, $4)`,
          [d.kind, d.id, 40 - i * 10 + 20, 0],
        );
      const ratings: [SearchDocument, number, number][] = [
        [liked[5]!, 5, 1],
        [liked[4]!, 92, 20],
        [liked[3]!, 30, 10],
      ];
      for (const [d, sum, count] of ratings)
        await db.query(
          `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
           VALUES ($1, $2, 'RATING_SUM', 1, $3), ($1, $2, 'RATING_COUNT', 1, $4)`,
          [d.kind, d.id, sum, count],
        );
      const [{ stale }] = await db.query(`SELECT count(*)::int AS stale FROM search.stale_count`);
      expect(stale).toBe(6);
      expect(await sync.flushCounts()).toBe(6);
      expect(await sync.flushCounts()).toBe(0);

      const all18 = { maturity: ['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'] };
      const mostLiked = await engine.search(parseSearchRequest({ sort: 'MOST_LIKED', first: 6, filters: all18 }));
      expect(mostLiked.hits.map((h) => h.id)).toEqual(liked.map((d) => d.id));
      expect(mostLiked.hits.map((h) => h.counts.likes)).toEqual([60, 50, 40, 30, 20, 10]);
      const topRated = await engine.search(parseSearchRequest({ sort: 'TOP_RATED', first: 3, filters: all18 }));
      // 4.6 over 20 ratings, then a single 5 (damped to 3.33), then ten 3s (3.0).
      expect(topRated.hits.map((h) => h.id)).toEqual([liked[4]!.id, liked[5]!.id, liked[3]!.id]);
      expect(topRated.hits.map((h) => [h.counts.ratingSum, h.counts.ratingCount])).toEqual([
        [92, 20],
        [5, 1],
        [30, 10],
      ]);
      // With words the sort applies among the matches.
      const word = liked[0]!.name.split(' ')[0]!;
      const withWords = await engine.search(parseSearchRequest({ query: word, sort: 'MOST_LIKED', filters: all18 }));
      const likes = withWords.hits.map((h) => h.counts.likes);
      expect(likes).toEqual([...likes].sort((a, b) => b - a));
    });

    it('finds a misspelled word', async () => {
      const page = await engine.search(
        parseSearchRequest({ query: 'watercolr', filters: { maturity: ['SFW', 'MATURE'] } }),
      );
      // Meilisearch corrects typos without saying so.
      if (engine.name === 'postgres') expect(page.didYouMean).toBe('watercolor');
      expect(page.total).toBe(all.filter((d) => d.tags.includes('watercolor')).length);
      expect(page.total).toBeGreaterThan(0);
    });

    it('matches the last word as a prefix while typing, and ranks name matches first', async () => {
      const page = await engine.search(parseSearchRequest({ query: 'velvet blo' }));
      expect(page.didYouMean).toBeNull();
      expect(page.hits.length).toBeGreaterThan(0);
      const names = all.filter((d) => page.hits.some((h) => h.id === d.id)).map((d) => d.name);
      for (const name of names) expect(name).toMatch(/^Velvet Bloom/);
      expect(page.hits[0]!.highlights[0]!.segments.filter((s) => s.match).map((s) => s.text)).toEqual([
        'Velvet',
        'Bloom',
      ]);
    });

    it('finds a version by its SHA-256 or AutoV2, exactly', async () => {
      const target = all[17]!;
      const sha = target.hashes.find((h) => h.length === 64)!;
      const bySha = await engine.search(parseSearchRequest({ query: sha.toUpperCase() }));
      expect(bySha).toMatchObject({ total: 1, hashMatch: true, hits: [{ id: target.id }] });
      const byAutoV2 = await engine.search(parseSearchRequest({ query: sha.slice(0, 10) }));
      expect(byAutoV2.hits.map((h) => h.id)).toEqual([target.id]);
      const unknown = await engine.search(parseSearchRequest({ query: 'f'.repeat(64) }));
      expect(unknown).toMatchObject({ total: 0, hashMatch: false });
    });

    it('treats SQL and tsquery syntax in a query as plain words', async () => {
      for (const query of ["'; DROP TABLE search.model_document; --", 'ink & | ! :* (', '\\x00 %_ \u0000']) {
        await expect(engine.search(parseSearchRequest({ query }))).resolves.toHaveProperty('hits');
      }
      expect(await engine.count()).toBe(MODELS + TEMPLATES);
    });

    it('pages with offsets in a stable order', async () => {
      const request = parseSearchRequest({ sort: 'NEWEST', first: 50 });
      const pages = [
        await engine.search(request),
        await engine.search({ ...request, offset: 50 }),
        await engine.search({ ...request, offset: 100 }),
      ];
      const ids = pages.flatMap((p) => p.hits.map((h) => h.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(bruteForce(request).length);
    });

    it('suggests models, tags and creators by prefix', async () => {
      const suggestions = await engine.suggest('wat', 5);
      expect(suggestions).toContainEqual({ kind: 'TAG', text: 'watercolor', ref: 'watercolor' });
      expect(await engine.suggest('creator-1', 5)).toContainEqual(
        expect.objectContaining({ kind: 'CREATOR', ref: 'creator-1' }),
      );
      expect(await engine.suggest('%', 5)).toEqual([]);
    });

    it('searches inside a facet by prefix', async () => {
      const values = await engine.facets(parseSearchRequest({}), ['tag'], 'wa');
      expect(values).toEqual([
        { facet: 'tag', value: 'watercolor', count: bruteFacets(parseSearchRequest({}), 'tag').get('watercolor') },
      ]);
      // A facet with one value per document, within a filtered search: the brute-force counts starting with it.
      const request = parseSearchRequest({ filters: { types: ['LORA'] } });
      const prefix = [...bruteFacets(request, 'baseModel').keys()][0]!.slice(0, 2).toUpperCase();
      const expected = [...bruteFacets(request, 'baseModel')]
        .filter(([value]) => value.toLowerCase().startsWith(prefix.toLowerCase()))
        .map(([value, count]) => ({ facet: 'baseModel', value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      expect(expected.length).toBeGreaterThan(0);
      expect(await engine.facets(request, ['baseModel'], prefix)).toEqual(expected);
      // Wildcards and quotes are literal text: no value begins with them.
      for (const hostile of ['%', '_', "'; DROP TABLE search.tag; --"])
        for (const facet of ['tag', 'baseModel'] as const)
          expect(await engine.facets(parseSearchRequest({}), [facet], hostile)).toEqual([]);
    });

    it('drops an unpublished model, and takes it back when republished', async () => {
      const target = all[3]!;
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
      const page = await engine.search(parseSearchRequest({ query: target.name, sort: 'RELEVANCE' }));
      expect(page.hits.map((h) => h.id)).not.toContain(target.id);
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'PUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
      expect((await engine.search(parseSearchRequest({ query: target.name }))).hits.map((h) => h.id)).toContain(
        target.id,
      );
    });

    it('converges when a reindex runs while writes continue', async () => {
      const renamed = all.slice(40, 60);
      const writes = (async () => {
        for (const [i, d] of renamed.entries()) {
          await bed.dataSource.query(`UPDATE catalog.style_model SET name = $2 WHERE id = $1`, [d.id, `Quokka ${i}`]);
          await sync.syncModels([d.id]);
        }
      })();
      await Promise.all([sync.reindex(), writes]);
      // Every maturity: every 10th model is MATURE.
      const everyMaturity = { maturity: ['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'] };
      const page = await engine.search(parseSearchRequest({ query: 'quokka', first: 60, filters: everyMaturity }));
      expect(page.hits.map((h) => h.id).sort()).toEqual(renamed.map((d) => d.id).sort());
      expect(await sync.reconcile()).toMatchObject({ upserted: 0, deleted: 0 });
    });

    it('a model archived while its update is in flight ends deleted: the later sync waits for the earlier one', async () => {
      const target = all[9]!;
      const runner = bed.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        // Sync A has locked the model and read it while it was published...
        await new SearchOutboxRepository(bed.dataSource).lockDocuments(runner.manager, [target.id]);
        const stale = await documents.build([target.id], runner.manager);
        expect(stale).toHaveLength(1);
        // ...then the model is archived, and sync B starts (it must wait for A's lock).
        await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'ARCHIVED' WHERE id = $1`, [target.id]);
        let finished = false;
        const later = sync.syncModels([target.id]).then(() => (finished = true));
        await new Promise((r) => setTimeout(r, 200));
        expect(finished).toBe(false);
        // A writes its older state last of all its work, and commits.
        await engine.upsert(stale);
        await runner.commitTransaction();
        await later;
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect((await engine.indexedIds('MODEL', null, 1000)).ids).not.toContain(target.id);
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'PUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
    });

    it('reconcile finds and fixes drift in both directions', async () => {
      const [gone, missing] = [all[5]!, all[6]!];
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'ARCHIVED' WHERE id = $1`, [gone.id]);
      await engine.delete([missing.id]);
      expect(await sync.reconcile()).toEqual({ checked: MODELS - 1 + TEMPLATES, upserted: 1, deleted: 1 });
      const { ids } = await engine.indexedIds('MODEL', null, 1000);
      expect(ids).toContain(missing.id);
      expect(ids).not.toContain(gone.id);
    });

    describe('workflow templates', () => {
      const published = () => all.filter((d) => d.kind === 'TEMPLATE');

      it('are found with models: by their words, and by the models they load', async () => {
        const template = published()[0]!;
        const byName = await engine.search(parseSearchRequest({ query: template.name, first: 60 }));
        expect(byName.hits[0]).toMatchObject({ id: template.id, kind: 'TEMPLATE' });
        // Its dependency's name (a catalog model) is among its words: a search for the model finds both.
        expect(template.triggerWords).toHaveLength(1);
        const dependency = all.find((d) => d.kind === 'MODEL' && d.name === template.triggerWords[0])!;
        const both = await engine.search(parseSearchRequest({ query: dependency.name, first: 60 }));
        expect(both.hits.map((h) => h.id)).toEqual(expect.arrayContaining([template.id, dependency.id]));
        const byKind = await engine.search(parseSearchRequest({ query: 'workflow', first: 60 }));
        expect(byKind.hits.map((h) => h.id).sort()).toEqual(
          published()
            .map((d) => d.id)
            .sort(),
        );
      });

      it('take the base model their dependencies use, and no model type', () => {
        for (const template of published()) {
          expect(template.type).toBeNull();
          expect(template.baseModelId).not.toBeNull();
          expect(template.hashes).toEqual([]);
        }
      });

      it('leave drafts out, and leave when unpublished; a type exclusion keeps them', async () => {
        const [draft] = await bed.dataSource.query<{ id: string }[]>(
          `SELECT id FROM templates.template WHERE status = 'DRAFT' LIMIT 1`,
        );
        expect((await engine.indexedIds('TEMPLATE', null, 1000)).ids).not.toContain(draft!.id);
        const kept = await engine.search(
          parseSearchRequest({ filters: { kinds: ['TEMPLATE'] }, exclude: { types: ['LORA'] }, first: 60 }),
        );
        expect(kept.total).toBe(TEMPLATES);
        const target = published()[1]!;
        await bed.dataSource.query(`UPDATE templates.template SET status = 'UNPUBLISHED' WHERE id = $1`, [target.id]);
        await sync.sync('TEMPLATE', [target.id]);
        const gone = await engine.search(parseSearchRequest({ filters: { kinds: ['TEMPLATE'] }, first: 60 }));
        expect(gone.hits.map((h) => h.id)).not.toContain(target.id);
        expect(await sync.reconcile()).toMatchObject({ upserted: 0, deleted: 0 });
        await bed.dataSource.query(`UPDATE templates.template SET status = 'PUBLISHED' WHERE id = $1`, [target.id]);
        await sync.sync('TEMPLATE', [target.id]);
        expect((await engine.indexedIds('TEMPLATE', null, 1000)).ids).toContain(target.id);
      });

      it('suggests templates by name', async () => {
        const template = published()[0]!;
        const suggestions = await engine.suggest(template.name.slice(0, 12), 5);
        expect(suggestions).toContainEqual({ kind: 'TEMPLATE', text: template.name, ref: template.id });
      });
    });

    describe('every part of an answer applies the same visibility while the index lags', () => {
      const byCountThenValue = (m: Map<string, number>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
      const facetMap = (counts: readonly { facet: string; value: string; count: number }[], facet: Facet) =>
        byCountThenValue(new Map(counts.filter((c) => c.facet === facet).map((c) => [c.value, c.count])));

      it('an unpublished model, a taken-down one and an unpublished template leave hits, total, facets and suggestions at once, before any sync, and while the relay cannot write', async () => {
        const outbox = new SearchOutboxRepository(bed.dataSource);
        const models = all.filter((d) => d.kind === 'MODEL' && d.maturity === 'SFW');
        const [unpublished, takenDown] = [models[30]!, models[31]!];
        const template = all.filter((d) => d.kind === 'TEMPLATE')[2]!;
        // A tag only the taken-down model has, indexed before it goes: autocomplete must stop offering it too.
        await bed.dataSource.query(`UPDATE catalog.style_model SET tags = tags || '{zinnober}' WHERE id = $1`, [
          takenDown.id,
        ]);
        await sync.syncModels([takenDown.id]);
        const targets = [unpublished.id, takenDown.id, template.id];
        const cases: SearchRequestInput[] = [
          {},
          { filters: { types: [unpublished.type!, takenDown.type!] } },
          { filters: { kinds: ['TEMPLATE'] } },
          { filters: { tags: ['style'], commercialUse: true }, exclude: { tags: ['pixel'] } },
          { query: unpublished.name, first: 60 },
          { query: 'zinnober', first: 60 },
          { query: 'zinnober style', first: 60 },
        ];
        const before = await Promise.all(cases.map((c) => engine.search(parseSearchRequest(c))));

        await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [
          unpublished.id,
        ]);
        await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'TAKEN_DOWN' WHERE id = $1`, [
          takenDown.id,
        ]);
        await bed.dataSource.query(`UPDATE templates.template SET status = 'UNPUBLISHED' WHERE id = $1`, [template.id]);
        // The relay's writes fail (the engine is down for writes): the documents stay in the index.
        const failing = Object.assign(Object.create(engine) as E, {
          delete: () => Promise.reject(new Error('engine down')),
        });
        const relay = new SearchSyncService(
          documents,
          templates,
          failing,
          failing,
          outbox,
          new Transactions(bed.dataSource),
        );
        await expect(relay.syncModels([unpublished.id, takenDown.id])).rejects.toThrow('engine down');
        expect((await engine.indexedIds('MODEL', null, 1000)).ids).toEqual(
          expect.arrayContaining([unpublished.id, takenDown.id]),
        );

        const hidden = await outbox.hiddenIds();
        expect(hidden).toEqual(expect.arrayContaining(targets));
        const hiddenSet = new Set(hidden);
        const visible = all.filter((d) => !hiddenSet.has(d.id));
        for (const [i, input] of cases.entries()) {
          const request = parseSearchRequest({ ...input, hidden });
          const { page, facets } = await engine.searchWithFacets(request, FACETS);
          const alone = await engine.search(request);
          expect(alone.total).toBe(page.total);
          for (const hit of [...page.hits, ...alone.hits]) expect(targets).not.toContain(hit.id);
          // Facet sums: every document has one kind (the kind facet is not filtered here, so it sums to the total).
          if (!input.filters?.kinds)
            expect([...facetMap(facets, 'kind').values()].reduce((a, b) => a + b, 0)).toBe(page.total);
          if (!input.query) {
            // Total and every facet's counts equal a brute-force count over the visible documents.
            expect(page.total).toBe(bruteForce(request, null, visible).length);
            for (const facet of FACETS)
              expect([facet, facetMap(facets, facet)]).toEqual([
                facet,
                byCountThenValue(bruteFacets(request, facet, visible)),
              ]);
          } else {
            // Every hit is on the page. The query found the target before: now one fewer, or (nothing else matched
            // every word) the search left words out, as for any query that matches nothing.
            expect(page.hits.length).toBe(page.total);
            expect(before[i]!.hits.map((h) => h.id)).toEqual(expect.arrayContaining([expect.any(String)]));
            if (page.droppedWords.length) expect(page.total).toBeGreaterThan(0);
            else expect(page.total).toBe(before[i]!.total - 1);
          }
        }
        // Suggestions: neither the names nor the tag only the taken-down model had.
        for (const target of [unpublished, takenDown, template])
          expect((await engine.suggest(target.name, 5, hidden)).map((s) => s.ref)).not.toContain(target.id);
        expect(await engine.suggest('zinnober', 5)).toContainEqual(expect.objectContaining({ kind: 'TAG' }));
        expect(await engine.suggest('zinnober', 5, hidden)).toEqual([]);

        // The relay catches up: the same answers without the documents.
        await sync.syncModels([unpublished.id, takenDown.id]);
        await sync.sync('TEMPLATE', [template.id]);
        const caughtUp = parseSearchRequest({ hidden: await outbox.hiddenIds() });
        expect((await engine.search(caughtUp)).total).toBe(bruteForce(caughtUp, null, visible).length);

        // Published again: visible again, nothing hidden for them.
        for (const [table, id] of [
          ['catalog.style_model', unpublished.id],
          ['catalog.style_model', takenDown.id],
          ['templates.template', template.id],
        ] as const)
          await bed.dataSource.query(`UPDATE ${table} SET status = 'PUBLISHED' WHERE id = $1`, [id]);
        await bed.dataSource.query(
          `UPDATE catalog.style_model SET tags = array_remove(tags, 'zinnober') WHERE id = $1`,
          [takenDown.id],
        );
        expect(await outbox.hiddenIds()).not.toEqual(expect.arrayContaining([unpublished.id]));
        await sync.syncModels([unpublished.id, takenDown.id]);
        await sync.sync('TEMPLATE', [template.id]);
        expect((await engine.search(parseSearchRequest({ query: unpublished.name }))).hits.map((h) => h.id)).toContain(
          unpublished.id,
        );
      });
    });

    describe('words that match nothing are left out, and said so', () => {
      const total = async (query: string) => (await engine.search(parseSearchRequest({ query }))).total;

      it.each([
        // [query, what the results match, the words left out]
        ['neon cta', 'neon', ['cta']],
        ['velvet bloom zzqx', 'velvet bloom', ['zzqx']],
        // Each word matches something, but no model has both (Neon is never tagged ink): the last is left out.
        ['neon ink', 'neon', ['ink']],
        ['neon ink wash', 'neon', ['ink', 'wash']],
        ['style qqqq', 'style', ['qqqq']],
      ])('"%s" answers as "%s" does, leaving out %j', async (query, as, dropped) => {
        const request = parseSearchRequest({ query, first: 5 });
        const page = await engine.search(request);
        expect(page.total).toBeGreaterThan(0);
        // PostgreSQL answers exactly the shorter query; Meilisearch's `last` may also count partial matches of it.
        if (engine.name === 'postgres') expect(page.total).toBe(await total(as));
        else expect(page.total).toBeGreaterThanOrEqual(await total(as));
        expect(page.droppedWords).toEqual(dropped);
        // Hits and counts use the same words.
        const together = await engine.searchWithFacets(request, FACETS);
        expect(together.page.total).toBe(page.total);
        expect(together.page.droppedWords).toEqual(dropped);
        const kinds = together.facets.filter((c) => c.facet === 'kind').reduce((n, c) => n + c.count, 0);
        expect(kinds).toBe(page.total);
        expect((await engine.facets(request, ['kind'])).reduce((n, c) => n + c.count, 0)).toBe(page.total);
      });

      it.each([['neon'], ['velvet bloom'], ['qqqq'], ['zzqx qqqq']])(
        '"%s": nothing left out (every word matched, or nothing was found)',
        async (query) => {
          expect((await engine.search(parseSearchRequest({ query }))).droppedWords).toEqual([]);
        },
      );
    });

    more(() => ({ bed, engine, sync, all }));
  });
}

/**
 * Workflow templates over the generated catalog: 16, named after a model (`<model> workflow`), each loading that
 * model's file by SHA-256; every 4th a draft; every 2nd published one sells a commercial licence.
 */
async function seedTemplates(db: DataSource): Promise<void> {
  await db.query(`
    WITH picked AS (
      SELECT m.id AS model_id, m.owner_id, m.name, m.tags, f.file_name, f.sha256,
             row_number() OVER (ORDER BY m.slug) AS n
        FROM catalog.style_model m
        JOIN LATERAL (SELECT f.file_name, f.sha256 FROM catalog.model_version v
                        JOIN catalog.model_file f ON f.version_id = v.id AND f.scan_status = 'READY'
                       WHERE v.model_id = m.id AND v.status = 'PUBLISHED' LIMIT 1) f ON true
       WHERE m.status = 'PUBLISHED' AND m.maturity = 'SFW'
       ORDER BY m.slug LIMIT 16
    ), t AS (
      INSERT INTO templates.template (id, owner_id, slug, name, description, tags, maturity, status, created_at,
                                      updated_at)
      SELECT gen_random_uuid(), p.owner_id, 'workflow-' || p.n, p.name || ' workflow',
             'A ComfyUI graph that loads ' || p.name || '.', p.tags, 'SFW',
             CASE WHEN p.n % 4 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END, now(), now()
        FROM picked p
      RETURNING id, slug, status
    )
    INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, slots, lockfile, warnings,
                                            source_sha256, created_at, published_at)
    SELECT gen_random_uuid(), t.id, 'v1', CASE WHEN t.status = 'PUBLISHED' THEN 'PUBLISHED' ELSE 'DRAFT' END,
           '{"4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}}}', '[]',
           jsonb_build_object('nodes', '[]'::jsonb, 'models', jsonb_build_array(jsonb_build_object(
             'slot', '4.ckpt_name', 'kind', 'checkpoint', 'folder', 'checkpoints', 'name', p.file_name,
             'sha256', p.sha256, 'url', null, 'unused', false))),
           '[]', encode(sha256(t.slug::bytea), 'hex'), now(),
           CASE WHEN t.status = 'PUBLISHED' THEN now() - p.n * interval '1 hour' END
      FROM t JOIN picked p ON 'workflow-' || p.n = t.slug`);
  await db.query(`
    INSERT INTO licensing.offer (id, subject_kind, version_id, tier, revision, price_amount, price_currency,
                                 permissions, terms_text, terms_sha256, created_at)
    SELECT gen_random_uuid(), 'TEMPLATE', v.id, 'COMMERCIAL', 1, 1500, 'USD',
           '{"commercialUse":"SELL_GENERATED_IMAGES","derivativesAllowed":true,"derivativeMayChangeLicense":false,
             "creditRequired":true,"creditLine":null,"seats":null,"revenueCap":null,"printRunCap":null}',
           'Commercial template licence (test).', encode(sha256('tpl'), 'hex'), now()
      FROM templates.template_version v JOIN templates.template t ON t.id = v.template_id
     WHERE v.status = 'PUBLISHED' AND substring(t.slug from 10)::int % 2 = 0`);
}
