import { randomBytes, randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { TemplateDocumentRepository } from './template-document.repository';

const DAY = 86_400_000;

interface Dependency {
  name: string;
  sha256: string | null;
  unused?: boolean;
}

/**
 * Workflow template documents built from the real, migrated templates, catalog, identity and licensing tables
 * (seeded with plain SQL, as those domains store them): a column renamed or retyped by another domain's migration
 * fails this spec (docs/decisions/0005-search-reads-foreign-tables.md).
 */
describe('TemplateDocumentRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let documents: TemplateDocumentRepository;
  let slug = 0;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    documents = new TemplateDocumentRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const q = (sql: string, params: unknown[] = []) => bed.dataSource.query(sql, params);

  /** A catalog model with one published version and one READY file (named `fileName`), as a dependency. */
  async function catalogModel(name: string, baseModel: string, change: { status?: string; fileName?: string } = {}) {
    const owner = await bed.seed.user();
    const modelId = await bed.seed.model(owner.id, { name });
    await q(`UPDATE catalog.style_model SET base_model_id = $2 WHERE id = $1`, [modelId, baseModel]);
    const versionId = await bed.seed.version(modelId);
    const file = await bed.seed.file(versionId);
    if (change.fileName)
      await q(`UPDATE catalog.model_file SET file_name = $2 WHERE id = $1`, [file.id, change.fileName]);
    if (change.status) await q(`UPDATE catalog.style_model SET status = $2 WHERE id = $1`, [modelId, change.status]);
    return { modelId, sha256: file.sha256 };
  }

  async function template(
    ownerId: string,
    change: { status?: string; name?: string; tags?: string[]; maturity?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    slug += 1;
    await q(
      `INSERT INTO templates.template (id, owner_id, slug, name, description, tags, maturity, status, created_at,
         updated_at)
       VALUES ($1, $2, $3, $4, 'A graph that inks.', $5, $6, $7, now(), now())`,
      [
        id,
        ownerId,
        `workflow-${slug}-${id.slice(0, 6)}`,
        change.name ?? 'Ink Wash Workflow',
        change.tags ?? ['ink'],
        change.maturity ?? 'SFW',
        change.status ?? 'PUBLISHED',
      ],
    );
    return id;
  }

  async function version(templateId: string, publishedAt: Date | null, models: Dependency[] = []): Promise<string> {
    const id = randomUUID();
    const lockfile = {
      nodes: [],
      models: models.map((m, i) => ({
        slot: `${i + 1}.ckpt_name`,
        kind: 'checkpoint',
        folder: 'checkpoints',
        name: m.name,
        sha256: m.sha256,
        url: null,
        unused: m.unused ?? false,
      })),
    };
    await q(
      `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, slots, lockfile, warnings,
         source_sha256, created_at, published_at)
       VALUES ($1, $2, $3, $4, '{"1": {"class_type": "CheckpointLoaderSimple", "inputs": {}}}', '[]', $5, '[]', $6,
         now(), $7)`,
      [
        id,
        templateId,
        `v-${id.slice(0, 6)}`,
        publishedAt ? 'PUBLISHED' : 'DRAFT',
        JSON.stringify(lockfile),
        randomBytes(32).toString('hex'),
        publishedAt,
      ],
    );
    return id;
  }

  async function offer(versionId: string, tier: string, amount: number, currency = 'USD'): Promise<string> {
    const id = randomUUID();
    await q(
      `INSERT INTO licensing.offer (id, subject_kind, version_id, tier, revision, price_amount, price_currency,
         permissions, terms_text, terms_sha256, created_at)
       VALUES ($1, 'TEMPLATE', $2, $3, 1, $4, $5, $6, 'terms', $7, now())`,
      [
        id,
        versionId,
        tier,
        amount,
        currency,
        JSON.stringify({ commercialUse: 'SELL_GENERATED_IMAGES', derivativesAllowed: true, creditRequired: true }),
        'c'.repeat(64),
      ],
    );
    return id;
  }

  async function grant(
    kind: 'MODEL' | 'TEMPLATE',
    subjectId: string,
    versionId: string,
    offerId: string,
    daysAgo: number,
  ) {
    const licensee = await bed.seed.user();
    await q(
      `INSERT INTO licensing.grant (id, subject_kind, licensee_id, subject_id, version_id, resource_urn, resource_name,
         offer_id, offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount,
         price_currency, source, issued_at, key_id, certificate)
       VALUES ($1, $2, $3, $4, $5, 'urn:test', 'Test', $6, 1, 'COMMERCIAL', '{}', 'terms', $7, ARRAY[$7], 0, 'USD',
         'GIFT', $8, 'k', 'c')`,
      [
        randomUUID(),
        kind,
        licensee.id,
        subjectId,
        versionId,
        offerId,
        'd'.repeat(64),
        new Date(Date.now() - daysAgo * DAY),
      ],
    );
  }

  it('builds a published template’s document: its newest version’s offers, its resolved dependencies', async () => {
    const ink = await catalogModel('Ink Dep', 'sdxl-1.0');
    await catalogModel('Name Dep', 'sdxl-1.0', { fileName: 'Name_Dep.safetensors' });
    const flux = await catalogModel('Flux Dep', 'flux.1-d');
    const hidden = await catalogModel('Hidden Dep', 'flux.1-d', { status: 'UNPUBLISHED' });
    const unused = await catalogModel('Unused Dep', 'flux.1-d');
    const owner = await bed.seed.user();
    const templateId = await template(owner.id, { name: 'Sumi Flow', tags: ['ink', 'sumi'], maturity: 'SUGGESTIVE' });
    const first = new Date('2026-02-01T09:00:00.000Z');
    const older = await version(templateId, first, [{ name: 'flux.safetensors', sha256: flux.sha256 }]);
    const newer = await version(templateId, new Date('2026-05-01T09:00:00.000Z'), [
      { name: 'ink.safetensors', sha256: ink.sha256 },
      // No hash: found by its file name (any case, without its folder).
      { name: 'loras\\name_dep.SAFETENSORS', sha256: null },
      { name: 'flux.safetensors', sha256: flux.sha256 },
      { name: 'hidden.safetensors', sha256: hidden.sha256 }, // its model is not published
      { name: 'unused.safetensors', sha256: unused.sha256, unused: true }, // not loaded by the graph
      { name: 'unknown.safetensors', sha256: 'e'.repeat(64) },
    ]);
    await version(templateId, null, [{ name: 'draft.safetensors', sha256: unused.sha256 }]);
    const commercial = await offer(newer, 'COMMERCIAL', 1500);
    await offer(newer, 'PERSONAL', 2000, 'JPY'); // ¥2,000 is about $13: the cheapest, though its amount is larger
    await offer(older, 'FREE', 0); // an older version's offer
    await grant('TEMPLATE', templateId, newer, commercial, 0);
    // A template's downloads, likes and ratings are its community counters, summed over shards.
    await bed.dataSource.query(
      `INSERT INTO community.counter (subject_kind, subject_id, metric, shard, value)
       VALUES ('TEMPLATE', $1, 'DOWNLOADS', 1, 4), ('TEMPLATE', $1, 'DOWNLOADS', 6, 2), ('TEMPLATE', $1, 'LIKES', 3, 5),
              ('TEMPLATE', $1, 'RATING_SUM', 0, 14), ('TEMPLATE', $1, 'RATING_COUNT', 0, 3),
              ('MODEL', $1, 'LIKES', 0, 50)`,
      [templateId],
    );

    const [document] = await documents.build([templateId]);
    expect(document).toEqual({
      kind: 'TEMPLATE',
      id: templateId,
      name: 'Sumi Flow',
      slug: expect.stringMatching(/^workflow-/),
      description: 'A graph that inks.',
      ownerId: owner.id,
      ownerHandle: owner.handle,
      ownerName: expect.stringMatching(/^User \d+$/),
      type: null,
      // The base model most resolved dependencies use.
      baseModelId: 'sdxl-1.0',
      baseModelName: 'SDXL 1.0',
      tags: ['ink', 'sumi'],
      // The resolved dependencies' names: a search for a model finds the workflows that load it.
      triggerWords: ['Flux Dep', 'Ink Dep', 'Name Dep'],
      hashes: [],
      maturity: 'SUGGESTIVE',
      tiers: ['COMMERCIAL', 'PERSONAL'],
      free: false,
      minPrice: { tier: 'PERSONAL', amount: 2000, currency: 'JPY' },
      commercialUse: true,
      derivativesAllowed: true,
      creditRequired: true,
      // When it was first published.
      publishedAt: first,
      downloads: 6,
      // One grant today: weight 3.
      trending: expect.closeTo(3, 2),
      likes: 5,
      ratingSum: 14,
      ratingCount: 3,
    });
  });

  it('has no base model and no extra words when no dependency resolves', async () => {
    const owner = await bed.seed.user();
    const templateId = await template(owner.id);
    await version(templateId, new Date(), [{ name: 'nowhere.safetensors', sha256: null }]);
    expect(await documents.build([templateId])).toEqual([
      expect.objectContaining({
        baseModelId: null,
        baseModelName: null,
        triggerWords: [],
        tiers: [],
        free: false,
        minPrice: null,
        trending: 0,
      }),
    ]);
  });

  it('yields no document for a template that is not published, or has no published version', async () => {
    const owner = await bed.seed.user();
    const published = await template(owner.id);
    await version(published, new Date());
    const others = [];
    for (const status of ['DRAFT', 'UNPUBLISHED', 'TAKEN_DOWN']) {
      const id = await template(owner.id, { status });
      await version(id, status === 'DRAFT' ? null : new Date());
      others.push(id);
    }
    const noPublishedVersion = await template(owner.id);
    await version(noPublishedVersion, null);
    const built = await documents.build([published, ...others, noPublishedVersion, randomUUID()]);
    expect(built.map((d) => d.id)).toEqual([published]);
    expect(await documents.build([])).toEqual([]);
  });

  it('pages published ids in ascending order, after a cursor', async () => {
    const owner = await bed.seed.user();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await template(owner.id);
      await version(id, new Date());
      ids.push(id);
    }
    const draft = await template(owner.id, { status: 'DRAFT' });
    const first = await documents.publishedIds(null, 1000);
    expect(first).toEqual([...first].sort());
    expect(first).toEqual(expect.arrayContaining(ids));
    expect(first).not.toContain(draft);
    const after = await documents.publishedIds(first[0]!, 2);
    expect(after).toEqual(first.slice(1, 3));
  });

  it('lists the templates licensed within the trending window, never a model', async () => {
    const owner = await bed.seed.user();
    const recent = await template(owner.id);
    const recentVersion = await version(recent, new Date());
    await grant('TEMPLATE', recent, recentVersion, await offer(recentVersion, 'COMMERCIAL', 100), 3);
    const old = await template(owner.id);
    const oldVersion = await version(old, new Date());
    await grant('TEMPLATE', old, oldVersion, await offer(oldVersion, 'COMMERCIAL', 100), 60);
    const model = await catalogModel('Licensed Model', 'sdxl-1.0');
    const [modelVersion] = await q(`SELECT id FROM catalog.model_version WHERE model_id = $1`, [model.modelId]);
    const modelOffer = randomUUID();
    await q(
      `INSERT INTO licensing.offer (id, version_id, tier, revision, price_amount, price_currency, permissions,
         terms_text, terms_sha256, created_at) VALUES ($1, $2, 'PERSONAL', 1, 100, 'USD', '{}', 't', $3, now())`,
      [modelOffer, (modelVersion as { id: string }).id, 'f'.repeat(64)],
    );
    await grant('MODEL', model.modelId, (modelVersion as { id: string }).id, modelOffer, 1);
    const licensed = await documents.recentlyActiveIds();
    expect(licensed).toContain(recent);
    expect(licensed).not.toContain(old);
    expect(licensed).not.toContain(model.modelId);
  });
});
