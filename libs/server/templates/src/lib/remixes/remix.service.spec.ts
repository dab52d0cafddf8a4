import { Clock } from '@lookbook/core';
import { ConflictError, DomainError } from '@lookbook/kernel';
import { anActor, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { IntellectualPropertyEntity } from '../ips/ip.entity';
import { IpRepository } from '../ips/ip.repository';
import { SubgraphLocks } from '../ips/subgraph-locks.service';
import type { RemixTerms } from '../lineage/remix-terms';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { RemixService } from './remix.service';

const owner = anActor('owner');
const fan = anActor('fan');
const TERMS: RemixTerms = {
  remixAllowed: true,
  changeableSlots: ['prompt', 'seed'],
  allowedUses: ['COMMERCIAL', 'PERSONAL'],
  attribution: ['Harbour Cats © Harbour Studio'],
  ipShareBps: 1500,
  maxMaturity: 'SFW',
  requiredTags: [],
  approval: 'MANUAL',
};
const template = (change: Partial<TemplateEntity> = {}) =>
  ({ id: 'original', ownerId: 'owner', status: 'PUBLISHED', ipId: null, terms: null, ...change }) as TemplateEntity;
const slot = (key: string) => ({ key, nodeId: '3', widget: key, label: key, type: 'STRING', default: '' });
const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );

function setUp() {
  const { sut, mock } = newTestService(RemixService);
  mock(TemplateRepository).transaction.mockImplementation((work: (tx: typeof TEST_MANAGER) => unknown) =>
    Promise.resolve(work(TEST_MANAGER)),
  );
  mock(Clock).now.mockReturnValue(new Date('2026-03-01T00:00:00Z'));
  mock(IpRepository).ipById.mockResolvedValue({ id: 'ip-1', ownerId: 'owner' } as IntellectualPropertyEntity);
  mock(IpRepository).parentsOf.mockResolvedValue([]);
  mock(IpRepository).bind.mockResolvedValue(undefined);
  mock(TemplateRepository).lock.mockResolvedValue(template());
  mock(TemplateRepository).byId.mockResolvedValue(template());
  mock(TemplateRepository).versionsOf.mockResolvedValue([
    { id: 'v2', uiWorkflow: null, apiPrompt: '{}', slots: [slot('seed'), slot('prompt'), slot('steps')] },
  ] as unknown as TemplateVersionEntity[]);
  return { sut, mock };
}

describe('binding a template to an IP', () => {
  it.each([
    [['seed', 'cfg'], 'cfg'],
    [['Seed'], 'Seed'],
    [['seed', 'prompt', 'sampler name'], 'sampler name'],
  ])('refuses slot keys the template does not have (%j), naming the first', async (changeableSlots, key) => {
    const { sut, mock } = setUp();
    const error = await failure(sut.bind(owner, 'original', 'ip-1', { ...TERMS, changeableSlots }));
    expect(error).toMatchObject({ code: 'IP_UNKNOWN_SLOT', details: { field: 'changeableSlots', key } });
    expect(error!.message).toContain(`“${key}”`);
    expect(mock(IpRepository).bind).not.toHaveBeenCalled();
  });

  it('refuses every key when the template has no version yet; any of its own keys, in any version, is fine', async () => {
    const { sut, mock } = setUp();
    await sut.bind(owner, 'original', 'ip-1', { ...TERMS, changeableSlots: ['steps', 'seed'] });
    await sut.bind(owner, 'original', 'ip-1', { ...TERMS, changeableSlots: [] });
    await sut.bind(owner, 'original', 'ip-1', { ...TERMS, changeableSlots: null });
    expect(mock(IpRepository).bind).toHaveBeenCalledTimes(3);
    // A key of an older (published) version counts, though a newer draft has no slots yet.
    mock(TemplateRepository).versionsOf.mockResolvedValue([
      { id: 'v3', slots: [] },
      { id: 'v2', slots: [slot('cfg')] },
    ] as unknown as TemplateVersionEntity[]);
    await sut.bind(owner, 'original', 'ip-1', { ...TERMS, changeableSlots: ['cfg'] });
    expect(mock(IpRepository).bind).toHaveBeenCalledTimes(4);
    mock(TemplateRepository).versionsOf.mockResolvedValue([]);
    expect((await failure(sut.bind(owner, 'original', 'ip-1', TERMS)))?.code).toBe('IP_UNKNOWN_SLOT');
  });

  it('asks the lock rules before locking a subgraph, and binds nothing when they refuse', async () => {
    const { sut, mock } = setUp();
    mock(TemplateRepository).versionsOf.mockResolvedValue([
      {
        id: 'v2',
        slots: [slot('seed')],
        apiPrompt: null,
        uiWorkflow: JSON.stringify({
          version: 1,
          nodes: [],
          links: [],
          definitions: {
            subgraphs: [
              {
                id: 'rig',
                name: 'Harbour Cat rig',
                inputNode: { id: -10, bounding: [0, 0, 1, 1] },
                outputNode: { id: -20, bounding: [0, 0, 1, 1] },
                inputs: [],
                outputs: [],
                widgets: [],
                nodes: [],
                links: [],
              },
            ],
          },
        }),
      },
    ] as unknown as TemplateVersionEntity[]);
    const refusal = new ConflictError('IP_SUBGRAPH_PUBLISHED_BY_OTHERS', 'Published by someone else');
    mock(SubgraphLocks).assertMayLock.mockRejectedValue(refusal);
    const terms = { ...TERMS, changeableSlots: ['seed'] };
    expect(await failure(sut.bind(owner, 'original', 'ip-1', terms, 'rig'))).toBe(refusal);
    expect(mock(SubgraphLocks).assertMayLock).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ id: 'ip-1' }),
      'original',
      expect.objectContaining({ id: 'rig', name: 'Harbour Cat rig', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
    expect(mock(IpRepository).bind).not.toHaveBeenCalled();
    expect((await failure(sut.bind(owner, 'original', 'ip-1', terms, 'nope')))?.code).toBe('IP_SUBGRAPH_NOT_FOUND');
  });
});

describe('unbinding', () => {
  it('releases the binding for the IP owner and reports what left the IP', async () => {
    const { sut, mock } = setUp();
    mock(IpRepository).bindingsOf.mockResolvedValue([
      { templateId: 'original', ipId: 'ip-1', lockedSubgraph: null, boundAt: new Date() },
    ]);
    mock(IpRepository).unbind.mockResolvedValue({ releasedRemixes: 4, approvedRemixes: 1 });
    await expect(sut.unbind(owner, 'original')).resolves.toMatchObject({ releasedRemixes: 4, approvedRemixes: 1 });
    expect(mock(IpRepository).unbind).toHaveBeenCalledWith(TEST_MANAGER, 'original', 'ip-1', expect.any(Date));
  });

  it.each([
    ['someone else’s draft', fan, template({ status: 'DRAFT' }), true, 'TEMPLATE_NOT_FOUND'],
    ['no such template', owner, null, true, 'TEMPLATE_NOT_FOUND'],
    ['a template not bound', owner, template(), false, 'TEMPLATE_NOT_BOUND'],
    ['a published template of another IP owner', fan, template(), true, 'IP_NOT_OWNER'],
  ])('refuses %s, changing nothing', async (_what, actor, found, bound, code) => {
    const { sut, mock } = setUp();
    mock(TemplateRepository).lock.mockResolvedValue(found);
    mock(IpRepository).bindingsOf.mockResolvedValue(
      bound ? [{ templateId: 'original', ipId: 'ip-1', lockedSubgraph: null, boundAt: new Date() }] : [],
    );
    expect((await failure(sut.unbind(actor, 'original')))?.code).toBe(code);
    expect(mock(IpRepository).unbind).not.toHaveBeenCalled();
  });
});

describe('remixing', () => {
  function remixSetUp(parent: TemplateEntity) {
    const context = setUp();
    context.mock(TemplateRepository).byId.mockResolvedValue(parent);
    context.mock(TemplateRepository).lock.mockResolvedValue(parent);
    context.mock(TemplateRepository).versionsOf.mockResolvedValue([{ id: 'v1', status: 'PUBLISHED' }] as never);
    context
      .mock(TemplateService)
      .newTemplate.mockResolvedValue(template({ id: 'remix', ownerId: 'fan', status: 'DRAFT', tags: [] }));
    context.mock(TemplateRepository).insert.mockResolvedValue(undefined);
    context.mock(TemplateRepository).copyVersion.mockResolvedValue(undefined);
    context.mock(IpRepository).insertEdge.mockResolvedValue(undefined);
    return context;
  }

  it.each([
    ['manual approval of an IP', 'PENDING', template({ ipId: 'ip-1', terms: TERMS })],
    ['automatic approval of an IP', 'APPROVED', template({ ipId: 'ip-1', terms: { ...TERMS, approval: 'AUTOMATIC' } })],
    // Terms asking for approval on a template outside any IP: nobody could ever decide.
    ['manual approval without an IP', 'APPROVED', template({ terms: TERMS })],
    ['no terms', 'APPROVED', template()],
  ])('under %s the edge is %s', async (_what, status, parent) => {
    const { sut, mock } = remixSetUp(parent);
    await sut.remix(fan, 'original', { name: 'Night', shareBps: 1000 });
    expect(mock(IpRepository).insertEdge).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ childId: 'remix', parentId: 'original', status }),
    );
    expect(mock(TemplateRepository).insert).toHaveBeenCalledWith(
      expect.objectContaining({ ipId: parent.ipId, terms: parent.terms }),
      TEST_MANAGER,
    );
  });

  it.each([[[]], [['My own credit']], [['harbour cats © harbour studio']]])(
    'refuses terms that drop the inherited credit (%j), writing nothing',
    async (attribution) => {
      const { sut, mock } = remixSetUp(template({ ipId: 'ip-1', terms: TERMS }));
      const error = await failure(
        sut.remix(fan, 'original', { name: 'Uncredited', shareBps: 0, terms: { ...TERMS, attribution } }),
      );
      expect(error).toMatchObject({ code: 'TERMS_DROP_ATTRIBUTION', details: { field: 'attribution' } });
      expect(mock(TemplateService).newTemplate).not.toHaveBeenCalled();
      expect(mock(TemplateRepository).insert).not.toHaveBeenCalled();
    },
  );

  it('reads the parent again under its lock: an unbinding meanwhile is what the remix inherits', async () => {
    const { sut, mock } = remixSetUp(template({ ipId: 'ip-1', terms: TERMS }));
    mock(TemplateRepository).lock.mockResolvedValue(
      template({ ipId: null, terms: { ...TERMS, ipShareBps: 0, approval: 'AUTOMATIC' } }),
    );
    await sut.remix(fan, 'original', { name: 'Night', shareBps: 1000 });
    expect(mock(TemplateRepository).insert).toHaveBeenCalledWith(
      expect.objectContaining({ ipId: null, terms: expect.objectContaining({ ipShareBps: 0 }) }),
      TEST_MANAGER,
    );
    expect(mock(IpRepository).insertEdge).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ status: 'APPROVED' }),
    );
  });
});
