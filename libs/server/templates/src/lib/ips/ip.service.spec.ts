import { Clock } from '@lookbook/core';
import { ConflictError, DomainError } from '@lookbook/kernel';
import { anActor, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { LineageRepository } from '../lineage/lineage.repository';
import type { RemixTerms } from '../lineage/remix-terms';
import type { TemplateEntity, TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import type { IntellectualPropertyEntity } from './ip.entity';
import { IpRepository } from './ip.repository';
import { IpService } from './ip.service';
import { SubgraphLocks } from './subgraph-locks.service';

const NOW = new Date('2026-03-01T00:00:00Z');
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
  const { sut, mock } = newTestService(IpService);
  mock(TemplateRepository).transaction.mockImplementation((work: (tx: typeof TEST_MANAGER) => unknown) =>
    Promise.resolve(work(TEST_MANAGER)),
  );
  mock(Clock).now.mockReturnValue(NOW);
  mock(IpRepository).ipById.mockResolvedValue({ id: 'ip-1', ownerId: 'owner' } as IntellectualPropertyEntity);
  mock(LineageRepository).parentsOf.mockResolvedValue([]);
  mock(IpRepository).bind.mockResolvedValue(undefined);
  mock(LineageRepository).joinIp.mockResolvedValue(undefined);
  mock(TemplateRepository).lock.mockResolvedValue(template());
  mock(TemplateRepository).byId.mockResolvedValue(template());
  mock(TemplateRepository).versionsOf.mockResolvedValue([
    { id: 'v2', uiWorkflow: null, apiPrompt: '{}', slots: [slot('seed'), slot('prompt'), slot('steps')] },
  ] as unknown as TemplateVersionEntity[]);
  return { sut, mock };
}

describe('registering an IP', () => {
  it.each([
    ['a franchise', 'Harbour Cats', 'FRANCHISE', 'Harbour Cats'],
    ['a character, its name trimmed', '  Maya  ', 'CHARACTER', 'Maya'],
    ['a name of 120 characters', '猫'.repeat(120), 'CHARACTER', '猫'.repeat(120)],
  ])('registers %s, owned by the actor', async (_what, name, kind, stored) => {
    const { sut, mock } = setUp();
    mock(IpRepository).insertIp.mockResolvedValue(undefined);
    const ip = await sut.register(owner, { name, kind, description: 'A harbour\nof cats' });
    expect(ip).toMatchObject({
      ownerId: 'owner',
      name: stored,
      kind,
      description: 'A harbour\nof cats',
      createdAt: NOW,
    });
    expect(mock(IpRepository).insertIp).toHaveBeenCalledWith(ip);
  });

  it.each([
    ['an empty name', '', 'FRANCHISE'],
    ['a name of 121 characters', 'x'.repeat(121), 'FRANCHISE'],
    ['an unknown kind', 'Harbour Cats', 'SPACESHIP'],
  ])('refuses %s, storing nothing', async (_what, name, kind) => {
    const { sut, mock } = setUp();
    expect((await failure(sut.register(owner, { name, kind })))?.code).toBe('IP_INVALID');
    expect(mock(IpRepository).insertIp).not.toHaveBeenCalled();
  });

  it('keeps at most 5,000 characters of a description', async () => {
    const { sut, mock } = setUp();
    mock(IpRepository).insertIp.mockResolvedValue(undefined);
    const ip = await sut.register(owner, { name: 'Harbour Cats', kind: 'FRANCHISE', description: 'y'.repeat(6000) });
    expect(ip.description).toHaveLength(5000);
  });
});

describe('who may bind', () => {
  it.each([
    ['no such IP', () => null, template(), [], 'IP_NOT_FOUND'],
    ['someone else’s IP', () => ({ id: 'ip-1', ownerId: 'fan' }), template(), [], 'IP_NOT_OWNER'],
    [
      'someone else’s template',
      () => ({ id: 'ip-1', ownerId: 'owner' }),
      template({ ownerId: 'fan' }),
      [],
      'TEMPLATE_NOT_FOUND',
    ],
    [
      'a template already bound',
      () => ({ id: 'ip-1', ownerId: 'owner' }),
      template({ ipId: 'ip-0' }),
      [],
      'TEMPLATE_ALREADY_BOUND',
    ],
    ['a remix', () => ({ id: 'ip-1', ownerId: 'owner' }), template(), [{ parentId: 'p' }], 'TEMPLATE_IS_REMIX'],
  ])('refuses %s, binding nothing', async (_what, ip, locked, parents, code) => {
    const { sut, mock } = setUp();
    mock(IpRepository).ipById.mockResolvedValue(ip() as IntellectualPropertyEntity | null);
    mock(TemplateRepository).lock.mockResolvedValue(locked);
    mock(LineageRepository).parentsOf.mockResolvedValue(parents as never);
    expect((await failure(sut.bind(owner, 'original', 'ip-1', TERMS)))?.code).toBe(code);
    expect(mock(IpRepository).bind).not.toHaveBeenCalled();
    expect(mock(LineageRepository).joinIp).not.toHaveBeenCalled();
  });

  it('binds with the checked terms, then takes the remixes below into the IP, at one instant', async () => {
    const { sut, mock } = setUp();
    const bound = template({ ipId: 'ip-1', terms: TERMS });
    mock(TemplateRepository).byId.mockResolvedValue(bound);
    await expect(sut.bind(owner, 'original', 'ip-1', { ...TERMS, requiredTags: ['  Harbour  Cats'] })).resolves.toBe(
      bound,
    );
    expect(mock(IpRepository).bind).toHaveBeenCalledWith(
      TEST_MANAGER,
      {
        templateId: 'original',
        ipId: 'ip-1',
        terms: { ...TERMS, requiredTags: ['harbour cats'] },
        lockedSubgraph: null,
      },
      NOW,
    );
    expect(mock(LineageRepository).joinIp).toHaveBeenCalledWith(TEST_MANAGER, 'original', 'ip-1', NOW);
  });
});

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
    // When the rules allow it, the lock is stored with the binding.
    mock(SubgraphLocks).assertMayLock.mockResolvedValue(undefined);
    await sut.bind(owner, 'original', 'ip-1', terms, 'rig');
    expect(mock(IpRepository).bind).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ lockedSubgraph: expect.objectContaining({ id: 'rig', name: 'Harbour Cat rig' }) }),
      NOW,
    );
  });
});

describe('unbinding', () => {
  it('releases the binding for the IP owner and reports what left the IP', async () => {
    const { sut, mock } = setUp();
    mock(IpRepository).bindingsOf.mockResolvedValue([
      { templateId: 'original', ipId: 'ip-1', lockedSubgraph: null, boundAt: new Date() },
    ]);
    mock(IpRepository).unbind.mockResolvedValue(undefined);
    mock(LineageRepository).leaveIp.mockResolvedValue({ releasedRemixes: 4, approvedRemixes: 1 });
    await expect(sut.unbind(owner, 'original')).resolves.toMatchObject({ releasedRemixes: 4, approvedRemixes: 1 });
    expect(mock(IpRepository).unbind).toHaveBeenCalledWith(TEST_MANAGER, 'original', 'ip-1');
    // The binding goes first, then the template and its remixes leave the IP, in the same transaction.
    expect(mock(LineageRepository).leaveIp).toHaveBeenCalledWith(TEST_MANAGER, 'original', 'ip-1', NOW);
    expect(mock(IpRepository).unbind.mock.invocationCallOrder[0]).toBeLessThan(
      mock(LineageRepository).leaveIp.mock.invocationCallOrder[0]!,
    );
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
    expect(mock(LineageRepository).leaveIp).not.toHaveBeenCalled();
  });
});
