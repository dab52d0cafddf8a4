import type { INestApplicationContext } from '@nestjs/common';
import { errorCode, gql, OFFERS } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import { eventually } from './support/eventually';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { comfyuiReferencePresent, referenceTemplate } from './support/templates';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const SEARCH = `query($q: String, $f: SearchFilterInput, $x: SearchExcludeInput, $first: Int, $after: String) {
  search(query: $q, filters: $f, exclude: $x, first: $first, after: $after) {
    total hasNextPage endCursor didYouMean hashMatch maturity
    hits { score model { id name owner { handle } } highlights { field segments { text match } } }
    facets(facets: [TYPE, COMMERCIAL_USE, TAG]) { facet values { value count } }
  }
}`;
const UPDATE = `mutation($id: UUID!, $i: UpdateStyleModelInput!) { updateStyleModel(id: $id, input: $i) { id } }`;
const STATUS = `mutation($id: UUID!, $s: ModelStatus!) { changeStyleModelStatus(id: $id, status: $s) { id status } }`;

interface SearchData {
  search: {
    total: number;
    hasNextPage: boolean;
    endCursor: string | null;
    didYouMean: string | null;
    hashMatch: boolean;
    maturity: string[];
    hits: { score: number; model: { id: string; name: string; owner: { handle: string } } }[];
    facets: { facet: string; values: { value: string; count: number }[] }[];
  };
}

describe('search over HTTP: publish → findable by a misspelling and by hash → gone when unpublished', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api.db.url, { env: { DATA_DIR: api.dataDir } });
    creator = await world(api).member();
    moderator = await world(api).staff('moderator');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const search = (variables: Record<string, unknown>, user?: TestUser) =>
    gql<SearchData>(api.server, SEARCH, variables, user?.accessToken);
  const ids = async (variables: Record<string, unknown>) =>
    ((await search(variables)).data?.search.hits ?? []).map((h) => h.model.id);

  /** A published model with distinctive words, and the time from its publish to being searchable. */
  async function publishLook(name: string, tags: string[]) {
    const look = await publishedVersion(api, creator);
    await gql(api.server, UPDATE, { id: look.modelId, i: { name, tags } }, creator.accessToken);
    return look;
  }

  it('finds a newly published model by a misspelled word within seconds, and by its file hash', async () => {
    const look = await publishLook('Aurora Botanica Watercolour', ['botanical', 'watercolour']);
    const started = Date.now();
    const found = await eventually(
      async () => {
        const result = await search({ q: 'botanca watercolour' });
        return result.data?.search.hits.some((h) => h.model.id === look.modelId) ? result.data.search : undefined;
      },
      { what: 'the model to be searchable', timeoutMs: 10_000 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(found.didYouMean).toBe('botanica watercolour');
    expect(found.hits[0]!.model).toMatchObject({ id: look.modelId, owner: { handle: creator.handle } });

    const byHash = (await search({ q: look.sha256 })).data!.search;
    expect(byHash).toMatchObject({ total: 1, hashMatch: true, hits: [{ model: { id: look.modelId } }] });
    expect((await search({ q: look.sha256.slice(0, 10) })).data!.search.hits.map((h) => h.model.id)).toEqual([
      look.modelId,
    ]);
  });

  it('counts licence facets and honours exclusions', async () => {
    const result = (await search({ q: 'botanica' })).data!.search;
    const commercial = result.facets.find((f) => f.facet === 'COMMERCIAL_USE')!;
    // The default offers (personal + commercial) allow commercial use.
    expect(commercial.values).toEqual([{ value: 'true', count: result.total }]);
    expect(result.maturity).toEqual(['SFW', 'SUGGESTIVE']);
    expect(await ids({ q: 'botanica', x: { tags: ['botanical'] } })).toEqual([]);
  });

  it('drops an unpublished model, and hides a taken-down one at once (before the index catches up)', async () => {
    const look = await publishLook('Quartz Lantern Nocturne', ['nocturne']);
    await eventually(async () => ((await ids({ q: 'quartz lantern' })).includes(look.modelId) ? true : undefined));
    await gql(api.server, STATUS, { id: look.modelId, s: 'UNPUBLISHED' }, creator.accessToken);
    await eventually(async () => (!(await ids({ q: 'quartz lantern' })).includes(look.modelId) ? true : undefined), {
      what: 'the unpublished model to leave the index',
    });

    const other = await publishLook('Saffron Harbor Etching', ['etching']);
    await eventually(async () => ((await ids({ q: 'saffron harbor' })).includes(other.modelId) ? true : undefined));
    // Stop the relay: the document stays in the index, but the hit is checked against the catalog when served.
    await worker.close();
    try {
      const takedown = await gql(api.server, STATUS, { id: other.modelId, s: 'TAKEN_DOWN' }, moderator.accessToken);
      expect(takedown.errors).toBeUndefined();
      expect(await ids({ q: 'saffron harbor' })).not.toContain(other.modelId);
    } finally {
      worker = await startTestWorker(api.db.url, { env: { DATA_DIR: api.dataDir } });
    }
  });

  it.each([
    ['a 1 kB query', { q: 'x'.repeat(1024) }, 'SEARCH_QUERY_TOO_LONG'],
    ['first above the cap', { first: 1000 }, 'SEARCH_INVALID_FIRST'],
    ['a cursor that is not one', { after: 'bm90IGEgY3Vyc29y' }, 'SEARCH_INVALID_CURSOR'],
    ['an injection string as a tag filter', { f: { tags: ['x" OR 1=1'] } }, 'SEARCH_INVALID_FILTER'],
  ])('rejects %s with a typed error', async (_name, variables, code) => {
    expect(errorCode(await search(variables))).toBe(code);
  });

  it('rejects a cursor from another search, and an unknown facet name', async () => {
    for (let i = 0; i < 3; i += 1) await publishLook(`Cobalt Meadow ${i}`, ['meadow']);
    const first = await eventually(async () => {
      const page = (await search({ q: 'cobalt meadow', first: 2 })).data?.search;
      return page && page.total >= 3 ? page : undefined;
    });
    expect(first.hasNextPage).toBe(true);
    const next = (await search({ q: 'cobalt meadow', first: 2, after: first.endCursor })).data!.search;
    expect(next.hits.length).toBeGreaterThan(0);
    expect(next.hits.map((h) => h.model.id)).not.toContain(first.hits[0]!.model.id);
    expect(errorCode(await search({ q: 'cobalt', first: 2, after: first.endCursor }))).toBe('SEARCH_INVALID_CURSOR');
    const unknownFacet = await gql(api.server, `{ search { facets(facets: [POPULARITY]) { facet } } }`);
    expect(errorCode(unknownFacet)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('finds creators by handle or display name, with their published models', async () => {
    const maker = await world(api).member();
    const look = await publishedVersion(api, maker);
    const CREATORS = `query($q: String, $first: Int, $x: SearchExcludeInput) {
      search(query: $q, exclude: $x) { creators(first: $first) { handle name models } }
    }`;
    const creators = async (variables: Record<string, unknown>) => {
      const result = await gql<{ search: { creators: { handle: string; models: number }[] } }>(
        api.server,
        CREATORS,
        variables,
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.search.creators;
    };
    const found = await eventually(async () => {
      const list = await creators({ q: maker.handle });
      return list.find((c) => c.handle === maker.handle);
    });
    expect(found).toMatchObject({ handle: maker.handle, models: 1 });
    expect((await creators({ q: maker.handle, x: { creators: [maker.handle] } })).map((c) => c.handle)).not.toContain(
      maker.handle,
    );
    expect(await creators({})).toEqual([]);
    expect(errorCode(await gql(api.server, CREATORS, { q: 'x', first: 13 }))).toBe('SEARCH_INVALID_FIRST');
    // No published model left: no longer a creator result.
    await gql(api.server, STATUS, { id: look.modelId, s: 'UNPUBLISHED' }, maker.accessToken);
    await eventually(async () =>
      (await creators({ q: maker.handle })).some((c) => c.handle === maker.handle) ? undefined : true,
    );
  });

  it('shows each viewer the maturity they chose; signed out, safe-for-work and suggestive', async () => {
    const look = await publishLook('Obsidian Velour Nocturne', ['nocturne']);
    await gql(api.server, UPDATE, { id: look.modelId, i: { maturity: 'MATURE' } }, creator.accessToken);
    const viewer = await world(api).member();
    await eventually(async () => {
      const r = (await search({ q: 'obsidian velour', f: { maturity: ['MATURE'] } })).data?.search;
      return r?.hits.some((h) => h.model.id === look.modelId) ? true : undefined;
    });
    const anonymous = (await search({ q: 'obsidian velour' })).data!.search;
    expect(anonymous.maturity).toEqual(['SFW', 'SUGGESTIVE']);
    expect(anonymous.hits.map((h) => h.model.id)).not.toContain(look.modelId);

    const SET = `mutation($m: Maturity!) { setMaturityPreference(maxMaturity: $m) { maxMaturity } }`;
    const set = await gql<{ setMaturityPreference: { maxMaturity: string } }>(
      api.server,
      SET,
      { m: 'MATURE' },
      viewer.accessToken,
    );
    expect(set.data!.setMaturityPreference.maxMaturity).toBe('MATURE');
    const theirs = (await search({ q: 'obsidian velour' }, viewer)).data!.search;
    expect(theirs.maturity).toEqual(['SFW', 'SUGGESTIVE', 'MATURE']);
    expect(theirs.hits.map((h) => h.model.id)).toContain(look.modelId);
    // A bad level changes nothing; signed out, it cannot be set at all.
    expect(errorCode(await gql(api.server, SET, { m: 'EVERYTHING' }, viewer.accessToken))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(api.server, SET, { m: 'EXPLICIT' }))).toBe('UNAUTHENTICATED');
    const me = await gql<{ me: { maxMaturity: string } }>(api.server, `{ me { maxMaturity } }`, {}, viewer.accessToken);
    expect(me.data!.me.maxMaturity).toBe('MATURE');
  });

  it('with the engine down: writes succeed, search is a typed retryable error, and the index converges after', async () => {
    await api.db.query(`ALTER TABLE search.model_document RENAME TO model_document_away`);
    let look: Awaited<ReturnType<typeof publishLook>>;
    try {
      expect(errorCode(await search({ q: 'anything' }))).toBe('SEARCH_UNAVAILABLE');
      look = await publishLook('Vermilion Tide Gouache', ['gouache']);
      // The relay tried, failed, and holds the change for a retry.
      await eventually(
        async () => {
          const [job] = await api.db.query<{ attempts: number; last_error: string | null }>(
            `SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE key = 'search-model:' || $1`,
            [look!.modelId],
          );
          return job && job.attempts >= 1 && job.last_error ? job : undefined;
        },
        { what: 'a failed relay attempt' },
      );
      // Monitoring sees the backlog while search itself is down.
      const status = await gql<{
        searchIndexStatus: { pending: number; failing: number; lagSeconds: number; documents: number | null };
      }>(api.server, `{ searchIndexStatus { pending failing lagSeconds documents } }`, {}, moderator.accessToken);
      expect(status.data!.searchIndexStatus).toMatchObject({ documents: null });
      expect(status.data!.searchIndexStatus.failing).toBeGreaterThanOrEqual(1);
      expect(status.data!.searchIndexStatus.lagSeconds).toBeGreaterThan(0);
      expect(errorCode(await gql(api.server, `{ searchIndexStatus { pending } }`, {}, creator.accessToken))).toBe(
        'FORBIDDEN',
      );
    } finally {
      await api.db.query(`ALTER TABLE search.model_document_away RENAME TO model_document`);
    }
    await eventually(async () => ((await ids({ q: 'vermilion gouache' })).includes(look.modelId) ? true : undefined), {
      what: 'the index to converge after the outage',
      timeoutMs: 30_000,
    });
    // Every held change is retried until it lands: nothing is left failing.
    const after = await eventually(
      async () => {
        const status = await gql<{ searchIndexStatus: { failing: number; pending: number; documents: number } }>(
          api.server,
          `{ searchIndexStatus { failing pending documents } }`,
          {},
          moderator.accessToken,
        );
        return status.data?.searchIndexStatus.failing === 0 ? status.data.searchIndexStatus : undefined;
      },
      { what: 'the relay backlog to drain', timeoutMs: 30_000 },
    );
    expect(after.failing).toBe(0);
    expect(after.documents).toBeGreaterThanOrEqual(5);
  });

  describe('answers that agree with themselves', () => {
    const ANSWER = `query($q: String, $f: SearchFilterInput, $sort: SearchSort, $prefix: String!) {
      search(query: $q, filters: $f, sort: $sort, first: 60) {
        total didYouMean droppedWords
        hits { model { id name } price { free cheapestPaid { tier amount currency } } }
        facets(facets: [KIND, TYPE, PRICE, COMMERCIAL_USE]) { facet values { value count } }
      }
      suggest(prefix: $prefix) { kind text ref }
    }`;
    interface Answer {
      search: {
        total: number;
        didYouMean: string | null;
        droppedWords: string[];
        hits: {
          model: { id: string; name: string };
          price: { free: boolean; cheapestPaid: { tier: string; amount: number; currency: string } | null };
        }[];
        facets: { facet: string; values: { value: string; count: number }[] }[];
      };
      suggest: { kind: string; text: string; ref: string }[];
    }
    const answer = async (variables: Record<string, unknown>) => {
      const result = await gql<Answer>(api.server, ANSWER, { prefix: 'x', ...variables });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data;
    };
    const sum = (a: Answer, facet: string) =>
      a.search.facets.find((f) => f.facet === facet)!.values.reduce((n, v) => n + v.count, 0);
    const SEARCHABLE = (id: string) =>
      api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM search.model_document WHERE model_id = $1`, [id]);

    it('right after an unpublish or a takedown, hits, total, facet counts and suggestions all leave the model out, also while the index cannot be written', async () => {
      const maker = await world(api).member();
      const publishAs = async (user: TestUser, name: string) => {
        const look = await publishedVersion(api, user);
        await gql(api.server, UPDATE, { id: look.modelId, i: { name, tags: ['zephyrine'] } }, user.accessToken);
        return look;
      };
      const [unpublished, takenDown, kept] = [
        await publishAs(maker, 'Zephyrine Lantern'),
        await publishAs(maker, 'Zephyrine Quartz'),
        await publishAs(creator, 'Zephyrine Harbor'),
      ];
      await eventually(async () => ((await answer({ q: 'zephyrine' })).search.total === 3 ? true : undefined), {
        what: 'three models indexed',
      });
      expect((await answer({ q: 'zephyrine', prefix: maker.handle })).suggest).toContainEqual(
        expect.objectContaining({ kind: 'CREATOR', ref: maker.handle }),
      );
      // The engine stops taking writes (reads still answer): the relay's deletes fail and are retried.
      await api.db.query(`
        CREATE FUNCTION search.refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'search engine down (test)'; END $$`);
      await api.db.query(`CREATE TRIGGER refuse_writes BEFORE INSERT OR UPDATE OR DELETE ON search.model_document
                          FOR EACH ROW EXECUTE FUNCTION search.refuse_writes()`);
      try {
        expect(
          (await gql(api.server, STATUS, { id: unpublished.modelId, s: 'UNPUBLISHED' }, maker.accessToken)).errors,
        ).toBeUndefined();
        expect(
          (await gql(api.server, STATUS, { id: takenDown.modelId, s: 'TAKEN_DOWN' }, moderator.accessToken)).errors,
        ).toBeUndefined();
        // At once, and again after the relay has tried and failed: the documents are still in the index.
        for (const when of ['at once', 'after a failed relay attempt']) {
          if (when !== 'at once')
            await eventually(
              async () => {
                const [job] = await api.db.query<{ attempts: number; last_error: string | null }>(
                  `SELECT attempts, last_error FROM graphile_worker.jobs WHERE key = 'search-model:' || $1`,
                  [unpublished.modelId],
                );
                return job && job.attempts >= 1 && job.last_error?.includes('down (test)') ? job : undefined;
              },
              { what: 'a failed relay attempt' },
            );
          expect([when, (await SEARCHABLE(unpublished.modelId))[0]!.n]).toEqual([when, 1]);
          for (const variables of [
            { q: 'zephyrine', prefix: 'zephyrine' },
            { q: 'zephyrine lantern', prefix: 'Zephyrine L' },
            { f: { tags: ['zephyrine'] }, prefix: maker.handle },
            { q: 'zephyrine', f: { free: false, commercialUse: true }, prefix: 'zephyrine q' },
          ]) {
            const a = await answer(variables);
            const ids = a.search.hits.map((h) => h.model.id);
            expect([when, variables, ids]).toEqual([when, variables, [kept.modelId]]);
            expect([when, variables, a.search.total, sum(a, 'KIND'), sum(a, 'TYPE')]).toEqual([
              when,
              variables,
              1,
              1,
              1,
            ]);
            const refs = a.suggest.map((s) => s.ref);
            expect(refs).not.toContain(unpublished.modelId);
            expect(refs).not.toContain(takenDown.modelId);
            // The maker has no visible model left: not a creator suggestion either.
            expect(refs).not.toContain(maker.handle);
          }
        }
      } finally {
        await api.db.query(`DROP TRIGGER refuse_writes ON search.model_document`);
        await api.db.query(`DROP FUNCTION search.refuse_writes()`);
      }
      // The engine is back: the retried deletes land.
      await eventually(
        async () =>
          (await SEARCHABLE(unpublished.modelId))[0]!.n + (await SEARCHABLE(takenDown.modelId))[0]!.n === 0
            ? true
            : undefined,
        { what: 'the relay to catch up', timeoutMs: 90_000 },
      );
      const after = await answer({ q: 'zephyrine' });
      expect([after.search.total, after.search.hits.map((h) => h.model.id)]).toEqual([1, [kept.modelId]]);
    }, 150_000);

    it('leaves out words that match nothing, says which, and offers a correction only when it finds something', async () => {
      const look = await publishLook('Xanthic Meridian Gouache', ['xanthic']);
      await eventually(async () => ((await answer({ q: 'xanthic' })).search.total >= 1 ? true : undefined));
      const alone = await answer({ q: 'xanthic' });
      for (const [q, dropped] of [
        ['xanthic cta', ['cta']],
        ['cta xanthic', ['cta']],
        ['did you mean xanthic', ['did', 'you', 'mean']],
        ['xanthic meridian qqzx', ['qqzx']],
        ['xanthic glorbnax wuzzle', ['glorbnax', 'wuzzle']],
      ] as const) {
        const a = await answer({ q });
        expect([q, a.search.droppedWords, a.search.total]).toEqual([q, dropped, alone.search.total]);
        expect(a.search.hits.map((h) => h.model.id)).toContain(look.modelId);
        expect(sum(a, 'KIND')).toBe(a.search.total);
      }
      expect((await answer({ q: 'xanthic meridian' })).search.droppedWords).toEqual([]);
      // Nothing at all: nothing is said to be left out, and no correction is offered.
      expect((await answer({ q: 'qqzx wuzzle' })).search).toMatchObject({
        total: 0,
        droppedWords: [],
        didYouMean: null,
      });
      // A correction is offered when it finds something, never when it does not.
      const fixed = await answer({ q: 'xanthc meridian' });
      expect(fixed.search).toMatchObject({ didYouMean: 'xanthic meridian', droppedWords: [] });
      expect(fixed.search.total).toBeGreaterThan(0);
      const useless = await answer({ q: 'xanthc meridian', f: { types: ['VAE'] } });
      expect(useless.search).toMatchObject({ total: 0, didYouMean: null, droppedWords: [] });
      // Its own suggestion searched: the same results, no further suggestion.
      expect((await answer({ q: fixed.search.didYouMean })).search).toMatchObject({
        total: fixed.search.total,
        didYouMean: null,
      });
    });

    it.each([['XXX'], ['BTC'], ['usd'], ['US'], ['EURO'], ['']])(
      'refuses a price filter in a currency Lookbook does not sell in (%j), with a typed error',
      async (currency) => {
        const result = await gql(api.server, ANSWER, {
          q: 'x',
          prefix: 'x',
          f: { maxPrice: { amount: 1000, currency } },
        });
        expect(errorCode(result)).toBe('SEARCH_UNSUPPORTED_CURRENCY');
        expect(result.data).toBeFalsy();
      },
    );

    it('sorts by price as a buyer reads prices: paid licences by the cheapest paid offer, across currencies', async () => {
      const word = `pricetest${Date.now().toString(36)}`;
      const offer = (tier: 'PERSONAL' | 'COMMERCIAL', priceAmount: number, priceCurrency: string) => ({
        ...(tier === 'PERSONAL' ? OFFERS.personal : OFFERS.commercial),
        priceAmount,
        priceCurrency,
      });
      const make = async (label: string, offers: (typeof OFFERS)[keyof typeof OFFERS][]) => {
        const look = await publishedVersion(api, creator, { offers });
        await gql(api.server, UPDATE, { id: look.modelId, i: { name: `${word} ${label}` } }, creator.accessToken);
        return look.modelId;
      };
      const m = {
        freeAnd24: await make('free and 24', [OFFERS.free, offer('COMMERCIAL', 2400, 'USD')]),
        usd3: await make('three dollars', [offer('PERSONAL', 300, 'USD')]),
        usd29: await make('twenty-nine dollars', [offer('PERSONAL', 2900, 'USD'), offer('COMMERCIAL', 9900, 'USD')]),
        kwd3: await make('three dinars', [offer('PERSONAL', 3000, 'KWD')]),
        jpy500: await make('five hundred yen', [offer('PERSONAL', 500, 'JPY')]),
        freeOnly: await make('free only', [OFFERS.free]),
      };
      await eventually(async () => ((await answer({ q: word })).search.total === 6 ? true : undefined), {
        what: 'six priced models indexed',
      });
      const order = async (sort: string, f?: Record<string, unknown>) =>
        (await answer({ q: word, sort, f })).search.hits.map((h) => h.model.id);
      // Paid licences, low to high: $3, ¥500 (≈ $3.25), KWD 3.000 (≈ $9.78), $24 (a free offer too), $29.
      expect(await order('PRICE_LOW', { free: false })).toEqual([m.usd3, m.jpy500, m.kwd3, m.freeAnd24, m.usd29]);
      // Everything, low to high: the free ones first.
      const low = await order('PRICE_LOW');
      expect(new Set(low.slice(0, 2))).toEqual(new Set([m.freeAnd24, m.freeOnly]));
      expect(low.slice(2)).toEqual([m.usd3, m.jpy500, m.kwd3, m.usd29]);
      expect(await order('PRICE_HIGH')).toEqual([m.usd29, m.freeAnd24, m.kwd3, m.jpy500, m.usd3, m.freeOnly]);
      // Each hit says what it costs: both prices where both exist.
      const prices = new Map((await answer({ q: word })).search.hits.map((h) => [h.model.id, h.price]));
      expect(prices.get(m.freeAnd24)).toEqual({
        free: true,
        cheapestPaid: { tier: 'COMMERCIAL', amount: 2400, currency: 'USD' },
      });
      expect(prices.get(m.usd29)).toEqual({
        free: false,
        cheapestPaid: { tier: 'PERSONAL', amount: 2900, currency: 'USD' },
      });
      expect(prices.get(m.kwd3)).toEqual({
        free: false,
        cheapestPaid: { tier: 'PERSONAL', amount: 3000, currency: 'KWD' },
      });
      expect(prices.get(m.freeOnly)).toEqual({ free: true, cheapestPaid: null });
      // A price ceiling is per currency: KWD 3.000 is under KWD 5.000, and the free ones count.
      const under = await answer({ q: word, f: { maxPrice: { amount: 5000, currency: 'KWD' } } });
      expect(new Set(under.search.hits.map((h) => h.model.id))).toEqual(new Set([m.kwd3, m.freeAnd24, m.freeOnly]));
    });
  });

  const TEMPLATE_SEARCH = `query($q: String, $f: SearchFilterInput) {
    search(query: $q, filters: $f, first: 20) {
      total
      hits { kind model { id } template { id name owner { handle } } }
      facets(facets: [KIND, TYPE]) { facet values { value count } }
    }
    suggest(prefix: "lumen") { kind text ref }
  }`;
  interface TemplateSearchData {
    search: {
      total: number;
      hits: { kind: string; model: { id: string } | null; template: { id: string; name: string } | null }[];
      facets: { facet: string; values: { value: string; count: number }[] }[];
    };
    suggest: { kind: string; text: string; ref: string }[];
  }

  // Needs ../shared/reference/comfyui (the workflow the template is made from).
  (comfyuiReferencePresent ? it : it.skip)(
    'finds a published workflow template beside models, by a misspelling, with a kind facet; drafts never',
    async () => {
      const published = await referenceTemplate(api, creator, 'Lumenfall Portrait Workflow');
      const draft = await referenceTemplate(api, creator, 'Lumenfall Draft Workflow', { draft: true });
      const found = await eventually(
        async () => {
          const result = await gql<TemplateSearchData>(api.server, TEMPLATE_SEARCH, { q: 'lumenfal portrait' });
          return result.data?.search.hits.some((h) => h.template?.id === published.id) ? result.data : undefined;
        },
        { what: 'the template to be searchable', timeoutMs: 10_000 },
      );
      expect(found.search.hits[0]).toMatchObject({
        kind: 'TEMPLATE',
        model: null,
        template: { id: published.id, name: 'Lumenfall Portrait Workflow', owner: { handle: creator.handle } },
      });
      expect(found.suggest).toContainEqual({
        kind: 'TEMPLATE',
        text: 'Lumenfall Portrait Workflow',
        ref: published.id,
      });
      const kinds = found.search.facets.find((f) => f.facet === 'KIND')!;
      expect(kinds.values).toContainEqual({ value: 'TEMPLATE', count: 1 });
      // A template has no model type: it is not counted under any.
      const types = found.search.facets.find((f) => f.facet === 'TYPE')!;
      expect(types.values.reduce((n, v) => n + v.count, 0)).toBe(found.search.total - 1);

      const onlyTemplates = await gql<TemplateSearchData>(api.server, TEMPLATE_SEARCH, {
        q: 'lumenfall',
        f: { kinds: ['TEMPLATE'] },
      });
      expect(onlyTemplates.data!.search.hits.map((h) => h.template?.id)).toEqual([published.id]);
      expect(JSON.stringify(onlyTemplates.data)).not.toContain(draft.id);
      const onlyModels = await gql<TemplateSearchData>(api.server, TEMPLATE_SEARCH, {
        q: 'lumenfall',
        f: { kinds: ['MODEL'] },
      });
      expect(onlyModels.data!.search.total).toBe(0);
      expect(errorCode(await gql(api.server, TEMPLATE_SEARCH, { f: { kinds: ['IMAGE'] } }))).toBe('BAD_USER_INPUT');
    },
  );
});
