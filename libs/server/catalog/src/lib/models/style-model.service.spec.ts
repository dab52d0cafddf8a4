import type { Actor, Role } from '@lookbook/core';
import { Clock, JobQueue, Transactions } from '@lookbook/core';
import { ConflictError, DomainError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { BaseModelEntity } from '../base-models/base-model.entity';
import { BaseModelRepository } from '../base-models/base-model.repository';
import { CatalogTasks } from '../catalog.tasks';
import type { ModelVersionEntity } from '../versions/model-version.entity';
import { ModelVersionRepository } from '../versions/model-version.repository';
import type { ModelStatus } from './model-status';
import type { StyleModelEntity } from './style-model.entity';
import { StyleModelRepository } from './style-model.repository';
import type { StyleModelInput } from './style-model.service';
import { StyleModelService } from './style-model.service';

const now = new Date('2026-05-05T10:00:00.000Z');
const earlier = new Date('2026-01-01T00:00:00.000Z');
const OWNER = '00000000-0000-4000-8000-000000000001';
const MODEL = '00000000-0000-4000-8000-0000000000a1';
const owner = anActor(OWNER);
const moderator = anActor('00000000-0000-4000-8000-0000000000d1', ['moderator']);

const input = (change: Partial<StyleModelInput> = {}): StyleModelInput => ({
  name: 'Ink Wash',
  type: 'LORA',
  baseModelId: 'sdxl-1.0',
  maturity: 'SFW',
  ...change,
});
const aModel = (change: Partial<StyleModelEntity> = {}): StyleModelEntity => ({
  id: MODEL,
  ownerId: OWNER,
  slug: 'ink-wash',
  name: 'Ink Wash',
  description: '',
  type: 'LORA',
  baseModelId: 'sdxl-1.0',
  tags: [],
  maturity: 'SFW',
  status: 'DRAFT',
  createdAt: earlier,
  updatedAt: earlier,
  publishedAt: null,
  ...change,
});

function setUp({ stored = aModel(), taken = [] as string[], publishedVersions = 1 } = {}) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(StyleModelService, [
    [Transactions, transactions],
    [Clock, new FakeClock(now)],
  ]);
  const models = mock(StyleModelRepository);
  models.slugsStartingWith.mockResolvedValue(taken);
  models.insert.mockResolvedValue(undefined);
  models.update.mockResolvedValue(undefined);
  models.byId.mockResolvedValue(stored);
  models.withOwner.mockResolvedValue(stored);
  models.forUpdate.mockResolvedValue(stored);
  models.list.mockResolvedValue({ nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  const baseModels = mock(BaseModelRepository);
  baseModels.byId.mockImplementation((id: string) =>
    Promise.resolve(id === 'sdxl-1.0' || id === 'flux-1' ? ({ id } as BaseModelEntity) : null),
  );
  const versions = mock(ModelVersionRepository);
  versions.ofModels.mockResolvedValue(Array.from({ length: publishedVersions }, () => ({}) as ModelVersionEntity));
  const jobs = mock(JobQueue);
  jobs.enqueue.mockResolvedValue(undefined as never);
  return { sut, models, baseModels, versions, jobs, transactions };
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('creating a model', () => {
  it('creates a draft owned by the caller, with normalised details', async () => {
    const { sut, models } = setUp();
    const model = await sut.create(owner, input({ description: 'Soft edges \n', tags: ['Ink', ' ink ', 'Wash  Art'] }));
    expect(model).toEqual({
      id: expect.any(String),
      ownerId: OWNER,
      slug: 'ink-wash',
      name: 'Ink Wash',
      description: 'Soft edges',
      type: 'LORA',
      baseModelId: 'sdxl-1.0',
      tags: ['ink', 'wash art'],
      maturity: 'SFW',
      status: 'DRAFT',
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    });
    expect(models.insert).toHaveBeenCalledWith(model);
    expect(models.slugsStartingWith).toHaveBeenCalledWith(OWNER, 'ink-wash');
  });

  it.each<[string, string[], string]>([
    ['a free slug', [], 'ink-wash'],
    ['the slug taken', ['ink-wash'], 'ink-wash-2'],
    ['the slug and -2 taken', ['ink-wash', 'ink-wash-2'], 'ink-wash-3'],
    ['only a longer slug taken', ['ink-wash-art'], 'ink-wash'],
    ['a gap in the numbers', ['ink-wash', 'ink-wash-3'], 'ink-wash-2'],
  ])('derives the slug from the name with %s: %s', async (_name, taken, slug) => {
    const { sut } = setUp({ taken });
    expect((await sut.create(owner, input())).slug).toBe(slug);
  });

  it.each<[string, string, string]>([
    ['accents', 'Àquarelle Ñoir', 'aquarelle-noir'],
    ['only emoji', '🎨🖌️', 'model'],
    ['punctuation', '  --Ink!! Wash??--  ', 'ink-wash'],
  ])('slugs a name with %s as %s', async (_name, name, slug) => {
    const { sut } = setUp();
    expect((await sut.create(owner, input({ name }))).slug).toBe(slug);
  });

  it('keeps a derived slug with a number within 80 characters', async () => {
    const long = 'a'.repeat(80);
    const { sut } = setUp({ taken: [long] });
    const { slug } = await sut.create(owner, input({ name: long }));
    expect(slug).toBe(`${'a'.repeat(78)}-2`);
  });

  it('uses a chosen slug as it is, without looking for a free one', async () => {
    const { sut, models } = setUp();
    expect((await sut.create(owner, input({ slug: ' my-ink ' }))).slug).toBe('my-ink');
    expect(models.slugsStartingWith).not.toHaveBeenCalled();
  });

  it('tries again when another request takes the derived slug meanwhile', async () => {
    const { sut, models } = setUp();
    models.slugsStartingWith.mockResolvedValueOnce([]).mockResolvedValueOnce(['ink-wash']);
    models.insert.mockRejectedValueOnce(new ConflictError('SLUG_TAKEN', 'taken'));
    expect((await sut.create(owner, input())).slug).toBe('ink-wash-2');
    expect(models.insert).toHaveBeenCalledTimes(2);
  });

  it('gives up after three races for a derived slug', async () => {
    const { sut, models } = setUp();
    models.insert.mockRejectedValue(new ConflictError('SLUG_TAKEN', 'taken'));
    expect(await codeOf(sut.create(owner, input()))).toBe('SLUG_TAKEN');
    expect(models.insert).toHaveBeenCalledTimes(3);
  });

  it('answers SLUG_TAKEN at once for a chosen slug', async () => {
    const { sut, models } = setUp();
    models.insert.mockRejectedValue(new ConflictError('SLUG_TAKEN', 'taken'));
    expect(await codeOf(sut.create(owner, input({ slug: 'mine' })))).toBe('SLUG_TAKEN');
    expect(models.insert).toHaveBeenCalledTimes(1);
  });

  it('does not retry other failures', async () => {
    const { sut, models } = setUp();
    models.insert.mockRejectedValue(new Error('connection lost'));
    expect(await codeOf(sut.create(owner, input()))).toBe('Error: connection lost');
    expect(models.insert).toHaveBeenCalledTimes(1);
  });

  it.each<[string, string, Partial<StyleModelInput>]>([
    ['an unknown base model', 'UNKNOWN_BASE_MODEL', { baseModelId: 'sd-9' }],
    ['an empty name', 'INVALID_NAME', { name: '  ' }],
    ['a name of 121 characters', 'INVALID_NAME', { name: 'n'.repeat(121) }],
    ['a slug with capitals', 'INVALID_SLUG', { slug: 'Ink-Wash' }],
    ['a slug with a double dash', 'INVALID_SLUG', { slug: 'ink--wash' }],
    ['a slug of 81 characters', 'INVALID_SLUG', { slug: 's'.repeat(81) }],
    ['21 tags', 'INVALID_TAGS', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['a tag of 41 characters', 'INVALID_TAGS', { tags: ['t'.repeat(41)] }],
    ['a description over 50,000 characters', 'INVALID_DESCRIPTION', { description: 'd'.repeat(50_001) }],
  ])('refuses %s (%s) and creates nothing', async (_name, code, change) => {
    const { sut, models } = setUp();
    expect(await codeOf(sut.create(owner, input(change)))).toBe(code);
    expect(models.insert).not.toHaveBeenCalled();
  });
});

describe('editing a model', () => {
  it('changes only what is given, normalised', async () => {
    const { sut, models } = setUp();
    const model = await sut.update(owner, MODEL, { name: ' Ink Wash II ', tags: ['A', 'a'], slug: null, type: null });
    expect(models.update).toHaveBeenCalledWith(MODEL, { updatedAt: now, name: 'Ink Wash II', tags: ['a'] });
    expect(model).toMatchObject({ name: 'Ink Wash II', slug: 'ink-wash', tags: ['a'] });
  });

  it('moves a model to a known base model', async () => {
    const { sut, models } = setUp();
    await sut.update(owner, MODEL, { baseModelId: 'flux-1' });
    expect(models.update).toHaveBeenCalledWith(MODEL, { updatedAt: now, baseModelId: 'flux-1' });
  });

  it.each<[string, string, Parameters<StyleModelService['update']>[2]]>([
    ['an unknown base model', 'UNKNOWN_BASE_MODEL', { baseModelId: 'sd-9' }],
    ['an empty name', 'INVALID_NAME', { name: '' }],
    ['a bad slug', 'INVALID_SLUG', { slug: 'not a slug' }],
  ])('refuses %s (%s) and writes nothing', async (_name, code, patch) => {
    const { sut, models } = setUp();
    expect(await codeOf(sut.update(owner, MODEL, patch))).toBe(code);
    expect(models.update).not.toHaveBeenCalled();
  });

  it.each<[string, Actor]>([
    ['a stranger', anActor('eve')],
    ['a moderator', moderator],
  ])('answers %s MODEL_NOT_FOUND', async (_name, actor) => {
    const { sut, models } = setUp();
    expect(await codeOf(sut.update(actor, MODEL, { name: 'Mine now' }))).toBe('MODEL_NOT_FOUND');
    expect(models.update).not.toHaveBeenCalled();
  });
});

describe('changing a model’s status', () => {
  it.each<[ModelStatus, ModelStatus, 'owner' | 'moderator']>([
    ['DRAFT', 'PUBLISHED', 'owner'],
    ['PUBLISHED', 'UNPUBLISHED', 'owner'],
    ['PUBLISHED', 'UNPUBLISHED', 'moderator'],
    ['UNPUBLISHED', 'ARCHIVED', 'owner'],
    ['ARCHIVED', 'UNPUBLISHED', 'owner'],
    ['PUBLISHED', 'TAKEN_DOWN', 'moderator'],
    ['TAKEN_DOWN', 'UNPUBLISHED', 'moderator'],
  ])('%s → %s by the %s', async (from, to, who) => {
    const { sut, models, transactions } = setUp({ stored: aModel({ status: from }) });
    const changed = await sut.changeStatus(who === 'owner' ? owner : moderator, MODEL, to);
    expect(changed.status).toBe(to);
    expect(models.update).toHaveBeenCalledWith(
      MODEL,
      expect.objectContaining({ status: to, updatedAt: now }),
      TEST_MANAGER,
    );
    expect(models.forUpdate).toHaveBeenCalledWith(TEST_MANAGER, MODEL);
    expect(transactions.count).toBe(1);
  });

  it.each<[ModelStatus, ModelStatus, 'owner' | 'moderator']>([
    ['DRAFT', 'UNPUBLISHED', 'owner'],
    ['PUBLISHED', 'TAKEN_DOWN', 'owner'],
    ['TAKEN_DOWN', 'UNPUBLISHED', 'owner'],
    ['TAKEN_DOWN', 'PUBLISHED', 'moderator'],
    ['PUBLISHED', 'ARCHIVED', 'moderator'],
    ['ARCHIVED', 'PUBLISHED', 'owner'],
    ['PUBLISHED', 'PUBLISHED', 'owner'],
  ])('refuses %s → %s by the %s (INVALID_STATUS_TRANSITION), writing nothing', async (from, to, who) => {
    const { sut, models, jobs } = setUp({ stored: aModel({ status: from }) });
    expect(await codeOf(sut.changeStatus(who === 'owner' ? owner : moderator, MODEL, to))).toBe(
      'INVALID_STATUS_TRANSITION',
    );
    expect(models.update).not.toHaveBeenCalled();
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('refuses to publish a model without a published version', async () => {
    const { sut, models, versions } = setUp({ publishedVersions: 0 });
    expect(await codeOf(sut.changeStatus(owner, MODEL, 'PUBLISHED'))).toBe('MODEL_NEEDS_PUBLISHED_VERSION');
    expect(versions.ofModels).toHaveBeenCalledWith([MODEL], true);
    expect(models.update).not.toHaveBeenCalled();
  });

  it.each<[string, Date | null, Date]>([
    ['stamps the first publication', null, now],
    ['keeps the first publication date on republishing', earlier, earlier],
  ])('%s', async (_name, publishedAt, expected) => {
    const { sut } = setUp({ stored: aModel({ status: publishedAt ? 'UNPUBLISHED' : 'DRAFT', publishedAt }) });
    expect((await sut.changeStatus(owner, MODEL, 'PUBLISHED')).publishedAt).toEqual(expected);
  });

  it.each<[ModelStatus, ModelStatus, boolean]>([
    ['PUBLISHED', 'TAKEN_DOWN', true],
    ['TAKEN_DOWN', 'UNPUBLISHED', true],
    ['PUBLISHED', 'UNPUBLISHED', false],
    ['DRAFT', 'TAKEN_DOWN', true],
  ])('%s → %s moves the public media in the same transaction: %s', async (from, to, synced) => {
    const { sut, jobs } = setUp({ stored: aModel({ status: from }) });
    await sut.changeStatus(moderator, MODEL, to);
    if (synced)
      expect(jobs.enqueue).toHaveBeenCalledWith(TEST_MANAGER, CatalogTasks.syncModelMedia, { modelId: MODEL });
    else expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it.each<[string, Actor, ModelStatus]>([
    ['a stranger, a published model', anActor('eve'), 'PUBLISHED'],
    ['a stranger, a draft', anActor('eve'), 'DRAFT'],
    ['a signed-in user with no role, an unpublished model', anActor('bob'), 'UNPUBLISHED'],
  ])('answers %s MODEL_NOT_FOUND, writing nothing', async (_name, actor, status) => {
    const { sut, models, transactions } = setUp({ stored: aModel({ status }) });
    expect(await codeOf(sut.changeStatus(actor, MODEL, 'UNPUBLISHED'))).toBe('MODEL_NOT_FOUND');
    expect(models.update).not.toHaveBeenCalled();
    expect(transactions.count).toBe(0);
  });
});

describe('finding and listing models', () => {
  it.each<[string, ModelStatus, string | undefined, Role[], boolean]>([
    ['anyone sees a published model', 'PUBLISHED', undefined, [], true],
    ['a visitor does not see a draft', 'DRAFT', undefined, [], false],
    ['a stranger does not see an unpublished model', 'UNPUBLISHED', 'eve', [], false],
    ['the owner sees their draft', 'DRAFT', OWNER, [], true],
    ['a moderator sees a taken-down model', 'TAKEN_DOWN', 'mod', ['moderator'], true],
  ])('%s', async (_name, status, viewerId, roles, visible) => {
    const { sut } = setUp({ stored: aModel({ status }) });
    const viewer = viewerId ? anActor(viewerId, roles) : undefined;
    expect(await codeOf(sut.visibleModel(viewer, MODEL))).toBe(visible ? 'ok' : 'MODEL_NOT_FOUND');
  });

  it('answers a missing model as not found', async () => {
    const { sut, models } = setUp();
    models.withOwner.mockResolvedValue(null);
    models.byId.mockResolvedValue(null);
    expect(await codeOf(sut.visibleModel(owner, MODEL))).toBe('MODEL_NOT_FOUND');
    expect(await codeOf(sut.ownedModel(owner, MODEL))).toBe('MODEL_NOT_FOUND');
  });

  it.each<[string, boolean, Actor | undefined, { ownerId?: string }]>([
    ['the public feed, signed out', true, undefined, {}],
    ['the public feed, signed in', true, owner, {}],
    ['the public feed, as staff', true, moderator, {}],
    ['one’s own models', false, owner, { ownerId: OWNER }],
    ['someone else’s models', true, anActor('eve'), { ownerId: OWNER }],
    ['a creator’s models, as staff (moderation)', false, moderator, { ownerId: OWNER }],
  ])('lists %s with publishedOnly %s', async (_name, publishedOnly, viewer, query) => {
    const { sut, models } = setUp();
    await sut.list(viewer, query, { first: 10 }, (m) => m.id);
    expect(models.list).toHaveBeenCalledWith(
      { ...query, publishedOnly, viewerId: viewer?.userId ?? null },
      { first: 10 },
      expect.any(Function),
    );
  });

  it('looks a tag up in its stored form', async () => {
    const { sut, models } = setUp();
    await sut.list(undefined, { tag: '  Ink   Wash ' }, {}, (m) => m.id);
    expect(models.list).toHaveBeenCalledWith(
      { tag: 'ink wash', publishedOnly: true, viewerId: null },
      {},
      expect.any(Function),
    );
  });
});
