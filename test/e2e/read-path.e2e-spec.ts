import request from 'supertest';
import { SyncModelMediaJob } from '@lookbook/catalog/testing';
import { PublicMedia } from '@lookbook/storage';
import type { TestUser } from '@lookbook/testing';
import {
  DISCOVER_QUERY,
  GENERATED_BUYER_PASSWORD,
  generateCatalog,
  LIBRARY_QUERY,
  MODEL_PAGE_QUERY,
  pngWithText,
} from '@lookbook/testing';
import { getMedia } from './support/media';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

/** Budgets from ARCHITECTURE.md §9: statements per page, whatever the list size. */
const BUDGET = { discover: 3, modelPage: 3, library: 3 };
/** The model page with its rating summary (the counters, one statement) and first page of reviews (one). */
const MODEL_PAGE_WITH_REVIEWS = MODEL_PAGE_QUERY.replace(
  /\}\s*$/,
  `  reviews(kind: MODEL, subjectId: $id, first: 10) {
    nodes { id rating body verified licenseTier helpfulCount editCount author { handle } reply { body } }
  }
}`,
).replace('publishedAt\n', 'publishedAt rating { average count histogram }\n');

interface Page<T> {
  status: number;
  statements: number;
  data: T;
  cache: string | undefined;
}

describe('read path: fixed SQL per page, public media at stable URLs', () => {
  let api: TestApi;
  let buyer: TestUser;
  let creator: TestUser;

  const post = async <T>(
    query: string,
    variables: Record<string, unknown>,
    user?: Pick<TestUser, 'accessToken'>,
  ): Promise<Page<T>> => {
    const call = request(api.server).post('/graphql').send({ query, variables });
    if (user) void call.set('authorization', `Bearer ${user.accessToken}`);
    const response = await call;
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return {
      status: response.status,
      statements: Number(response.headers['x-sql-statements']),
      data: response.body.data as T,
      cache: response.headers['x-cache'],
    };
  };

  beforeAll(async () => {
    api = await startTestApi();
    await generateCatalog(api.db, 60);
    const people = world(api);
    creator = await people.member();
    buyer = await people.member();
    // Some generated models become the creator's, so the library has offers the creator may gift.
    await api.db.query(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug IN ('style-1', 'style-2', 'style-3', 'style-4')`,
      [creator.id],
    );
  });
  afterAll(() => api.close());

  type Discover = {
    styleModels: {
      nodes: {
        owner: { handle: string } | null;
        baseModel: { name: string };
        versions: { sampleImages: { thumbnails: { url: string }[] }[]; licenseOffers: unknown[] }[];
      }[];
    };
  };

  it('serves the discover page in at most 3 statements, whether it lists 2 models or 24', async () => {
    const small = await post<Discover>(DISCOVER_QUERY, { first: 2 });
    const large = await post<Discover>(DISCOVER_QUERY, { first: 24 });
    expect(large.data.styleModels.nodes).toHaveLength(24);
    for (const model of large.data.styleModels.nodes) {
      expect(model.owner?.handle).toMatch(/^(creator-\d+|user)/);
      expect(model.baseModel.name).toBeTruthy();
      expect(model.versions[0]!.sampleImages).toHaveLength(3);
      expect(model.versions[0]!.licenseOffers).toHaveLength(2);
    }
    expect(large.statements).toBeLessThanOrEqual(BUDGET.discover);
    expect(large.statements).toBe(small.statements);
  });

  it('pages on with the same budget (keyset cursor on the published-at index)', async () => {
    const first = await post<{ styleModels: { pageInfo: { endCursor: string } } }>(DISCOVER_QUERY, { first: 24 });
    const next = await post<Discover>(DISCOVER_QUERY, { first: 24, after: first.data.styleModels.pageInfo.endCursor });
    expect(next.data.styleModels.nodes).toHaveLength(24);
    expect(next.statements).toBeLessThanOrEqual(BUDGET.discover);
  });

  it('serves a model page with two versions, files, images and offers in at most 3 statements', async () => {
    const [model] = await api.db.query<{ id: string }>(`SELECT id FROM catalog.style_model WHERE slug = 'style-3'`);
    const id = model!.id;
    const page = await post<{ styleModel: { versions: { files: unknown[]; sampleImages: unknown[] }[] } }>(
      MODEL_PAGE_QUERY,
      { id },
    );
    expect(page.data.styleModel.versions).toHaveLength(2);
    expect(page.data.styleModel.versions.every((v) => v.files.length === 1 && v.sampleImages.length === 3)).toBe(true);
    expect(page.statements).toBeLessThanOrEqual(BUDGET.modelPage);
  });

  it('serves the model page with its rating and first page of reviews in at most 2 more statements', async () => {
    const [model] = await api.db.query<{ id: string }>(`SELECT id FROM catalog.style_model WHERE slug = 'style-3'`);
    const page = await post<{ styleModel: { rating: { count: number; histogram: number[] } }; reviews: unknown }>(
      MODEL_PAGE_WITH_REVIEWS,
      { id: model!.id },
    );
    expect(page.data.styleModel.rating.histogram).toHaveLength(5);
    expect(page.statements).toBeLessThanOrEqual(BUDGET.modelPage + 2);
  });

  it('filters the public feed by tag (normalised) and by creator handle (any case), on the same statement budget', async () => {
    type Ids = { styleModels: { nodes: { id: string; tags: string[]; owner: { handle: string } | null }[] } };
    const query = `query($f: StyleModelFilter) { styleModels(first: 100, filter: $f) { nodes { id tags owner { handle } } } }`;
    const byTag = await post<Ids>(query, { f: { tag: ' INK ' } });
    const [counted] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM catalog.style_model WHERE status = 'PUBLISHED' AND 'ink' = ANY(tags)`,
    );
    const n = counted?.n ?? 0;
    expect(n).toBeGreaterThan(0);
    expect(byTag.data.styleModels.nodes).toHaveLength(n);
    expect(byTag.data.styleModels.nodes.every((m) => m.tags.includes('ink'))).toBe(true);
    expect(byTag.statements).toBeLessThanOrEqual(BUDGET.discover);
    const byHandle = await post<Ids>(query, { f: { ownerHandle: 'CREATOR-2' } });
    expect(byHandle.data.styleModels.nodes.length).toBeGreaterThan(0);
    expect(byHandle.data.styleModels.nodes.every((m) => m.owner?.handle === 'creator-2')).toBe(true);
    const empty = await request(api.server)
      .post('/graphql')
      .send({ query, variables: { f: { tag: '   ' } } });
    expect(empty.body.errors[0].extensions.code).toBe('INVALID_TAGS');
  });

  it("generates buyers whose paid orders granted their licences, and serves a generated buyer's library", async () => {
    const [consistency] = await api.db.query<{ orders: number; unmatched: number; badSplits: number }>(
      `SELECT count(*)::int AS orders,
              count(*) FILTER (WHERE g.id IS NULL OR g.order_ref <> 'order:' || o.id OR g.licensee_id <> o.buyer_id)::int AS unmatched,
              count(*) FILTER (WHERE s.amount <> o.amount - o.platform_fee)::int AS "badSplits"
         FROM commerce."order" o
         LEFT JOIN commerce.order_line l ON l.order_id = o.id
         LEFT JOIN licensing.grant g ON g.id = l.grant_id
         LEFT JOIN commerce.order_split s ON s.order_id = o.id
        WHERE o.checkout_session_id LIKE 'cs_gen_%'`,
    );
    expect(consistency).toEqual({ orders: 30, unmatched: 0, badSplits: 0 });
    const signIn = await request(api.server)
      .post('/graphql')
      .send({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
        variables: { input: { login: 'buyer-1', password: GENERATED_BUYER_PASSWORD } },
      });
    const accessToken = (signIn.body as { data: { signIn: { accessToken: string } } }).data.signIn.accessToken;
    const library = await post<{ myLicenses: { nodes: { tier: string; status: string }[] } }>(
      LIBRARY_QUERY,
      { first: 50 },
      { accessToken },
    );
    expect(library.data.myLicenses.nodes).toHaveLength(5);
    expect(library.data.myLicenses.nodes.every((l) => l.tier === 'COMMERCIAL' && l.status === 'ACTIVE')).toBe(true);
    expect(library.statements).toBeLessThanOrEqual(BUDGET.library);
  });

  it("serves a buyer's library in at most 3 statements (the actor lookup included), for 1 licence or 4", async () => {
    const offers = await api.db.query<{ id: string }>(
      `SELECT o.id FROM licensing.offer o JOIN catalog.model_version v ON v.id = o.version_id
         JOIN catalog.style_model m ON m.id = v.model_id
        WHERE m.owner_id = $1 AND o.tier = 'PERSONAL' ORDER BY m.slug, v.name LIMIT 4`,
      [creator.id],
    );
    const gift = (offerId: string) =>
      post(
        `mutation($o: UUID!, $h: String!) { giftLicense(offerId: $o, licenseeHandle: $h) { id } }`,
        {
          o: offerId,
          h: buyer.handle,
        },
        creator,
      );
    await gift(offers[0]!.id);
    const one = await post<{ myLicenses: { nodes: unknown[] } }>(LIBRARY_QUERY, { first: 50 }, buyer);
    for (const offer of offers.slice(1)) await gift(offer.id);
    const four = await post<{ myLicenses: { nodes: { certificate: string | null }[] } }>(
      LIBRARY_QUERY,
      { first: 50 },
      buyer,
    );
    expect([one.data.myLicenses.nodes.length, four.data.myLicenses.nodes.length]).toEqual([1, 4]);
    expect(four.data.myLicenses.nodes.every((l) => l.certificate?.split('.').length === 3)).toBe(true);
    expect(four.statements).toBeLessThanOrEqual(BUDGET.library);
    expect(four.statements).toBe(one.statements);
  });

  it('reads the page with indexes, not scans (EXPLAIN)', async () => {
    const plan = async (sql: string, params: unknown[]) =>
      JSON.stringify(await api.db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    await api.db.query(`SET enable_seqscan = off`); // so a plan that *could* avoid a scan must (small tables)
    const discover = await plan(
      `SELECT id FROM catalog.style_model WHERE status = 'PUBLISHED' AND type = $1
        ORDER BY published_at DESC, id DESC LIMIT 25`,
      ['LORA'],
    );
    expect(discover).toContain('style_model_type_published_idx');
    const byBase = await plan(
      `SELECT id FROM catalog.style_model WHERE status = 'PUBLISHED' AND base_model_id = $1
        ORDER BY published_at DESC, id DESC LIMIT 25`,
      ['pony'],
    );
    expect(byBase).toContain('style_model_base_published_idx');
    await api.db.query(`RESET enable_seqscan`);
  });

  describe('public media', () => {
    let url: string;
    let modelId: string;
    let name: string;

    beforeAll(async () => {
      // A real image through the product: the sample image route stores it under its content address.
      const { createStyleModel } = (
        await post<{ createStyleModel: { id: string } }>(
          `mutation { createStyleModel(input: { name: "Media look", type: LORA, baseModelId: "sdxl-1.0", maturity: SFW }) { id } }`,
          {},
          creator,
        )
      ).data;
      modelId = createStyleModel.id;
      const version = await post<{ createModelVersion: { id: string } }>(
        `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
        { m: modelId },
        creator,
      );
      const added = await request(api.server)
        .post(`/api/v1/model-versions/${version.data.createModelVersion.id}/sample-images`)
        .set('authorization', `Bearer ${creator.accessToken}`)
        .set('content-type', 'image/png')
        .send(await pngWithText(900, 600, {}));
      expect(added.status).toBe(201);
      url = added.body.thumbnails[0].url as string;
      name = url.split('/').pop()!;
      expect((added.body.thumbnails as { width: number; height: number }[]).map((t) => [t.width, t.height])).toEqual([
        [320, 213],
        [640, 427],
      ]);
      expect(added.body.placeholder).toMatch(/^[0-9A-Za-z#$%*+,.:;=?@[\]^_{|}~-]{20,40}$/);
    });

    it('is a stable content-addressed URL served with immutable caching, ETag, type and nosniff', async () => {
      expect(url).toMatch(/\/media\/[0-9a-f]{64}\.webp$/);
      const response = await getMedia(api, url);
      expect(response.status).toBe(200);
      expect(response.headers).toMatchObject({
        'cache-control': 'public, max-age=31536000, immutable',
        'content-type': 'image/webp',
        'x-content-type-options': 'nosniff',
        etag: `"${name.split('.')[0]}"`,
        'accept-ranges': 'bytes',
      });
      const bytes = response.body as Buffer;
      expect(Number(response.headers['content-length'])).toBe(bytes.length);
      // The name is the SHA-256 of the bytes: the URL can never mean other bytes.
      expect(PublicMedia.keyFor(bytes, 'webp')).toBe(`media/${name}`);
      const revalidated = await getMedia(api, url, { 'if-none-match': response.headers['etag'] as string });
      expect(revalidated.status).toBe(304);
    });

    it('serves byte ranges, and refuses unsatisfiable ones with 416', async () => {
      const whole = (await getMedia(api, url)).body as Buffer;
      const head = await getMedia(api, url, { range: 'bytes=0-9' });
      expect(head.status).toBe(206);
      expect(head.headers['content-range']).toBe(`bytes 0-9/${whole.length}`);
      expect(head.body).toEqual(whole.subarray(0, 10));
      const tail = await getMedia(api, url, { range: 'bytes=-4' });
      expect(tail.body).toEqual(whole.subarray(whole.length - 4));
      const beyond = await getMedia(api, url, { range: `bytes=${whole.length}-` });
      expect(beyond.status).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${whole.length}`);
    });

    it('answers 404 for names that are not content addresses, without touching storage', async () => {
      for (const bad of ['..%2F..%2Fweights%2Fx', `${'a'.repeat(64)}.exe`, 'a.webp', `${'g'.repeat(64)}.webp`]) {
        const response = await request(api.server).get(`/media/${bad}`);
        expect(response.status).toBe(404);
      }
      expect((await request(api.server).get(`/media/${'0'.repeat(64)}.webp`)).status).toBe(404);
    });

    it("stops serving a taken-down model's media, and serves it again after a restore", async () => {
      const moderator = await world(api).staff('moderator');
      const status = (to: string) =>
        post(
          `mutation($id: UUID!, $s: ModelStatus!) { changeStyleModelStatus(id: $id, status: $s) { status } }`,
          {
            id: modelId,
            s: to,
          },
          moderator,
        );
      const job = api.app.get(SyncModelMediaJob);
      await status('TAKEN_DOWN');
      await job.handle({ modelId });
      expect((await getMedia(api, url)).status).toBe(404);
      await status('UNPUBLISHED');
      await job.handle({ modelId });
      expect((await getMedia(api, url)).status).toBe(200);
    });
  });
});

describe('read path: the anonymous response cache', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { PUBLIC_CACHE_TTL_MS: '60000' } });
    await generateCatalog(api.db, 5);
  });
  afterAll(() => api.close());

  const discover = (token?: string) => {
    // One Host, as a browser sends: supertest listens on a new port per request, and the cache keeps answers per
    // origin (without PUBLIC_URL, absolute URLs in an answer name the origin it was asked on).
    const call = request(api.server)
      .post('/graphql')
      .set('host', 'lookbook.test')
      .send({ query: DISCOVER_QUERY, variables: { first: 5 } });
    return token ? call.set('authorization', `Bearer ${token}`) : call;
  };

  /** Repeats the read until it is served from memory (the first one also connects the invalidation listener). */
  const untilHit = async () => {
    const deadline = Date.now() + 5000;
    let response = await discover();
    while (response.headers['x-cache'] !== 'HIT' && Date.now() < deadline) response = await discover();
    return response;
  };

  it('serves repeat anonymous reads from memory, with no SQL', async () => {
    const miss = await discover();
    const hit = await untilHit();
    expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(Number(hit.headers['x-sql-statements'])).toBe(0);
    expect(hit.body).toEqual(miss.body);
  });

  it('never caches for a signed-in reader', async () => {
    const member = await world(api).member();
    const response = await discover(member.accessToken);
    expect(response.headers['x-cache']).toBeUndefined();
    expect(Number(response.headers['x-sql-statements'])).toBeGreaterThan(0);
  });

  it('drops what it holds when any process commits a public catalog write (LISTEN/NOTIFY)', async () => {
    expect((await untilHit()).headers['x-cache']).toBe('HIT');
    // A write from outside the API process, as the worker would make it.
    await api.db.query(`UPDATE catalog.style_model SET name = 'Renamed by another process' WHERE slug = 'style-5'`);
    const deadline = Date.now() + 5000;
    let response = await discover();
    while (response.headers['x-cache'] === 'HIT' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      response = await discover();
    }
    expect(response.headers['x-cache']).toBe('MISS');
    expect(JSON.stringify(response.body)).toContain('Renamed by another process');
  });

  it('loses no write while its listener is down: nothing is stored meanwhile, everything is dropped on reconnect', async () => {
    expect((await untilHit()).headers['x-cache']).toBe('HIT');
    // The listener's connection dies (a database restart, a proxy timeout)…
    await api.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lookbook-cache-listener'`,
    );
    // …and a write lands before it is back: its NOTIFY reaches nobody.
    await api.db.query(`UPDATE catalog.style_model SET name = 'Renamed while unheard' WHERE slug = 'style-4'`);
    const deadline = Date.now() + 8000;
    let response = await discover();
    while (!JSON.stringify(response.body).includes('Renamed while unheard') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await discover();
    }
    expect(JSON.stringify(response.body)).toContain('Renamed while unheard');
    // Once reconnected it caches again, and serves the new name.
    const hit = await untilHit();
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(JSON.stringify(hit.body)).toContain('Renamed while unheard');
  });
});
