import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { ModelDocumentRepository } from './model-document.repository';

const DAY = 86_400_000;

/**
 * Model documents built from the real, migrated catalog, identity and licensing tables (seeded with plain SQL, as
 * those domains store them). Every column a document reads is read here: a column renamed or retyped by another
 * domain's migration fails this spec (docs/decisions/0005-search-reads-foreign-tables.md).
 */
describe('ModelDocumentRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let documents: ModelDocumentRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    documents = new ModelDocumentRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const q = (sql: string, params: unknown[] = []) => bed.dataSource.query(sql, params);

  async function version(
    modelId: string,
    change: { published?: Date | null; triggerWords?: string[]; downloads?: number },
  ): Promise<string> {
    const id = randomUUID();
    const published = change.published === undefined ? new Date() : change.published;
    await q(
      `INSERT INTO catalog.model_version (id, model_id, name, access, status, trigger_words, download_count, created_at,
         updated_at, published_at)
       VALUES ($1, $2, $3, 'LICENSED', $4, $5, $6, now(), now(), $7)`,
      [
        id,
        modelId,
        `v-${id.slice(0, 6)}`,
        published ? 'PUBLISHED' : 'DRAFT',
        change.triggerWords ?? [],
        change.downloads ?? 0,
        published,
      ],
    );
    return id;
  }

  async function offer(
    versionId: string,
    change: { tier: string; amount: number; currency?: string; permissions?: object; retired?: boolean },
  ): Promise<string> {
    const id = randomUUID();
    await q(
      `INSERT INTO licensing.offer (id, version_id, tier, revision, price_amount, price_currency, permissions,
         terms_text, terms_sha256, created_at, retired_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, 'terms', $7, now(), $8)`,
      [
        id,
        versionId,
        change.tier,
        change.amount,
        change.currency ?? 'EUR',
        JSON.stringify({
          commercialUse: 'NONE',
          derivativesAllowed: false,
          creditRequired: true,
          ...change.permissions,
        }),
        'a'.repeat(64),
        change.retired ? new Date() : null,
      ],
    );
    return id;
  }

  /** A licence of the model's version, issued `daysAgo` (a new licensee each time). */
  async function grant(
    subject: { modelId: string; versionId: string; offerId: string },
    daysAgo: number,
    status: 'ACTIVE' | 'REVOKED' = 'ACTIVE',
  ) {
    const licensee = await bed.seed.user();
    const issued = new Date(Date.now() - daysAgo * DAY);
    await q(
      `INSERT INTO licensing.grant (id, licensee_id, subject_id, version_id, resource_urn, resource_name, offer_id,
         offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount, price_currency, source,
         issued_at, key_id, certificate, status, revoked_at, revocation_reason)
       VALUES ($1, $2, $3, $4, 'urn:test', 'Test', $5, 1, 'PERSONAL', '{}', 'terms', $6, ARRAY[$6], 0, 'EUR', 'GIFT',
         $7, 'k', 'c', $8, $9, $10)`,
      [
        randomUUID(),
        licensee.id,
        subject.modelId,
        subject.versionId,
        subject.offerId,
        'b'.repeat(64),
        issued,
        status,
        status === 'REVOKED' ? new Date() : null,
        status === 'REVOKED' ? 'ISSUED_IN_ERROR' : null,
      ],
    );
  }

  /** A published model with two published versions and a draft, files, offers and licences. */
  async function richModel() {
    const owner = await bed.seed.user();
    const publishedAt = new Date('2026-03-01T10:00:00.000Z');
    const modelId = await bed.seed.model(owner.id, { name: 'Velvet Bloom', at: publishedAt });
    await q(
      `UPDATE catalog.style_model SET description = $2, tags = $3, maturity = 'SUGGESTIVE', type = 'CHECKPOINT',
         base_model_id = 'flux.1-d' WHERE id = $1`,
      [modelId, 'Soft petals in ink.', ['floral', 'ink']],
    );
    const older = await version(modelId, {
      published: new Date('2026-03-01T10:00:00.000Z'),
      triggerWords: ['velvetbloom'],
      downloads: 5,
    });
    const newer = await version(modelId, {
      published: new Date('2026-04-01T10:00:00.000Z'),
      triggerWords: ['velvetbloom', 'petalwash'],
      downloads: 7,
    });
    const draft = await version(modelId, { published: null, triggerWords: ['unreleased'], downloads: 100 });
    const files = [
      await bed.seed.file(older),
      await bed.seed.file(newer),
      await bed.seed.file(newer, { scanStatus: 'PENDING' }), // not READY: its hashes are not searchable
      await bed.seed.file(draft), // a draft version's file
    ];
    // The newest published version's live offers are the document's; the older version's and a retired one are not.
    const personal = await offer(newer, { tier: 'PERSONAL', amount: 900, currency: 'EUR' });
    await offer(newer, {
      tier: 'COMMERCIAL',
      amount: 2400,
      currency: 'USD',
      permissions: { commercialUse: 'SELL_GENERATED_IMAGES', derivativesAllowed: true, creditRequired: true },
    });
    await offer(newer, { tier: 'FREE', amount: 0, permissions: { creditRequired: true } });
    await offer(newer, { tier: 'ENTERPRISE', amount: 100, retired: true });
    await offer(older, { tier: 'EXCLUSIVE', amount: 50, permissions: { creditRequired: false } });
    const subject = { modelId, versionId: newer, offerId: personal };
    await grant(subject, 0); // a grant weighs 3
    await grant(subject, 2); // one half-life: 1.5
    await grant(subject, 3, 'REVOKED'); // revoked: not counted
    await grant(subject, 8); // outside the 7-day window
    // Likes weigh 1 (now: 1; four days old: 0.25; ten days old: outside the window), and the counters say 7 likes
    // (two shards), two ratings summing to 9, and downloads the document does not read for a model (its versions do).
    for (const age of [0, 4, 10]) {
      const fan = await bed.seed.user();
      await q(
        `INSERT INTO community."like" (user_id, subject_kind, subject_id, created_at)
         VALUES ($1, 'MODEL', $2, now() - make_interval(secs => $3 * 86400))`,
        [fan.id, modelId, age],
      );
    }
    await q(
      `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
       VALUES ('MODEL', $1, 'LIKES', 0, 3), ('MODEL', $1, 'LIKES', 5, 4), ('MODEL', $1, 'RATING_SUM', 2, 9),
              ('MODEL', $1, 'RATING_COUNT', 2, 2), ('USER', $1, 'LIKES', 0, 100)`,
      [modelId],
    );
    return { owner, modelId, publishedAt, files, older, newer, draft };
  }

  it('builds a published model’s document from the catalog, identity and licensing tables', async () => {
    const { owner, modelId, publishedAt, files } = await richModel();
    const [document] = await documents.build([modelId]);
    expect(document).toEqual({
      kind: 'MODEL',
      id: modelId,
      name: 'Velvet Bloom',
      slug: expect.stringMatching(/^model-\d+$/),
      description: 'Soft petals in ink.',
      ownerId: owner.id,
      ownerHandle: owner.handle,
      ownerName: expect.stringMatching(/^User \d+$/),
      type: 'CHECKPOINT',
      baseModelId: 'flux.1-d',
      baseModelName: 'Flux.1 D',
      tags: ['floral', 'ink'],
      // Every published version's trigger words, once each; never a draft's.
      triggerWords: expect.arrayContaining(['velvetbloom', 'petalwash']),
      // SHA-256 and AutoV2 of the READY files of published versions.
      hashes: expect.arrayContaining([files[0]!.sha256, files[0]!.autov2, files[1]!.sha256, files[1]!.autov2]),
      maturity: 'SUGGESTIVE',
      tiers: ['COMMERCIAL', 'FREE', 'PERSONAL'],
      free: true,
      // The cheapest paid offer by approximate value: 9.00 EUR is below 24.00 USD.
      minPrice: { tier: 'PERSONAL', amount: 900, currency: 'EUR' },
      commercialUse: true,
      derivativesAllowed: true,
      creditRequired: true,
      publishedAt,
      downloads: 12,
      trending: expect.closeTo(3 + 1.5 + 1 + 0.25, 2),
      likes: 7,
      ratingSum: 9,
      ratingCount: 2,
    });
    expect(document!.triggerWords).toHaveLength(2);
    expect(document!.hashes).toHaveLength(4);
  });

  it('folds the offers into facets: credit required only when every live offer requires it', async () => {
    const owner = await bed.seed.user();
    const modelId = await bed.seed.model(owner.id);
    const v = await version(modelId, {});
    await offer(v, { tier: 'PERSONAL', amount: 500, permissions: { creditRequired: true } });
    await offer(v, { tier: 'COMMERCIAL', amount: 300, currency: 'JPY', permissions: { creditRequired: false } });
    const [document] = await documents.build([modelId]);
    expect(document).toMatchObject({
      tiers: ['COMMERCIAL', 'PERSONAL'],
      free: false,
      // ¥300 is about $2, below €5.00.
      minPrice: { tier: 'COMMERCIAL', amount: 300, currency: 'JPY' },
      commercialUse: false,
      derivativesAllowed: false,
      creditRequired: false,
      trending: 0,
      downloads: 0,
      likes: 0,
      ratingSum: 0,
      ratingCount: 0,
      hashes: [],
    });
  });

  it('yields no document for a model that is not published, or has no published version', async () => {
    const owner = await bed.seed.user();
    const published = await bed.seed.model(owner.id);
    await version(published, {});
    const statuses = ['DRAFT', 'UNPUBLISHED', 'ARCHIVED', 'TAKEN_DOWN'];
    const hidden = await Promise.all(
      statuses.map(async (status) => {
        const id = await bed.seed.model(owner.id, { status: status === 'DRAFT' ? 'DRAFT' : 'PUBLISHED' });
        await version(id, {});
        if (status !== 'DRAFT') await q(`UPDATE catalog.style_model SET status = $2 WHERE id = $1`, [id, status]);
        return id;
      }),
    );
    const onlyDraft = await bed.seed.model(owner.id);
    await version(onlyDraft, { published: null });
    const built = await documents.build([published, ...hidden, onlyDraft, randomUUID()]);
    expect(built.map((d) => d.id)).toEqual([published]);
    expect(await documents.build([])).toEqual([]);
  });

  it('reads inside the caller’s transaction', async () => {
    const owner = await bed.seed.user();
    const modelId = await bed.seed.model(owner.id, { status: 'DRAFT' });
    await bed.inRollback(async (manager) => {
      await manager.query(`UPDATE catalog.style_model SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
        modelId,
      ]);
      await manager.query(
        `INSERT INTO catalog.model_version (id, model_id, name, access, status, created_at, updated_at, published_at)
         VALUES ($1, $2, 'v1', 'LICENSED', 'PUBLISHED', now(), now(), now())`,
        [randomUUID(), modelId],
      );
      expect((await documents.build([modelId], manager)).map((d) => d.id)).toEqual([modelId]);
      expect(await documents.build([modelId])).toEqual([]); // not committed: another connection sees the draft
    });
  });

  it('pages published ids in ascending order, after a cursor', async () => {
    const owner = await bed.seed.user();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const id = await bed.seed.model(owner.id);
      await version(id, {});
      ids.push(id);
    }
    const draft = await bed.seed.model(owner.id, { status: 'DRAFT' });
    const all: string[] = [];
    for (let after: string | null = null; ;) {
      const page: string[] = await documents.publishedIds(after, 2);
      all.push(...page);
      if (page.length < 2) break;
      after = page[page.length - 1]!;
    }
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining(ids));
    expect(all).not.toContain(draft);
    expect(new Set(all).size).toBe(all.length);
  });

  it('lists the models liked or licensed within the trending window (a day’s margin), never a template', async () => {
    const { modelId: recent } = await richModel(); // licensed and liked within the window
    const owner = await bed.seed.user();
    const old = await bed.seed.model(owner.id);
    const oldVersion = await version(old, {});
    await grant(
      { modelId: old, versionId: oldVersion, offerId: await offer(oldVersion, { tier: 'PERSONAL', amount: 1 }) },
      9,
    );
    const liked = await bed.seed.model(owner.id);
    await version(liked, {});
    const fan = await bed.seed.user();
    await q(
      `INSERT INTO community."like" (user_id, subject_kind, subject_id, created_at) VALUES ($1, 'MODEL', $2, now())`,
      [fan.id, liked],
    );
    const edge = await bed.seed.model(owner.id);
    const edgeVersion = await version(edge, {});
    // Past the 7-day window but within its day of margin: its last decay step is written too.
    await grant(
      { modelId: edge, versionId: edgeVersion, offerId: await offer(edgeVersion, { tier: 'PERSONAL', amount: 1 }) },
      7.5,
    );
    const licensed = await documents.recentlyActiveIds();
    expect(licensed).toEqual(expect.arrayContaining([recent, edge, liked]));
    expect(licensed).not.toContain(old);
    expect(new Set(licensed).size).toBe(licensed.length);
  });
});
