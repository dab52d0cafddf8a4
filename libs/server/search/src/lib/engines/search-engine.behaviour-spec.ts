import type { DataSource } from 'typeorm';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed, generateCatalog } from '@lookbook/testing';
import type { ModelDocument } from '../documents/model-document';
import { ModelDocumentRepository } from '../documents/model-document.repository';
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
  all: ModelDocument[];
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
    let sync: SearchSyncService;
    let all: ModelDocument[];

    const MODELS = 120;

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
      documents = new ModelDocumentRepository(db);
      engine = makeEngine(db);
      sync = new SearchSyncService(documents, engine, new SearchOutboxRepository(db), db);
      expect(await sync.reindex()).toBe(MODELS);
      all = await documents.build(await documents.publishedIds(null, 10_000));
    });
    afterAll(() => bed.close());

    /** The same search, evaluated over the documents in plain JS: the reference the SQL must agree with. */
    function bruteForce(request: SearchRequest, except: Facet | null = null): ModelDocument[] {
      const f = request.filters;
      const x = request.exclude;
      return all.filter(
        (d) =>
          (except === 'maturity' || f.maturity.includes(d.maturity as never)) &&
          (except === 'type' || !f.types.length || f.types.includes(d.type)) &&
          (except === 'baseModel' || !f.baseModels.length || f.baseModels.includes(d.baseModelId)) &&
          (except === 'tag' || f.tags.every((t) => d.tags.includes(t))) &&
          (except === 'tier' || !f.tiers.length || f.tiers.some((t) => d.tiers.includes(t))) &&
          (except === 'price' || f.free === null || (f.free ? d.free : d.minPrice !== null)) &&
          (except === 'commercialUse' || f.commercialUse === null || d.commercialUse === f.commercialUse) &&
          (except === 'derivativesAllowed' ||
            f.derivativesAllowed === null ||
            d.derivativesAllowed === f.derivativesAllowed) &&
          (except === 'creditRequired' || f.creditRequired === null || d.creditRequired === f.creditRequired) &&
          !d.tags.some((t) => x.tags.includes(t)) &&
          !x.types.includes(d.type),
      );
    }

    function bruteFacets(request: SearchRequest, facet: Facet): Map<string, number> {
      const counts = new Map<string, number>();
      const values = (d: ModelDocument): string[] => {
        switch (facet) {
          case 'type':
            return [d.type];
          case 'baseModel':
            return [d.baseModelId];
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
      for (const d of bruteForce(request, facet)) for (const v of values(d)) counts.set(v, (counts.get(v) ?? 0) + 1);
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
      }
      expect(bruteForce(request).length).toBeGreaterThan(0);
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
      const names = all.filter((d) => page.hits.some((h) => h.modelId === d.id)).map((d) => d.name);
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
      expect(bySha).toMatchObject({ total: 1, hashMatch: true, hits: [{ modelId: target.id }] });
      const byAutoV2 = await engine.search(parseSearchRequest({ query: sha.slice(0, 10) }));
      expect(byAutoV2.hits.map((h) => h.modelId)).toEqual([target.id]);
      const unknown = await engine.search(parseSearchRequest({ query: 'f'.repeat(64) }));
      expect(unknown).toMatchObject({ total: 0, hashMatch: false });
    });

    it('treats SQL and tsquery syntax in a query as plain words', async () => {
      for (const query of ["'; DROP TABLE search.model_document; --", 'ink & | ! :* (', '\\x00 %_ \u0000']) {
        await expect(engine.search(parseSearchRequest({ query }))).resolves.toHaveProperty('hits');
      }
      expect(await engine.count()).toBe(MODELS);
    });

    it('pages with offsets in a stable order', async () => {
      const request = parseSearchRequest({ sort: 'NEWEST', first: 50 });
      const pages = [
        await engine.search(request),
        await engine.search({ ...request, offset: 50 }),
        await engine.search({ ...request, offset: 100 }),
      ];
      const ids = pages.flatMap((p) => p.hits.map((h) => h.modelId));
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
    });

    it('drops an unpublished model, and takes it back when republished', async () => {
      const target = all[3]!;
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
      const page = await engine.search(parseSearchRequest({ query: target.name, sort: 'RELEVANCE' }));
      expect(page.hits.map((h) => h.modelId)).not.toContain(target.id);
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'PUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
      expect((await engine.search(parseSearchRequest({ query: target.name }))).hits.map((h) => h.modelId)).toContain(
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
      const page = await engine.search(parseSearchRequest({ query: 'quokka', first: 60 }));
      expect(page.hits.map((h) => h.modelId).sort()).toEqual(renamed.map((d) => d.id).sort());
      expect(await sync.reconcile()).toMatchObject({ upserted: 0, deleted: 0 });
    });

    it('a model archived while its update is in flight ends deleted: the later sync waits for the earlier one', async () => {
      const target = all[9]!;
      const runner = bed.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        // Sync A has locked the model and read it while it was published...
        await documents.lock(runner.manager, [target.id]);
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
      expect((await engine.indexedIds(null, 1000)).ids).not.toContain(target.id);
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'PUBLISHED' WHERE id = $1`, [target.id]);
      await sync.syncModels([target.id]);
    });

    it('reconcile finds and fixes drift in both directions', async () => {
      const [gone, missing] = [all[5]!, all[6]!];
      await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'ARCHIVED' WHERE id = $1`, [gone.id]);
      await engine.delete([missing.id]);
      expect(await sync.reconcile()).toEqual({ checked: MODELS - 1, upserted: 1, deleted: 1 });
      const { ids } = await engine.indexedIds(null, 1000);
      expect(ids).toContain(missing.id);
      expect(ids).not.toContain(gone.id);
    });

    more(() => ({ bed, engine, sync, all }));
  });
}
