import { Clock, Transactions } from '@lookbook/core';
import { ConflictError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { ModelFileEntity } from '../files/model-file.entity';
import type { ModelStatus } from '../models/model-status';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import { CatalogPolicies } from '../policies/catalog-policies';
import type { VersionFacts } from '../policies/version-facts';
import type { ModelVersionEntity } from './model-version.entity';
import { ModelVersionRepository } from './model-version.repository';
import { ModelVersionService } from './model-version.service';
import { VersionFactsService } from './version-facts.service';
import { VersionPublisher } from './version-publisher.service';

const now = new Date('2026-06-01T09:00:00.000Z');
const owner = anActor('00000000-0000-4000-8000-000000000001');
const model = { id: 'm1', ownerId: owner.userId, status: 'DRAFT' } as StyleModelEntity;
const version = { id: 'v1', modelId: 'm1', status: 'DRAFT' } as ModelVersionEntity;
const file = (change: Partial<ModelFileEntity> = {}) =>
  ({ role: 'MODEL', scanStatus: 'READY', ...change }) as ModelFileEntity;
const facts = { versionId: 'v1', modelId: 'm1', fileSha256s: ['ab'], declaredParents: [] } as unknown as VersionFacts;

function setUp(
  state: {
    modelStatus?: ModelStatus;
    files?: ModelFileEntity[];
    samples?: number;
    versionStatus?: 'DRAFT' | 'PUBLISHED';
  } = {},
) {
  const { sut, mock } = newTestService(VersionPublisher, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  const lockedModel = { ...model, status: state.modelStatus ?? 'DRAFT' };
  mock(ModelVersionService).ownedDraft.mockResolvedValue({ version, model });
  mock(StyleModelRepository).forUpdate.mockResolvedValue(lockedModel);
  mock(StyleModelRepository).update.mockResolvedValue(undefined);
  mock(VersionFactsService).locked.mockResolvedValue({
    version: { ...version, status: state.versionStatus ?? 'DRAFT' },
    facts,
    files: state.files ?? [file()],
    sampleCount: state.samples ?? 1,
  });
  mock(CatalogPolicies).assertPublishable.mockResolvedValue(undefined);
  mock(ModelVersionRepository).update.mockResolvedValue(undefined);
  return { sut, mock };
}

describe('publishing a version', () => {
  it('publishes the version and, with its first version, the model — in one transaction', async () => {
    const { sut, mock } = setUp();
    const published = await sut.publish(owner, 'v1');
    expect(published.version).toMatchObject({ status: 'PUBLISHED', publishedAt: now });
    expect(published.model).toMatchObject({ status: 'PUBLISHED', publishedAt: now });
    expect(mock(ModelVersionRepository).update).toHaveBeenCalledWith(
      'v1',
      expect.objectContaining({ status: 'PUBLISHED' }),
      TEST_MANAGER,
    );
    expect(mock(StyleModelRepository).update).toHaveBeenCalledWith(
      'm1',
      expect.objectContaining({ status: 'PUBLISHED' }),
      TEST_MANAGER,
    );
    expect(mock(CatalogPolicies).assertPublishable).toHaveBeenCalledWith(TEST_MANAGER, {
      ...facts,
      modelStatus: 'DRAFT',
    });
  });

  it.each(['PUBLISHED', 'UNPUBLISHED'] as const)(
    'leaves a %s model’s status alone (a later version)',
    async (status) => {
      const { sut, mock } = setUp({ modelStatus: status });
      await expect(sut.publish(owner, 'v1')).resolves.toMatchObject({ model: { status } });
      expect(mock(StyleModelRepository).update).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['no MODEL file', { files: [file({ role: 'VAE' })] }, 'PUBLISH_NEEDS_READY_FILES'],
    ['no file at all', { files: [] }, 'PUBLISH_NEEDS_READY_FILES'],
    [
      'a file still being checked',
      { files: [file(), file({ role: 'VAE', scanStatus: 'PENDING' })] },
      'PUBLISH_NEEDS_READY_FILES',
    ],
    ['a rejected file', { files: [file({ scanStatus: 'REJECTED' })] }, 'PUBLISH_NEEDS_READY_FILES'],
    ['no sample image', { samples: 0 }, 'PUBLISH_NEEDS_SAMPLE_IMAGE'],
    ['a version published meanwhile', { versionStatus: 'PUBLISHED' as const }, 'VERSION_PUBLISHED'],
    ['a model taken down', { modelStatus: 'TAKEN_DOWN' as const }, 'INVALID_STATUS_TRANSITION'],
  ])('refuses with %s, writing nothing', async (_, state, code) => {
    const { sut, mock } = setUp(state);
    await expect(sut.publish(owner, 'v1')).rejects.toMatchObject({ code });
    expect(mock(ModelVersionRepository).update).not.toHaveBeenCalled();
    expect(mock(StyleModelRepository).update).not.toHaveBeenCalled();
  });

  it('refuses when a policy installed from above refuses (licensing: no valid offer)', async () => {
    const { sut, mock } = setUp();
    mock(CatalogPolicies).assertPublishable.mockRejectedValue(new ConflictError('PUBLISH_NEEDS_OFFER', 'no offer'));
    await expect(sut.publish(owner, 'v1')).rejects.toMatchObject({ code: 'PUBLISH_NEEDS_OFFER' });
    expect(mock(ModelVersionRepository).update).not.toHaveBeenCalled();
  });
});

describe('catalog policies fail closed', () => {
  it('publishes nothing until a publish policy is installed', async () => {
    const policies = new CatalogPolicies();
    await expect(policies.assertPublishable(TEST_MANAGER, facts)).rejects.toMatchObject({
      code: 'PUBLISHING_UNAVAILABLE',
    });
    policies.install({ publish: { assertPublishable: () => Promise.resolve() } });
    await expect(policies.assertPublishable(TEST_MANAGER, facts)).resolves.toBeUndefined();
  });

  it('lets nobody but owners download licensed files until a download policy is installed', async () => {
    const policies = new CatalogPolicies();
    const resource = { modelId: 'm1', versionId: 'v1', fileSha256: 'ab' };
    await expect(policies.canDownload(owner, resource)).resolves.toBe(false);
    policies.install({ downloadAccess: { canDownload: () => Promise.resolve(true) } });
    await expect(policies.canDownload(owner, resource)).resolves.toBe(true);
  });
});
