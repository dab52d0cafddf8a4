import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { IntellectualPropertyEntity } from '../ips/ip.entity';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './template.entity';
import { TemplateRepository } from './template.repository';

describe('TemplateRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let templates: TemplateRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([
      IntellectualPropertyEntity,
      TemplateEntity,
      TemplateVersionEntity,
      TemplateImageEntity,
    ]);
    templates = new TemplateRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  async function draft(ownerId?: string, change: Partial<TemplateEntity> = {}): Promise<string> {
    const id = randomUUID();
    const at = new Date();
    await templates.insert({
      id,
      ownerId: ownerId ?? (await bed.seed.user()).id,
      slug: `t-${id.slice(0, 8)}`,
      name: 'Harbour Cat rig',
      description: '',
      tags: [],
      maturity: 'SFW',
      status: 'DRAFT',
      terms: null,
      ipId: null,
      createdAt: at,
      updatedAt: at,
      ...change,
    });
    return id;
  }
  const version = (templateId: string, subgraphSha256s: string[] | null): TemplateVersionEntity => ({
    id: randomUUID(),
    templateId,
    label: 'v1',
    status: 'DRAFT',
    uiWorkflow: null,
    apiPrompt: JSON.stringify({ '1': { class_type: 'KSampler', inputs: {} } }),
    slots: [],
    lockfile: { nodes: [], models: [] },
    warnings: [],
    sourceSha256: 'f'.repeat(64),
    subgraphSha256s,
    createdAt: new Date(),
    publishedAt: null,
  });

  it('stores the hashes of an import and copies them with a remix', async () => {
    const hashes = ['a'.repeat(64), 'b'.repeat(64)];
    const source = version(await draft(), hashes);
    await bed.dataSource.transaction((tx) => templates.insertVersion(tx, source));
    expect((await templates.versionById(source.id))!.subgraphSha256s).toEqual(hashes);
    const remix = await draft();
    const copyId = randomUUID();
    await bed.dataSource.transaction((tx) =>
      templates.copyVersion(tx, source.id, { id: copyId, templateId: remix, at: new Date() }),
    );
    expect((await templates.versionById(copyId))!.subgraphSha256s).toEqual(hashes);
  });

  it('lists versions never hashed, and hashes them once', async () => {
    const old = version(await draft(), null);
    await bed.dataSource.transaction((tx) => templates.insertVersion(tx, old));
    expect((await templates.unhashedVersions(100)).map((v) => v.id)).toContain(old.id);
    await templates.setSubgraphHashes(old.id, []);
    expect((await templates.unhashedVersions(100)).map((v) => v.id)).not.toContain(old.id);
    expect((await templates.versionById(old.id))!.subgraphSha256s).toEqual([]);
  });

  const image = (versionId: string, key: string, at: Date): TemplateImageEntity => ({
    id: randomUUID(),
    versionId,
    contentType: 'image/png',
    width: 64,
    height: 48,
    byteSize: 2048,
    storageKey: `templates/${key}.png`,
    thumbnails: [{ width: 32, height: 24, key: `templates/${key}-thumb.webp` }],
    placeholder: null,
    createdAt: at,
  });
  /** A template with a published version holding `images` (oldest first), and a newer draft. */
  async function published(ownerId?: string, images: string[] = []): Promise<{ id: string; version: string }> {
    const id = await draft(ownerId);
    const first = version(id, []);
    await bed.dataSource.transaction(async (tx) => {
      await templates.insertVersion(tx, first);
      await templates.insertImages(
        tx,
        images.map((key, i) => image(first.id, key, new Date(Date.UTC(2026, 0, 1, 0, 0, i)))),
      );
      await templates.publish(tx, id, first.id, new Date());
    });
    return { id, version: first.id };
  }

  it('keeps a seed beyond 2^53 exactly, and a published version is fixed', async () => {
    const id = await draft();
    const v = version(id, []);
    const seed = 2n ** 64n + 1n;
    await bed.dataSource.transaction(async (tx) => {
      await templates.insertVersion(tx, v);
      await templates.setSlots(tx, v.id, [
        { key: 'seed', nodeId: '1', widget: 'seed', label: 'Seed', type: 'SEED', default: seed },
        { key: 'steps', nodeId: '1', widget: 'steps', label: 'Steps', type: 'INTEGER', default: 20 },
      ]);
    });
    expect((await templates.versionById(v.id))!.slots.map((s) => s.default)).toEqual([seed, 20]);
    await bed.dataSource.transaction((tx) => templates.publish(tx, id, v.id, new Date()));
    expect(await templates.byId(id)).toMatchObject({ status: 'PUBLISHED' });
    await expect(bed.dataSource.transaction((tx) => templates.setSlots(tx, v.id, []))).rejects.toThrow(/fixed/);
  });

  it('reads versions by id for a page, in one statement, unknown ids absent', async () => {
    const id = await draft();
    const [a, b] = [version(id, ['a'.repeat(64)]), { ...version(id, null), label: 'v2' }];
    await bed.dataSource.transaction(async (tx) => {
      await templates.insertVersion(tx, a);
      await templates.insertVersion(tx, b);
    });
    const found = await templates.versionsByIds([b.id, randomUUID(), a.id]);
    expect(new Map(found.map((v) => [v.id, v.subgraphSha256s]))).toEqual(
      new Map([
        [a.id, ['a'.repeat(64)]],
        [b.id, null],
      ]),
    );
    expect(await templates.versionsByIds([])).toEqual([]);
  });

  it('shows a viewer published templates, their own, and those in an IP they own', async () => {
    const [owner, ipOwner, stranger] = [
      (await bed.seed.user()).id,
      (await bed.seed.user()).id,
      (await bed.seed.user()).id,
    ];
    const ipId = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.intellectual_property (id, owner_id, name, kind, created_at)
       VALUES ($1, $2, 'Harbour Cats', 'FRANCHISE', now())`,
      [ipId, ipOwner],
    );
    const pub = (await published(owner)).id;
    const mine = await draft(owner);
    const inIp = await draft(owner, { ipId });
    const ids = [pub, mine, inIp, randomUUID()];
    const seen = async (viewer: string | null) => new Set((await templates.visibleTo(ids, viewer)).map((t) => t.id));
    expect(await seen(owner)).toEqual(new Set([pub, mine, inIp]));
    expect(await seen(ipOwner)).toEqual(new Set([pub, inIp]));
    expect(await seen(stranger)).toEqual(new Set([pub]));
    expect(await seen(null)).toEqual(new Set([pub]));
    // The lineage view's check: published or their own (the IP owner reaches drafts through the queue).
    expect(await templates.visibleIds(ids, ipOwner)).toEqual(new Set([pub]));
    expect(await templates.visibleIds(ids, owner)).toEqual(new Set([pub, mine, inIp]));
    expect(await templates.visibleTo([], owner)).toEqual([]);
  });

  it('reads each template’s cover (the newest published version’s first image) and each version’s images', async () => {
    const withImages = await published(undefined, ['first', 'second']);
    const without = await published();
    const unpublished = await draft();
    const covers = await templates.coversOf([withImages.id, without.id, unpublished]);
    expect([...covers.keys()]).toEqual([withImages.id]);
    expect(covers.get(withImages.id)).toMatchObject({ storageKey: 'templates/first.png', byteSize: 2048 });
    const images = await templates.imagesOf([without.version, withImages.version]);
    expect(images.map((i) => i.storageKey)).toEqual(['templates/first.png', 'templates/second.png']);
    // A remix's draft shares its parent's images (the same public keys).
    const remix = await draft();
    const copyId = randomUUID();
    await bed.dataSource.transaction((tx) =>
      templates.copyVersion(tx, withImages.version, { id: copyId, templateId: remix, at: new Date() }),
    );
    expect((await templates.imagesOf([copyId])).map((i) => i.storageKey)).toEqual([
      'templates/first.png',
      'templates/second.png',
    ]);
    // Keys any image or thumbnail names are kept; the others may go.
    expect(
      await templates.unreferencedMediaKeys([
        'templates/first.png',
        'templates/second-thumb.webp',
        'templates/gone.png',
      ]),
    ).toEqual(['templates/gone.png']);
  });

  it('lists an owner’s templates newest first, with their owners and slugs', async () => {
    const owner = (await bed.seed.user()).id;
    const older = await draft(owner, { createdAt: new Date('2026-01-01T00:00:00Z') });
    const newer = await draft(owner, { createdAt: new Date('2026-02-01T00:00:00Z') });
    expect((await templates.ownedBy(owner)).map((t) => t.id)).toEqual([newer, older]);
    expect(await templates.owners([older, randomUUID()])).toEqual(new Map([[older, owner]]));
    const slug = (await templates.byId(older))!.slug;
    expect(await templates.slugTaken(slug)).toBe(true);
    expect(await templates.slugTaken(`${slug}-free`)).toBe(false);
  });
});
