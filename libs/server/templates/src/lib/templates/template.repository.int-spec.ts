import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { IntellectualPropertyEntity } from '../ips/ip.entity';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './template.entity';
import { TemplateRepository } from './template.repository';

describe('TemplateRepository (PostgreSQL): subgraph hashes', () => {
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

  async function draft(): Promise<string> {
    const id = randomUUID();
    const at = new Date();
    await templates.insert({
      id,
      ownerId: (await bed.seed.user()).id,
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
});
