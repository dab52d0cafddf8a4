import { DomainError } from '@lookbook/kernel';
import { newTestService, TEST_MANAGER } from '@lookbook/testing';
import { LineageRepository } from '../lineage/lineage.repository';
import type { TemplateVersionEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { IpRepository } from './ip.repository';
import { SubgraphLocks } from './subgraph-locks.service';

const IP = { id: 'ip-1', ownerId: 'owner' };
const RIG = { id: 'rig', name: 'Harbour Cat rig', revision: 3, sha256: 'a'.repeat(64) };
const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );

function setUp() {
  const { sut, mock } = newTestService(SubgraphLocks);
  mock(IpRepository).lockSubgraphs.mockResolvedValue(undefined);
  mock(IpRepository).lockedBindings.mockResolvedValue([]);
  mock(LineageRepository).publishedByOthers.mockResolvedValue(null);
  mock(TemplateRepository).unhashedVersions.mockResolvedValue([]);
  return { sut, mock };
}

describe('who may lock a subgraph to an IP', () => {
  it('locks a definition nobody else published, serialised on its hash, after hashing old versions', async () => {
    const { sut, mock } = setUp();
    await expect(sut.assertMayLock(TEST_MANAGER, IP, 'original', RIG)).resolves.toBeUndefined();
    expect(mock(IpRepository).lockSubgraphs).toHaveBeenCalledWith(TEST_MANAGER, [RIG.sha256]);
    expect(mock(LineageRepository).publishedByOthers).toHaveBeenCalledWith(RIG.sha256, IP, 'original', TEST_MANAGER);
    expect(mock(TemplateRepository).unhashedVersions).toHaveBeenCalled();
  });

  it('the same IP may lock its definition again in another of its templates', async () => {
    const { sut, mock } = setUp();
    mock(IpRepository).lockedBindings.mockResolvedValue([
      { ipId: IP.id, ipName: 'Harbour Cat', subgraphName: RIG.name, templateId: 'first' },
    ]);
    await expect(sut.assertMayLock(TEST_MANAGER, IP, 'second', RIG)).resolves.toBeUndefined();
  });

  it('refuses a definition another IP locked, naming it', async () => {
    const { sut, mock } = setUp();
    mock(IpRepository).lockedBindings.mockResolvedValue([
      { ipId: 'ip-2', ipName: 'Dock Dogs', subgraphName: RIG.name, templateId: 'theirs' },
    ]);
    expect(await failure(sut.assertMayLock(TEST_MANAGER, IP, 'original', RIG))).toMatchObject({
      code: 'IP_SUBGRAPH_LOCKED_ELSEWHERE',
      message: expect.stringContaining('Dock Dogs'),
      details: { field: 'lockedSubgraphId', ip: 'Dock Dogs', subgraph: RIG.name },
    });
    expect(mock(LineageRepository).publishedByOthers).not.toHaveBeenCalled();
  });

  it.each([
    ['PUBLISHED', 'Cat rig by Sam', { template: 'Cat rig by Sam' }],
    // An unpublished template is not named (it is not public any more), but it was published first.
    ['UNPUBLISHED', null, {}],
  ])('refuses a definition someone else published (%s)', async (status, named, details) => {
    const { sut, mock } = setUp();
    mock(LineageRepository).publishedByOthers.mockResolvedValue({ templateId: 'x', name: 'Cat rig by Sam', status });
    const error = await failure(sut.assertMayLock(TEST_MANAGER, IP, 'original', RIG));
    expect(error).toMatchObject({
      code: 'IP_SUBGRAPH_PUBLISHED_BY_OTHERS',
      details: { subgraph: RIG.name, ...details },
    });
    if (named) expect(error!.message).toContain(named);
    else expect(error!.message).not.toContain('Cat rig by Sam');
  });
});

describe('hashing versions stored before hashes were kept', () => {
  const version = (id: string, uiWorkflow: object | null) =>
    ({
      id,
      uiWorkflow: uiWorkflow && JSON.stringify(uiWorkflow),
      apiPrompt: uiWorkflow ? null : JSON.stringify({ '1': {} }),
    }) as unknown as TemplateVersionEntity;
  const rig = (name: string) => ({
    version: 1,
    nodes: [],
    links: [],
    definitions: {
      subgraphs: [
        {
          id: `id-${name}`,
          revision: 1,
          name,
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
  });

  it('hashes every batch until none is left; an unreadable graph gets no hashes', async () => {
    const { sut, mock } = setUp();
    const full = Array.from({ length: 100 }, (_, i) => version(`v${i}`, null));
    mock(TemplateRepository)
      .unhashedVersions.mockResolvedValueOnce(full)
      .mockResolvedValueOnce([version('rigged', rig('A')), version('broken', { nodes: 'no' })]);
    mock(TemplateRepository).setSubgraphHashes.mockResolvedValue(undefined);
    await sut.hashStoredVersions();
    const calls = mock(TemplateRepository).setSubgraphHashes.mock.calls as [string, string[]][];
    expect(calls).toHaveLength(102);
    expect(calls.find(([id]) => id === 'rigged')![1]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(calls.find(([id]) => id === 'broken')![1]).toEqual([]);
    expect(mock(TemplateRepository).unhashedVersions).toHaveBeenCalledTimes(2);
  });
});
