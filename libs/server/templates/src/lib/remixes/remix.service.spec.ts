import { Clock, Notifier } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { anActor, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { IpRepository } from '../ips/ip.repository';
import { LineageRepository } from '../lineage/lineage.repository';
import type { RemixTerms } from '../lineage/remix-terms';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import { RemixService } from './remix.service';

const NOW = new Date('2026-03-01T00:00:00Z');
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
  mock(Clock).now.mockReturnValue(NOW);
  return { sut, mock };
}

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
    context.mock(LineageRepository).insertEdge.mockResolvedValue(undefined);
    context.mock(IpRepository).ipById.mockResolvedValue({ id: 'ip-1', ownerId: 'ip-owner', name: 'Zephyr' } as never);
    context.mock(Notifier).notify.mockResolvedValue(undefined);
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
    expect(mock(LineageRepository).insertEdge).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ childId: 'remix', parentId: 'original', status }),
    );
    expect(mock(TemplateRepository).insert).toHaveBeenCalledWith(
      expect.objectContaining({ ipId: parent.ipId, terms: parent.terms }),
      TEST_MANAGER,
    );
    // Only a remix waiting for a decision asks the IP owner, in the transaction that creates it.
    if (status === 'PENDING')
      expect(mock(Notifier).notify).toHaveBeenCalledWith(
        TEST_MANAGER,
        expect.objectContaining({
          recipientId: 'ip-owner',
          kind: 'REMIX_REQUEST',
          subjectId: 'remix',
          dedupeKey: 'templates.remix-request:remix',
        }),
      );
    else expect(mock(Notifier).notify).not.toHaveBeenCalled();
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
    expect(mock(LineageRepository).insertEdge).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({ status: 'APPROVED' }),
    );
  });

  it.each([-1, 10_001, 12.5, Number.NaN])(
    'refuses a share of %s basis points before reading anything',
    async (shareBps) => {
      const { sut, mock } = remixSetUp(template());
      expect((await failure(sut.remix(fan, 'original', { name: 'Night', shareBps })))?.code).toBe(
        'REMIX_INVALID_SHARE',
      );
      expect(mock(TemplateRepository).byId).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['no such template', null, [{ id: 'v1', status: 'PUBLISHED' }], template()],
    ['a draft', template({ status: 'DRAFT' }), [{ id: 'v1', status: 'PUBLISHED' }], template()],
    ['a taken-down template', template({ status: 'TAKEN_DOWN' }), [{ id: 'v1', status: 'PUBLISHED' }], template()],
    ['a template without a published version', template(), [{ id: 'v1', status: 'DRAFT' }], template()],
    // Unpublished between the first read and the lock: seen under the lock, nothing written.
    [
      'a template unpublished meanwhile',
      template(),
      [{ id: 'v1', status: 'PUBLISHED' }],
      template({ status: 'UNPUBLISHED' }),
    ],
  ])('refuses to remix %s, writing nothing', async (_what, first, versions, locked) => {
    const { sut, mock } = remixSetUp(template());
    mock(TemplateRepository).byId.mockResolvedValue(first);
    mock(TemplateRepository).versionsOf.mockResolvedValue(versions as never);
    mock(TemplateRepository).lock.mockResolvedValue(locked);
    expect((await failure(sut.remix(fan, 'original', { name: 'Night', shareBps: 1000 })))?.code).toBe(
      'REMIX_PARENT_NOT_PUBLISHED',
    );
    expect(mock(TemplateRepository).insert).not.toHaveBeenCalled();
    expect(mock(LineageRepository).insertEdge).not.toHaveBeenCalled();
  });

  it('copies the newest published version, takes the required tags, and passes the declared share up', async () => {
    const parent = template({
      ipId: 'ip-1',
      terms: { ...TERMS, requiredTags: ['harbour cats'], approval: 'AUTOMATIC' },
    });
    const { sut, mock } = remixSetUp(parent);
    mock(TemplateRepository).versionsOf.mockResolvedValue([
      { id: 'draft', status: 'DRAFT' },
      { id: 'v3', status: 'PUBLISHED' },
      { id: 'v2', status: 'PUBLISHED' },
    ] as never);
    await sut.remix(fan, 'original', { name: 'Night', shareBps: 2500 });
    expect(mock(TemplateRepository).copyVersion).toHaveBeenCalledWith(TEST_MANAGER, 'v3', {
      id: expect.any(String),
      templateId: 'remix',
      at: NOW,
    });
    expect(mock(TemplateRepository).insert).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'remix', ownerId: 'fan', tags: ['harbour cats'], ipId: 'ip-1' }),
      TEST_MANAGER,
    );
    expect(mock(LineageRepository).insertEdge).toHaveBeenCalledWith(TEST_MANAGER, {
      childId: 'remix',
      parentId: 'original',
      relation: 'REMIX',
      shareBps: 2500,
      status: 'APPROVED',
      createdAt: NOW,
    });
  });
});
