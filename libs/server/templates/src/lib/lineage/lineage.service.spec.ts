import { CatalogFacade } from '@lookbook/catalog';
import type { StyleModel } from '@lookbook/catalog';
import { Clock, Notifier } from '@lookbook/core';
import { DomainError, NotFoundError } from '@lookbook/kernel';
import { anActor, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { IntellectualPropertyEntity } from '../ips/ip.entity';
import { IpRepository } from '../ips/ip.repository';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import type { LineageEdge } from './lineage-edge';
import { LineageRepository } from './lineage.repository';
import { LineageService } from './lineage.service';

const NOW = new Date('2026-03-01T00:00:00Z');
const creator = anActor('creator');
const ipOwner = anActor('ip-owner');
const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );
const edge = (childId: string, parentId: string, depth: number, change: Partial<LineageEdge> = {}) => ({
  childId,
  parentId,
  relation: 'REMIX' as const,
  shareBps: 1000,
  status: 'APPROVED' as const,
  createdAt: NOW,
  depth,
  ...change,
});

function setUp() {
  const { sut, mock } = newTestService(LineageService);
  mock(Clock).now.mockReturnValue(NOW);
  mock(TemplateRepository).transaction.mockImplementation((work: (tx: typeof TEST_MANAGER) => unknown) =>
    Promise.resolve(work(TEST_MANAGER)),
  );
  return { sut, mock };
}

describe('deriving a model from a published model', () => {
  function modelSetUp(owners: Record<string, string>, published: string[]) {
    const context = setUp();
    context
      .mock(CatalogFacade)
      .modelOwners.mockImplementation((ids) =>
        Promise.resolve(new Map(ids.filter((id) => owners[id]).map((id) => [id, owners[id]!]))),
      );
    context
      .mock(CatalogFacade)
      .publishedModels.mockImplementation((ids) =>
        Promise.resolve(ids.filter((id) => published.includes(id)).map((id) => ({ id }) as StyleModel)),
      );
    context.mock(LineageRepository).insertEdge.mockResolvedValue(undefined);
    return context;
  }

  it.each(['MERGE', 'FINETUNE', 'ADAPTER'])(
    'records a %s edge, approved, as a MODEL → MODEL edge',
    async (relation) => {
      const { sut, mock } = modelSetUp({ mine: 'creator', base: 'other' }, ['base']);
      const made = await sut.deriveModel(creator, { modelId: 'mine', parentModelId: 'base', relation, shareBps: 2500 });
      const expected = {
        childId: 'mine',
        parentId: 'base',
        relation,
        shareBps: 2500,
        status: 'APPROVED',
        createdAt: NOW,
      };
      expect(made).toEqual(expected);
      expect(mock(LineageRepository).insertEdge).toHaveBeenCalledWith(TEST_MANAGER, expected, 'MODEL');
    },
  );

  it.each([
    ['a remix relation', { relation: 'REMIX' }, 'LINEAGE_INVALID_RELATION'],
    ['an unknown relation', { relation: 'merge' }, 'LINEAGE_INVALID_RELATION'],
    ['a negative share', { shareBps: -1 }, 'REMIX_INVALID_SHARE'],
    ['a share above 10,000', { shareBps: 10_001 }, 'REMIX_INVALID_SHARE'],
    ['a fractional share', { shareBps: 0.5 }, 'REMIX_INVALID_SHARE'],
    ['someone else’s model', { modelId: 'theirs' }, 'MODEL_NOT_FOUND'],
    ['a model that does not exist', { modelId: 'ghost' }, 'MODEL_NOT_FOUND'],
    ['an unpublished parent', { parentModelId: 'draft' }, 'MODEL_NOT_FOUND'],
  ])('refuses %s, recording nothing', async (_what, change, code) => {
    const { sut, mock } = modelSetUp({ mine: 'creator', theirs: 'other', draft: 'other', base: 'other' }, ['base']);
    const input = { modelId: 'mine', parentModelId: 'base', relation: 'MERGE', shareBps: 1000, ...change };
    expect((await failure(sut.deriveModel(creator, input)))?.code).toBe(code);
    expect(mock(LineageRepository).insertEdge).not.toHaveBeenCalled();
  });

  it('names which model was not found', async () => {
    const { sut } = modelSetUp({ mine: 'creator' }, []);
    const input = { modelId: 'mine', parentModelId: 'base', relation: 'MERGE', shareBps: 1000 };
    expect(await failure(sut.deriveModel(creator, input))).toMatchObject({ details: { field: 'parentModelId' } });
    expect(await failure(sut.deriveModel(anActor('stranger'), input))).toMatchObject({ details: { field: 'modelId' } });
  });

  it('shows a published model’s parents to anyone, a draft’s to its owner only', async () => {
    const { sut, mock } = modelSetUp({ pub: 'creator', draft: 'creator' }, ['pub']);
    const parents = [edge('pub', 'base', 1)];
    mock(LineageRepository).parentsOf.mockResolvedValue(parents);
    await expect(sut.modelParents(undefined, 'pub')).resolves.toBe(parents);
    await expect(sut.modelParents(creator, 'draft')).resolves.toBe(parents);
    for (const viewer of [undefined, anActor('stranger')])
      expect((await failure(sut.modelParents(viewer, 'draft')))?.code).toBe('MODEL_NOT_FOUND');
    expect(mock(LineageRepository).parentsOf).toHaveBeenCalledTimes(2);
  });
});

describe('the IP owner’s decisions', () => {
  function decideSetUp(child: Partial<TemplateEntity> | null, ip: Partial<IntellectualPropertyEntity> | null) {
    const context = setUp();
    context.mock(TemplateRepository).byId.mockResolvedValue(child && ({ id: 'remix', ...child } as TemplateEntity));
    context.mock(IpRepository).ipById.mockResolvedValue(ip as IntellectualPropertyEntity | null);
    return context;
  }

  it.each([
    [true, 'APPROVED'],
    [false, 'REJECTED'],
  ] as const)('approve=%s decides the pending edge %s and returns it', async (approve, status) => {
    const { sut, mock } = decideSetUp(
      { ipId: 'ip-1', ownerId: 'fan', name: 'Night Remix' },
      { id: 'ip-1', ownerId: 'ip-owner', name: 'Zephyr' },
    );
    mock(LineageRepository).decide.mockResolvedValue(true);
    mock(LineageRepository).parentsOf.mockResolvedValue([edge('remix', 'original', 1, { status })]);
    const notify = mock(Notifier).notify.mockResolvedValue(undefined);
    await expect(sut.decide(ipOwner, 'remix', approve)).resolves.toMatchObject({ childId: 'remix', status });
    expect(mock(LineageRepository).decide).toHaveBeenCalledWith('remix', status, TEST_MANAGER);
    // The remixer hears of the decision in the transaction that records it.
    expect(notify).toHaveBeenCalledWith(TEST_MANAGER, {
      recipientId: 'fan',
      kind: 'REMIX_DECISION',
      actorId: ipOwner.userId,
      subjectKind: 'TEMPLATE',
      subjectId: 'remix',
      text: `Your remix Night Remix was ${approve ? 'approved' : 'rejected'} by the owner of Zephyr`,
      url: '/templates/remix',
      dedupeKey: 'templates.remix-decision:remix',
    });
  });

  it.each([
    ['no such template', null, null, 'TEMPLATE_NOT_FOUND'],
    ['a template outside any IP', { ipId: null }, null, 'TEMPLATE_NOT_FOUND'],
    ['someone else’s IP', { ipId: 'ip-1' }, { id: 'ip-1', ownerId: 'creator' }, 'IP_NOT_OWNER'],
  ])('refuses %s, deciding nothing', async (_what, child, ip, code) => {
    const { sut, mock } = decideSetUp(child, ip);
    expect((await failure(sut.decide(ipOwner, 'remix', true)))?.code).toBe(code);
    expect(mock(LineageRepository).decide).not.toHaveBeenCalled();
  });

  it('a second decision (or the losing one of two at once) is refused, typed', async () => {
    const { sut, mock } = decideSetUp({ ipId: 'ip-1' }, { id: 'ip-1', ownerId: 'ip-owner' });
    mock(LineageRepository).decide.mockResolvedValue(false);
    expect((await failure(sut.decide(ipOwner, 'remix', false)))?.code).toBe('REMIX_NOT_PENDING');
  });

  it('the queue is the actor’s own', async () => {
    const { sut, mock } = setUp();
    mock(LineageRepository).pendingFor.mockResolvedValue([]);
    await sut.queue(ipOwner);
    expect(mock(LineageRepository).pendingFor).toHaveBeenCalledWith('ip-owner');
  });
});

describe('the remix tree around a template', () => {
  const ancestors = [edge('t', 'p1', 1), edge('p1', 'p2', 2), edge('p2', 'hidden', 3)];
  const descendants = [edge('c1', 't', 1), edge('draft', 't', 1), edge('c2', 'c1', 2)];

  function treeSetUp(visible: string[]) {
    const context = setUp();
    context.mock(TemplateService).visible.mockResolvedValue({ id: 't' } as TemplateEntity);
    context
      .mock(LineageRepository)
      .related.mockImplementation((_id, direction) => Promise.resolve(direction === 'up' ? ancestors : descendants));
    context.mock(TemplateRepository).visibleIds.mockResolvedValue(new Set(visible));
    return context;
  }

  it('leaves out every edge with an end the viewer may not see', async () => {
    const { sut, mock } = treeSetUp(['t', 'p1', 'p2', 'c1', 'c2']);
    const tree = await sut.tree(creator, 't', 3);
    expect(tree.ancestors.map((e) => e.parentId)).toEqual(['p1', 'p2']);
    expect(tree.descendants.map((e) => e.childId)).toEqual(['c1', 'c2']);
    // One visibility read for every template on both sides.
    expect(mock(TemplateRepository).visibleIds).toHaveBeenCalledTimes(1);
    expect(new Set(mock(TemplateRepository).visibleIds.mock.calls[0]![0])).toEqual(
      new Set(['t', 'p1', 'p2', 'hidden', 'c1', 'draft', 'c2']),
    );
    expect(mock(TemplateRepository).visibleIds.mock.calls[0]![1]).toBe('creator');
  });

  it.each([
    [undefined, 5],
    [0, 1],
    [-3, 1],
    [4, 4],
    [10, 10],
    [1000, 10],
  ])('asked for depth %s, walks %i generations each way', async (depth, walked) => {
    const { sut, mock } = treeSetUp([]);
    await sut.tree(undefined, 't', depth);
    expect(mock(LineageRepository).related.mock.calls).toEqual([
      ['t', 'up', walked],
      ['t', 'down', walked],
    ]);
    expect(mock(TemplateRepository).visibleIds.mock.calls[0]![1]).toBeNull();
  });

  it('is "not found" for a template the viewer may not see, reading no edge', async () => {
    const { sut, mock } = treeSetUp([]);
    const notFound = new NotFoundError('TEMPLATE_NOT_FOUND', 'No such template');
    mock(TemplateService).visible.mockRejectedValue(notFound);
    expect(await failure(sut.tree(undefined, 't'))).toBe(notFound);
    expect(mock(LineageRepository).related).not.toHaveBeenCalled();
  });
});
