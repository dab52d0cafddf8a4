import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { StyleModelEntity } from '../models/style-model.entity';
import { ModelVersionEntity, VersionParentEntity } from './model-version.entity';
import { ModelVersionRepository } from './model-version.repository';

describe('ModelVersionRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let versions: ModelVersionRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([ModelVersionEntity, VersionParentEntity, StyleModelEntity]);
    versions = new ModelVersionRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const version = (modelId: string, name: string): ModelVersionEntity => ({
    id: randomUUID(),
    modelId,
    name,
    changelog: '',
    triggerWords: ['inkwash'],
    recommendedSettings: { steps: 30 },
    access: 'LICENSED',
    status: 'DRAFT',
    downloadCount: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
    publishedAt: null,
  });

  it('keeps version names unique per model as VERSION_NAME_TAKEN, storing no half of it', async () => {
    const owner = (await bed.seed.user()).id;
    const modelId = await bed.seed.model(owner);
    const parent = (await bed.seed.publishedVersion()).versionId;
    const v1 = version(modelId, 'v1');
    await versions.insert(v1, [{ versionId: v1.id, parentVersionId: parent, relation: 'FINETUNE' }]);
    const clash = version(modelId, 'v1');
    await expect(versions.insert(clash, [])).rejects.toMatchObject({ code: 'VERSION_NAME_TAKEN' });
    expect(await versions.byId(clash.id)).toBeNull();
    expect(await versions.parentsOf([v1.id])).toEqual([expect.objectContaining({ parentVersionId: parent })]);
  });

  it('reads a version’s parents with the owner of each parent’s model', async () => {
    const parent = await bed.seed.publishedVersion();
    const modelId = await bed.seed.model((await bed.seed.user()).id);
    const child = version(modelId, 'merge');
    await versions.insert(child, [{ versionId: child.id, parentVersionId: parent.versionId, relation: 'MERGE' }]);
    expect(await bed.dataSource.transaction((m) => versions.parentFacts(m, child.id))).toEqual([
      { versionId: parent.versionId, relation: 'MERGE', ownerId: parent.ownerId },
    ]);
    expect(await versions.parentCandidates([parent.versionId])).toEqual([
      { id: parent.versionId, modelId: parent.modelId, status: 'PUBLISHED', modelStatus: 'PUBLISHED' },
    ]);
  });

  it('reads versions with their models, newest first per model, published only when asked', async () => {
    const { modelId, versionId } = await bed.seed.publishedVersion();
    const draft = await bed.seed.version(modelId, { status: 'DRAFT' });
    expect((await versions.ofModels([modelId], true)).map((v) => v.id)).toEqual([versionId]);
    expect((await versions.ofModels([modelId], false)).map((v) => v.id)).toEqual([draft, versionId]);
    const pairs = await versions.withModels([versionId, randomUUID()]);
    expect(pairs).toEqual([
      { version: expect.objectContaining({ id: versionId }), model: expect.objectContaining({ id: modelId }) },
    ]);
  });

  it('counts downloads atomically under concurrency', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    await Promise.all(Array.from({ length: 10 }, () => versions.incrementDownloads(versionId)));
    expect((await versions.byId(versionId))!.downloadCount).toBe(10);
  });
});
