import type { VersionFacts } from '@lookbook/catalog';
import { CatalogFacade } from '@lookbook/catalog';
import { anActor, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { modelSubject, ModelSubjects } from './model-subjects';
import { isListed } from './subject';

const facts = (change: Partial<VersionFacts> = {}): VersionFacts => ({
  versionId: 'v1',
  versionName: 'v1.0',
  versionStatus: 'PUBLISHED',
  modelId: 'ink',
  modelName: 'Ink Wash',
  modelStatus: 'PUBLISHED',
  ownerId: 'ada',
  baseModelId: 'sdxl-1.0',
  baseModelNonCommercial: false,
  fileSha256s: ['a'.repeat(64), 'b'.repeat(64)],
  declaredParents: [],
  ...change,
});
const actor = anActor('ada');

describe('a catalog version as a licensing subject', () => {
  it('names the model as the subject, the version by its name, and keeps the bytes it covers', () => {
    expect(modelSubject(facts())).toEqual({
      kind: 'MODEL',
      subjectId: 'ink',
      versionId: 'v1',
      name: 'Ink Wash',
      versionLabel: 'v1.0',
      status: 'PUBLISHED',
      versionStatus: 'PUBLISHED',
      ownerId: 'ada',
      contentSha256s: ['a'.repeat(64), 'b'.repeat(64)],
      parents: [],
      baseModel: { id: 'sdxl-1.0', nonCommercial: false },
    });
  });

  it.each([
    [
      { baseModelId: 'flux.1-d', baseModelNonCommercial: true },
      { id: 'flux.1-d', nonCommercial: true },
    ],
    [
      { baseModelId: 'sd-1.5', baseModelNonCommercial: false },
      { id: 'sd-1.5', nonCommercial: false },
    ],
  ])('keeps the base model rule (%o)', (change, baseModel) => {
    expect(modelSubject(facts(change)).baseModel).toEqual(baseModel);
  });

  it('carries the declared parents, with each parent owner, as the compatibility parents', () => {
    const parents = [
      { versionId: 'p1', relation: 'MERGE', ownerId: 'bo' },
      { versionId: 'p2', relation: 'FINETUNE', ownerId: 'ada' },
    ];
    expect(modelSubject(facts({ declaredParents: parents })).parents).toEqual(parents);
  });

  it.each<[VersionFacts['modelStatus'], VersionFacts['versionStatus'], boolean]>([
    ['PUBLISHED', 'PUBLISHED', true],
    ['PUBLISHED', 'DRAFT', false],
    ['UNPUBLISHED', 'PUBLISHED', false],
    ['TAKEN_DOWN', 'PUBLISHED', false],
    ['DRAFT', 'DRAFT', false],
  ])('is listed only while model (%s) and version (%s) are published', (modelStatus, versionStatus, listed) => {
    expect(isListed(modelSubject(facts({ modelStatus, versionStatus })))).toBe(listed);
  });

  it('asks the catalog facade for owned, visible and locked versions, and adapts each', async () => {
    const { sut, mock } = newTestService(ModelSubjects);
    const catalog = mock(CatalogFacade);
    catalog.ownedVersion.mockResolvedValue(facts({ versionId: 'own' }));
    catalog.visibleVersion.mockResolvedValue(facts({ versionId: 'seen', modelStatus: 'UNPUBLISHED' }));
    catalog.lockVersion.mockResolvedValue(facts({ versionId: 'locked', fileSha256s: ['c'.repeat(64)] }));
    catalog.modelOwners.mockResolvedValue(new Map([['ink', 'ada']]));

    await expect(sut.owned(actor, 'own')).resolves.toMatchObject({ kind: 'MODEL', versionId: 'own' });
    await expect(sut.visible(undefined, 'seen')).resolves.toMatchObject({ versionId: 'seen', status: 'UNPUBLISHED' });
    await expect(sut.lock(TEST_MANAGER, 'locked')).resolves.toMatchObject({ contentSha256s: ['c'.repeat(64)] });
    await expect(sut.owners(['ink', 'gone'])).resolves.toEqual(new Map([['ink', 'ada']]));
    expect(catalog.ownedVersion).toHaveBeenCalledWith(actor, 'own');
    expect(catalog.lockVersion).toHaveBeenCalledWith(TEST_MANAGER, 'locked');
    expect(sut.urn('ink', 'v1')).toBe('urn:lookbook:model:ink:version:v1');
  });
});
