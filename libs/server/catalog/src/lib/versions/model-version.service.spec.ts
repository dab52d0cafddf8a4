import type { Actor, Role } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { DomainError, NotFoundError } from '@lookbook/kernel';
import { anActor, FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { ModelStatus } from '../models/model-status';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import { StyleModelService } from '../models/style-model.service';
import type { ModelVersionEntity, ParentRelation } from './model-version.entity';
import { ModelVersionRepository } from './model-version.repository';
import type { VersionInput } from './model-version.service';
import { ModelVersionService } from './model-version.service';

const now = new Date('2026-06-01T09:00:00.000Z');
const OWNER = '00000000-0000-4000-8000-000000000001';
const owner = anActor(OWNER);
const aModel = (status: ModelStatus = 'DRAFT') =>
  ({ id: 'm1', ownerId: OWNER, status, name: 'Ink Wash' }) as StyleModelEntity;
const aVersion = (change: Partial<ModelVersionEntity> = {}) =>
  ({ id: 'v1', modelId: 'm1', name: 'v1', status: 'DRAFT', changelog: '', ...change }) as ModelVersionEntity;
/** A candidate parent as the repository reads it: another model's published version by default. */
const candidate = (id: string, change: Partial<{ modelId: string; status: string; modelStatus: string }> = {}) => ({
  id,
  modelId: `model-of-${id}`,
  status: 'PUBLISHED',
  modelStatus: 'PUBLISHED',
  ...change,
});
const parent = (versionId: string, relation: ParentRelation = 'MERGE') => ({ versionId, relation });

function setUp({ model = aModel(), version = aVersion() } = {}) {
  const { sut, mock } = newTestService(ModelVersionService, [[Clock, new FakeClock(now)]]);
  const models = mock(StyleModelService);
  models.ownedModel.mockImplementation((actor: Actor) =>
    actor.userId === OWNER ? Promise.resolve(model) : Promise.reject(new NotFoundError('MODEL_NOT_FOUND', 'x')),
  );
  const modelRows = mock(StyleModelRepository);
  modelRows.byId.mockResolvedValue(model);
  const versions = mock(ModelVersionRepository);
  versions.byId.mockResolvedValue(version);
  versions.insert.mockResolvedValue(undefined);
  versions.update.mockResolvedValue(undefined);
  versions.parentCandidates.mockImplementation((ids) => Promise.resolve(ids.map((id) => candidate(id))));
  return { sut, versions, modelRows, models };
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('creating a version', () => {
  it('creates a licensed-only draft with normalised details and its declared parents', async () => {
    const { sut, versions } = setUp();
    const version = await sut.create(owner, 'm1', {
      name: '  v2 ',
      changelog: 'Sharper lines  \n',
      triggerWords: ['inkwash', 'inkwash', ' sumi '],
      recommendedSettings: { steps: 30, sampler: 'euler' },
      parents: [parent('p1'), parent('p2', 'FINETUNE')],
    });
    expect(version).toEqual({
      id: expect.any(String),
      modelId: 'm1',
      name: 'v2',
      changelog: 'Sharper lines',
      triggerWords: ['inkwash', 'sumi'],
      recommendedSettings: { steps: 30, sampler: 'euler' },
      access: 'LICENSED',
      status: 'DRAFT',
      downloadCount: 0,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
    expect(versions.insert).toHaveBeenCalledWith(version, [
      { versionId: version.id, parentVersionId: 'p1', relation: 'MERGE' },
      { versionId: version.id, parentVersionId: 'p2', relation: 'FINETUNE' },
    ]);
  });

  it('needs no parents, and looks none up', async () => {
    const { sut, versions } = setUp();
    const version = await sut.create(owner, 'm1', { name: 'v1' });
    expect(versions.insert).toHaveBeenCalledWith(version, []);
    expect(version).toMatchObject({ changelog: '', triggerWords: [], recommendedSettings: {} });
  });

  it.each<[ModelStatus]>([['DRAFT'], ['PUBLISHED'], ['UNPUBLISHED'], ['ARCHIVED']])(
    'adds a version to a %s model',
    async (status) => {
      const { sut, versions } = setUp({ model: aModel(status) });
      await sut.create(owner, 'm1', { name: 'v1' });
      expect(versions.insert).toHaveBeenCalledTimes(1);
    },
  );

  it('refuses a new version of a taken-down model', async () => {
    const { sut, versions } = setUp({ model: aModel('TAKEN_DOWN') });
    expect(await codeOf(sut.create(owner, 'm1', { name: 'v1' }))).toBe('INVALID_STATUS_TRANSITION');
    expect(versions.insert).not.toHaveBeenCalled();
  });

  it('answers someone else’s model as not found', async () => {
    const { sut, versions } = setUp();
    expect(await codeOf(sut.create(anActor('eve'), 'm1', { name: 'v1' }))).toBe('MODEL_NOT_FOUND');
    expect(versions.insert).not.toHaveBeenCalled();
  });

  it.each<[string, string, (ReturnType<typeof candidate> | null)[] | null, VersionInput['parents']]>([
    ['the same parent twice', 'INVALID_PARENT', null, [parent('p1'), parent('p1', 'ADAPTER')]],
    ['more than ten parents', 'INVALID_PARENT', null, Array.from({ length: 11 }, (_, i) => parent(`p${i}`))],
    ['an unknown parent', 'INVALID_PARENT', [candidate('p1')], [parent('p1'), parent('ghost')]],
    ['a version of the same model', 'INVALID_PARENT', [candidate('p1', { modelId: 'm1' })], [parent('p1')]],
    ['a draft version', 'INVALID_PARENT', [candidate('p1', { status: 'DRAFT' })], [parent('p1')]],
    [
      'a version of an unpublished model',
      'INVALID_PARENT',
      [candidate('p1', { modelStatus: 'UNPUBLISHED' })],
      [parent('p1')],
    ],
    [
      'a version of a taken-down model',
      'INVALID_PARENT',
      [candidate('p1', { modelStatus: 'TAKEN_DOWN' })],
      [parent('p1')],
    ],
  ])('refuses %s as a parent (%s) and creates nothing', async (_name, code, found, parents) => {
    const { sut, versions } = setUp();
    if (found) versions.parentCandidates.mockResolvedValue(found as never);
    expect(await codeOf(sut.create(owner, 'm1', { name: 'v1', parents }))).toBe(code);
    expect(versions.insert).not.toHaveBeenCalled();
  });

  it('accepts ten parents', async () => {
    const { sut, versions } = setUp();
    const parents = Array.from({ length: 10 }, (_, i) => parent(`p${i}`));
    await sut.create(owner, 'm1', { name: 'v1', parents });
    expect(versions.insert.mock.calls[0]![1]).toHaveLength(10);
  });

  it.each<[string, string, Partial<VersionInput>]>([
    ['an empty name', 'INVALID_VERSION_NAME', { name: ' ' }],
    ['a name of 81 characters', 'INVALID_VERSION_NAME', { name: 'v'.repeat(81) }],
    ['a name on two lines', 'INVALID_TEXT', { name: 'v1\nv2' }],
    ['51 trigger words', 'INVALID_TRIGGER_WORDS', { triggerWords: Array.from({ length: 51 }, (_, i) => `w${i}`) }],
    ['an empty trigger word', 'INVALID_TRIGGER_WORDS', { triggerWords: ['ok', ''] }],
    ['a changelog over 20,000 characters', 'INVALID_CHANGELOG', { changelog: 'c'.repeat(20_001) }],
    ['nested settings', 'INVALID_SETTINGS', { recommendedSettings: { sampler: { name: 'euler' } } }],
  ])('refuses %s (%s) and creates nothing', async (_name, code, change) => {
    const { sut, versions } = setUp();
    expect(await codeOf(sut.create(owner, 'm1', { name: 'v1', ...change }))).toBe(code);
    expect(versions.insert).not.toHaveBeenCalled();
  });
});

describe('editing a draft version', () => {
  it('changes only what is given', async () => {
    const { sut, versions } = setUp();
    const updated = await sut.update(owner, 'v1', { changelog: 'Fixed hands', name: null, triggerWords: null });
    expect(versions.update).toHaveBeenCalledWith('v1', { updatedAt: now, changelog: 'Fixed hands' });
    expect(updated).toMatchObject({ name: 'v1', changelog: 'Fixed hands', updatedAt: now });
  });

  it('clears the changelog when given an empty one', async () => {
    const { sut, versions } = setUp({ version: aVersion({ changelog: 'old' }) });
    await sut.update(owner, 'v1', { changelog: '' });
    expect(versions.update).toHaveBeenCalledWith('v1', { updatedAt: now, changelog: '' });
  });

  it('normalises every field it changes', async () => {
    const { sut, versions } = setUp();
    await sut.update(owner, 'v1', { name: ' v1.1 ', triggerWords: ['a', 'a'], recommendedSettings: { cfg: 7 } });
    expect(versions.update).toHaveBeenCalledWith('v1', {
      updatedAt: now,
      name: 'v1.1',
      triggerWords: ['a'],
      recommendedSettings: { cfg: 7 },
    });
  });

  it('refuses to change a published version (VERSION_PUBLISHED)', async () => {
    const { sut, versions } = setUp({ version: aVersion({ status: 'PUBLISHED' }) });
    expect(await codeOf(sut.update(owner, 'v1', { name: 'v2' }))).toBe('VERSION_PUBLISHED');
    expect(versions.update).not.toHaveBeenCalled();
  });

  it.each<[string, Actor]>([
    ['a stranger', anActor('eve')],
    ['an admin (staff see versions, they do not edit them)', anActor('root', ['admin'])],
  ])('answers %s VERSION_NOT_FOUND', async (_name, actor) => {
    const { sut, versions } = setUp();
    expect(await codeOf(sut.update(actor, 'v1', { name: 'v2' }))).toBe('VERSION_NOT_FOUND');
    expect(versions.update).not.toHaveBeenCalled();
  });

  it('refuses a bad new name and writes nothing', async () => {
    const { sut, versions } = setUp();
    expect(await codeOf(sut.update(owner, 'v1', { name: 'x'.repeat(81) }))).toBe('INVALID_VERSION_NAME');
    expect(versions.update).not.toHaveBeenCalled();
  });

  it.each<[string, ModelVersionEntity | null, string]>([
    ['a draft', aVersion(), 'ok'],
    ['a version published meanwhile', aVersion({ status: 'PUBLISHED' }), 'VERSION_PUBLISHED'],
    ['a version deleted meanwhile', null, 'VERSION_PUBLISHED'],
  ])('under the row lock, accepts only a draft: %s', async (_name, locked, outcome) => {
    const { sut, versions } = setUp();
    versions.forUpdate.mockResolvedValue(locked);
    expect(await codeOf(sut.assertDraftLocked(TEST_MANAGER, 'v1'))).toBe(outcome);
    expect(versions.forUpdate).toHaveBeenCalledWith(TEST_MANAGER, 'v1');
  });
});

describe('who sees a version', () => {
  it.each<[string, boolean, ModelStatus, 'DRAFT' | 'PUBLISHED', string | undefined, Role[]]>([
    ['anyone, a published version of a published model', true, 'PUBLISHED', 'PUBLISHED', undefined, []],
    ['a signed-out visitor, a draft version', false, 'PUBLISHED', 'DRAFT', undefined, []],
    ['a stranger, a draft version', false, 'PUBLISHED', 'DRAFT', 'eve', []],
    ['a stranger, a version of an unpublished model', false, 'UNPUBLISHED', 'PUBLISHED', 'eve', []],
    ['a stranger, a version of a taken-down model', false, 'TAKEN_DOWN', 'PUBLISHED', 'eve', []],
    ['the owner, a draft of a draft model', true, 'DRAFT', 'DRAFT', OWNER, []],
    ['the owner, a taken-down model', true, 'TAKEN_DOWN', 'PUBLISHED', OWNER, []],
    ['a moderator, a draft version', true, 'UNPUBLISHED', 'DRAFT', 'mod', ['moderator']],
    ['an admin, a draft version', true, 'DRAFT', 'DRAFT', 'root', ['admin']],
  ])('%s: visible %s', async (_name, visible, modelStatus, versionStatus, viewerId, roles) => {
    const { sut } = setUp({ model: aModel(modelStatus), version: aVersion({ status: versionStatus }) });
    const viewer = viewerId ? anActor(viewerId, roles) : undefined;
    expect(await codeOf(sut.visibleVersion(viewer, 'v1'))).toBe(visible ? 'ok' : 'VERSION_NOT_FOUND');
  });

  it('answers a missing version, or one whose model is gone, as not found', async () => {
    const { sut, versions, modelRows } = setUp();
    versions.byId.mockResolvedValueOnce(null);
    expect(await codeOf(sut.visibleVersion(owner, 'v1'))).toBe('VERSION_NOT_FOUND');
    modelRows.byId.mockResolvedValueOnce(null);
    expect(await codeOf(sut.visibleVersion(owner, 'v1'))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(sut.ownedVersion(owner, 'v1'))).toBe('ok');
  });

  it('gives the owner their version, published or not, and no one else', async () => {
    const { sut } = setUp({ version: aVersion({ status: 'PUBLISHED' }) });
    await expect(sut.ownedVersion(owner, 'v1')).resolves.toMatchObject({ version: { id: 'v1' }, model: { id: 'm1' } });
    expect(await codeOf(sut.ownedVersion(anActor('root', ['admin']), 'v1'))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(sut.ownedDraft(owner, 'v1'))).toBe('VERSION_PUBLISHED');
  });
});
