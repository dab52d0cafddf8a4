import { newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { BaseModelEntity } from '../base-models/base-model.entity';
import { BaseModelRepository } from '../base-models/base-model.repository';
import type { ModelFileEntity } from '../files/model-file.entity';
import { ModelFileRepository } from '../files/model-file.repository';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import { SampleImageRepository } from '../samples/sample-image.repository';
import type { ModelVersionEntity } from './model-version.entity';
import { ModelVersionRepository } from './model-version.repository';
import { VersionFactsService } from './version-facts.service';

const version = { id: 'v1', modelId: 'm1', name: 'v1.0', status: 'PUBLISHED' } as ModelVersionEntity;
const model = {
  id: 'm1',
  name: 'Ink Wash',
  status: 'PUBLISHED',
  ownerId: 'ada',
  baseModelId: 'sdxl-1.0',
} as StyleModelEntity;
const file = (sha256: string | null, scanStatus: ModelFileEntity['scanStatus'] = 'READY') =>
  ({ id: `f-${sha256}`, sha256, scanStatus }) as ModelFileEntity;
const parents = [{ versionId: 'p1', relation: 'MERGE', ownerId: 'someone' }];

interface Found {
  found?: ModelVersionEntity | null;
  owner?: StyleModelEntity | null;
  base?: BaseModelEntity | null;
  files?: ModelFileEntity[];
}

function setUp({
  found = version,
  owner = model,
  base = { id: 'sdxl-1.0', nonCommercial: false } as BaseModelEntity,
  files = [],
}: Found = {}) {
  const { sut, mock } = newTestService(VersionFactsService);
  const versions = mock(ModelVersionRepository);
  versions.forUpdate.mockResolvedValue(found);
  versions.parentFacts.mockResolvedValue(parents);
  const models = mock(StyleModelRepository);
  models.byId.mockResolvedValue(owner);
  const modelFiles = mock(ModelFileRepository);
  modelFiles.ofVersion.mockResolvedValue(files);
  mock(BaseModelRepository).byId.mockResolvedValue(base);
  const samples = mock(SampleImageRepository);
  samples.countForVersion.mockResolvedValue(4);
  return { sut, versions, models, modelFiles, samples };
}

describe('a version’s facts under its row lock', () => {
  it('locks the version and reads its model, files, parents and samples in the caller’s transaction', async () => {
    const { sut, versions, models, modelFiles, samples } = setUp({ files: [file('bb'), file('aa')] });
    const locked = await sut.locked(TEST_MANAGER, 'v1');
    expect(versions.forUpdate).toHaveBeenCalledWith(TEST_MANAGER, 'v1');
    expect(models.byId).toHaveBeenCalledWith('m1', TEST_MANAGER);
    expect(modelFiles.ofVersion).toHaveBeenCalledWith('v1', TEST_MANAGER);
    expect(versions.parentFacts).toHaveBeenCalledWith(TEST_MANAGER, 'v1');
    expect(samples.countForVersion).toHaveBeenCalledWith('v1', TEST_MANAGER);
    expect(locked).toEqual({
      version,
      files: [file('bb'), file('aa')],
      sampleCount: 4,
      facts: {
        versionId: 'v1',
        versionName: 'v1.0',
        versionStatus: 'PUBLISHED',
        modelId: 'm1',
        modelName: 'Ink Wash',
        modelStatus: 'PUBLISHED',
        ownerId: 'ada',
        baseModelId: 'sdxl-1.0',
        baseModelNonCommercial: false,
        fileSha256s: ['aa', 'bb'],
        declaredParents: parents,
      },
    });
  });

  it('lists only the hashes of READY files, sorted: what a licence covers', async () => {
    const { sut } = setUp({
      files: [file('cc'), file('dd', 'PENDING'), file('aa'), file(null), file('ee', 'REJECTED'), file('bb')],
    });
    const locked = await sut.locked(TEST_MANAGER, 'v1');
    expect(locked!.facts.fileSha256s).toEqual(['aa', 'bb', 'cc']);
    expect(locked!.files).toHaveLength(6);
  });

  it('covers no bytes when no file is ready', async () => {
    const { sut } = setUp({ files: [file('aa', 'PENDING')] });
    expect((await sut.locked(TEST_MANAGER, 'v1'))!.facts.fileSha256s).toEqual([]);
  });

  it('is null for a missing version, and reads nothing more', async () => {
    const { sut, models, modelFiles } = setUp({ found: null });
    await expect(sut.locked(TEST_MANAGER, 'nope')).resolves.toBeNull();
    expect(models.byId).not.toHaveBeenCalled();
    expect(modelFiles.ofVersion).not.toHaveBeenCalled();
  });

  it('is null for a version whose model is gone', async () => {
    const { sut, modelFiles } = setUp({ owner: null });
    await expect(sut.locked(TEST_MANAGER, 'v1')).resolves.toBeNull();
    expect(modelFiles.ofVersion).not.toHaveBeenCalled();
  });
});

describe('a version’s summary', () => {
  it.each<[string, BaseModelEntity | null, boolean]>([
    ['a commercial base model', { nonCommercial: false } as BaseModelEntity, false],
    ['a non-commercial base model', { nonCommercial: true } as BaseModelEntity, true],
    ['an unknown base model (treated as commercial)', null, false],
  ])('carries whether %s forbids commercial use', async (_name, base, nonCommercial) => {
    const { sut } = setUp({ base });
    const summary = await sut.summarize({ version, model });
    expect(summary.baseModelNonCommercial).toBe(nonCommercial);
    expect(summary).toMatchObject({ versionId: 'v1', modelId: 'm1', ownerId: 'ada', baseModelId: 'sdxl-1.0' });
  });
});
