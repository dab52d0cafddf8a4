import { createHash } from 'node:crypto';
import type { ParameterSlot } from '@lookbook/comfyui';
import { Clock } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { PublicMedia } from '@lookbook/storage';
import { anActor, newTestService, pngWithText, TEST_MANAGER } from '@lookbook/testing';
import type { IntellectualPropertyEntity } from '../ips/ip.entity';
import { IpRepository } from '../ips/ip.repository';
import type { LineageEdge } from '../lineage/lineage-edge';
import { LineageRepository } from '../lineage/lineage.repository';
import type { RemixTerms } from '../lineage/remix-terms';
import type { TemplateEntity, TemplateVersionEntity } from './template.entity';
import { TemplateRepository } from './template.repository';
import { MAX_TEMPLATE_VERSIONS, TemplateService } from './template.service';

const NOW = new Date('2026-03-01T00:00:00Z');
const creator = anActor('creator');
const ipOwner = anActor('ip-owner');
const stranger = anActor('stranger');

/** A small txt2img graph as an API prompt: a checkpoint, a prompt and a sampler. */
const PROMPT = {
  '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl/base.safetensors' } },
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a harbour at dusk', clip: ['4', 1] } },
  '3': {
    class_type: 'KSampler',
    inputs: { seed: 42, steps: 20, cfg: 7.5, sampler_name: 'euler', scheduler: 'normal', denoise: 1, model: ['4', 0] },
  },
};
const PROMPT_TEXT = JSON.stringify(PROMPT);
const SEED: ParameterSlot = { key: 'seed', nodeId: '3', widget: 'seed', label: 'Seed', type: 'SEED', default: 42 };
const STEPS: ParameterSlot = {
  key: 'steps',
  nodeId: '3',
  widget: 'steps',
  label: 'Steps',
  type: 'INTEGER',
  default: 20,
};
const TEXT: ParameterSlot = {
  key: 'prompt',
  nodeId: '6',
  widget: 'text',
  label: 'Prompt',
  type: 'TEXT',
  default: 'a harbour at dusk',
};
/** A UI workflow holding one subgraph definition (a character rig an IP may lock). */
const RIGGED = JSON.stringify({
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
});
const TERMS: RemixTerms = {
  remixAllowed: true,
  changeableSlots: ['prompt'],
  allowedUses: ['COMMERCIAL', 'PERSONAL'],
  attribution: ['Harbour Cats © Harbour Studio'],
  ipShareBps: 1500,
  maxMaturity: 'SFW',
  requiredTags: ['harbour cats'],
  approval: 'MANUAL',
};

const template = (change: Partial<TemplateEntity> = {}) =>
  ({
    id: 't',
    ownerId: 'creator',
    status: 'PUBLISHED',
    ipId: null,
    terms: null,
    tags: [],
    maturity: 'SFW',
    ...change,
  }) as TemplateEntity;
const version = (change: Partial<TemplateVersionEntity> = {}) =>
  ({
    id: 'v',
    templateId: 't',
    status: 'DRAFT',
    uiWorkflow: null,
    apiPrompt: PROMPT_TEXT,
    slots: [SEED],
    subgraphSha256s: [],
    ...change,
  }) as TemplateVersionEntity;
const parentEdge = (status: LineageEdge['status']): LineageEdge => ({
  childId: 't',
  parentId: 'parent',
  relation: 'REMIX',
  shareBps: 1000,
  status,
  createdAt: NOW,
});
const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof DomainError) return error;
      throw error;
    },
  );

function setUp() {
  const { sut, mock } = newTestService(TemplateService);
  mock(Clock).now.mockReturnValue(NOW);
  mock(TemplateRepository).transaction.mockImplementation((work: (tx: typeof TEST_MANAGER) => unknown) =>
    Promise.resolve(work(TEST_MANAGER)),
  );
  mock(TemplateRepository).slugTaken.mockResolvedValue(false);
  mock(TemplateRepository).insert.mockResolvedValue(undefined);
  return { sut, mock };
}

describe('creating a template', () => {
  it.each([
    ['Harbour Cats at Dusk!', 'harbour-cats-at-dusk'],
    ['Café Noir', 'cafe-noir'],
    ['  ComfyUI: SDXL → Flux  ', 'comfyui-sdxl-flux'],
    ['猫', 'template'],
    [`${'a'.repeat(59)} b`, 'a'.repeat(59)],
  ])('%j gets the slug %j', async (name, slug) => {
    const { sut, mock } = setUp();
    const made = await sut.create(creator, { name });
    expect(made).toMatchObject({ slug, ownerId: 'creator', status: 'DRAFT', maturity: 'SFW', terms: null, ipId: null });
    expect(mock(TemplateRepository).insert).toHaveBeenCalledWith(made);
  });

  it('takes the first free slug, numbering from 2', async () => {
    const { sut, mock } = setUp();
    const taken = new Set(['harbour-cats', 'harbour-cats-2', 'harbour-cats-3']);
    mock(TemplateRepository).slugTaken.mockImplementation((slug) => Promise.resolve(taken.has(slug)));
    expect((await sut.create(creator, { name: 'Harbour Cats' })).slug).toBe('harbour-cats-4');
    expect((await sut.create(creator, { name: 'Harbour Dogs' })).slug).toBe('harbour-dogs');
  });

  it('normalises tags and keeps the description as written', async () => {
    const { sut } = setUp();
    const made = await sut.create(creator, {
      name: 'Harbour Cats',
      description: 'Line one\nline two',
      tags: ['  Harbour   Cats ', 'harbour cats', 'SDXL'],
    });
    expect(made).toMatchObject({ description: 'Line one\nline two', tags: ['harbour cats', 'sdxl'] });
  });

  it.each([
    ['an empty name', { name: '   ' }, 'TEMPLATE_INVALID_NAME'],
    ['a name of 121 characters', { name: 'x'.repeat(121) }, 'TEMPLATE_INVALID_NAME'],
    ['a name with a line break', { name: 'Harbour\nCats' }, 'INVALID_TEXT'],
    [
      'a description over 10,000 characters',
      { name: 'ok', description: 'y'.repeat(10_001) },
      'TEMPLATE_INVALID_DESCRIPTION',
    ],
    ['21 tags', { name: 'ok', tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'TEMPLATE_INVALID_TAGS'],
    ['a tag with markup', { name: 'ok', tags: ['<b>'] }, 'TEMPLATE_INVALID_TAGS'],
  ])('refuses %s, storing nothing', async (_what, input, code) => {
    const { sut, mock } = setUp();
    expect((await failure(sut.create(creator, input)))?.code).toBe(code);
    expect(mock(TemplateRepository).insert).not.toHaveBeenCalled();
  });
});

describe('who sees a template and its versions', () => {
  function visibilitySetUp(found: TemplateEntity | null, foundVersion: TemplateVersionEntity | null = null) {
    const context = setUp();
    context.mock(TemplateRepository).byId.mockResolvedValue(found);
    context.mock(TemplateRepository).versionById.mockResolvedValue(foundVersion);
    context
      .mock(IpRepository)
      .ipById.mockResolvedValue({ id: 'ip-1', ownerId: 'ip-owner' } as IntellectualPropertyEntity);
    return context;
  }
  const viewers = { anonymous: undefined, stranger, creator, 'IP owner': ipOwner };

  it.each([
    ['a published template', template(), ['anonymous', 'stranger', 'creator', 'IP owner']],
    ['a draft', template({ status: 'DRAFT' }), ['creator']],
    ['a draft remix in an IP', template({ status: 'DRAFT', ipId: 'ip-1' }), ['creator', 'IP owner']],
    ['a taken-down template in an IP', template({ status: 'TAKEN_DOWN', ipId: 'ip-1' }), ['creator', 'IP owner']],
  ])('%s: seen by %j, "not found" for the others', async (_what, found, seenBy) => {
    for (const [who, viewer] of Object.entries(viewers)) {
      const { sut } = visibilitySetUp(found);
      const outcome = await failure(sut.visible(viewer, 't'));
      expect([who, outcome?.code ?? 'SEEN']).toEqual([who, seenBy.includes(who) ? 'SEEN' : 'TEMPLATE_NOT_FOUND']);
    }
  });

  it.each([
    [
      'a published version of a published template',
      template(),
      version({ status: 'PUBLISHED' }),
      ['anonymous', 'stranger', 'creator'],
    ],
    ['a draft version', template(), version(), ['creator']],
    [
      'a published version of an unpublished template',
      template({ status: 'UNPUBLISHED' }),
      version({ status: 'PUBLISHED' }),
      ['creator'],
    ],
    ['a version whose template is gone', null, version({ status: 'PUBLISHED' }), []],
    ['no such version', template(), null, []],
  ])('%s: seen by %j', async (_what, found, foundVersion, seenBy) => {
    for (const who of ['anonymous', 'stranger', 'creator'] as const) {
      const seen: readonly string[] = seenBy;
      const { sut } = visibilitySetUp(found, foundVersion);
      const outcome = await failure(sut.visibleVersion(viewers[who], 'v'));
      expect([who, outcome?.code ?? 'SEEN']).toEqual([who, seen.includes(who) ? 'SEEN' : 'TEMPLATE_VERSION_NOT_FOUND']);
    }
  });

  it('lists drafts to the owner and the IP owner only', async () => {
    const all = [version({ id: 'draft' }), version({ id: 'pub', status: 'PUBLISHED' })];
    for (const [viewer, ids] of [
      [creator, ['draft', 'pub']],
      [ipOwner, ['draft', 'pub']],
      [stranger, ['pub']],
      [undefined, ['pub']],
    ] as const) {
      const { sut, mock } = visibilitySetUp(null);
      mock(TemplateRepository).versionsOf.mockResolvedValue(all);
      const seen = await sut.versions(viewer, { id: 't', ownerId: 'creator', ipId: 'ip-1' });
      expect(seen.map((v) => v.id)).toEqual(ids);
    }
  });
});

describe('importing a workflow as a draft version', () => {
  function importSetUp(found: TemplateEntity | null = template({ status: 'DRAFT' }), versions = 0) {
    const context = setUp();
    context.mock(TemplateRepository).lock.mockResolvedValue(found);
    context.mock(TemplateRepository).countVersions.mockResolvedValue(versions);
    context.mock(TemplateRepository).insertVersion.mockResolvedValue(undefined);
    context.mock(IpRepository).lockedBindings.mockResolvedValue([]);
    context.mock(TemplateRepository).unreferencedMediaKeys.mockResolvedValue([]);
    return context;
  }
  const stored = (mock: ReturnType<typeof setUp>['mock']) => mock(TemplateRepository).insertVersion.mock.calls[0]![1];

  it('stores the prompt exactly, its lockfile and hash, and numbers the label', async () => {
    const { sut, mock } = importSetUp(template({ status: 'DRAFT' }), 2);
    const bytes = Buffer.from(PROMPT_TEXT);
    const made = await sut.importVersion(creator, 't', bytes);
    expect(made).toBe(stored(mock));
    expect(made).toMatchObject({
      templateId: 't',
      label: 'v3',
      status: 'DRAFT',
      apiPrompt: PROMPT_TEXT,
      uiWorkflow: null,
      // An API prompt has no App Mode: the author marks slots.
      slots: [],
      sourceSha256: createHash('sha256').update(bytes).digest('hex'),
      subgraphSha256s: [],
      createdAt: NOW,
      publishedAt: null,
    });
    expect(made.lockfile.models).toEqual([
      expect.objectContaining({ slot: '4.ckpt_name', name: 'sdxl/base.safetensors' }),
    ]);
    // A JSON file is no image: nothing is stored in public media.
    expect(mock(TemplateRepository).insertVersion).toHaveBeenCalledWith(TEST_MANAGER, made);
  });

  it('keeps a given label, on one line and at most 40 characters', async () => {
    const { sut } = importSetUp();
    expect((await sut.importVersion(creator, 't', Buffer.from(PROMPT_TEXT), 'Dusk edition')).label).toBe(
      'Dusk edition',
    );
    expect((await sut.importVersion(creator, 't', Buffer.from(PROMPT_TEXT), 'z'.repeat(50))).label).toBe(
      'z'.repeat(40),
    );
  });

  it('hashes the subgraphs it holds, and refuses one locked to another IP, naming it', async () => {
    const { sut, mock } = importSetUp();
    await sut.importVersion(creator, 't', Buffer.from(RIGGED));
    const hashes = stored(mock).subgraphSha256s!;
    expect(hashes).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(mock(IpRepository).lockedBindings).toHaveBeenCalledWith(hashes, TEST_MANAGER);

    mock(IpRepository).lockedBindings.mockResolvedValue([
      { ipId: 'ip-9', ipName: 'Harbour Cats', subgraphName: 'Harbour Cat rig', templateId: 'theirs' },
    ]);
    mock(TemplateRepository).insertVersion.mockClear();
    expect(await failure(sut.importVersion(creator, 't', Buffer.from(RIGGED)))).toMatchObject({
      code: 'TEMPLATE_USES_LOCKED_IP',
      details: { ip: 'Harbour Cats', subgraph: 'Harbour Cat rig' },
    });
    expect(mock(TemplateRepository).insertVersion).not.toHaveBeenCalled();
    // A template of that IP may carry it.
    mock(TemplateRepository).lock.mockResolvedValue(template({ status: 'DRAFT', ipId: 'ip-9' }));
    await expect(sut.importVersion(creator, 't', Buffer.from(RIGGED))).resolves.toBeDefined();
  });

  it.each([
    ['no such template', null, 0, 'TEMPLATE_NOT_FOUND'],
    ['someone else’s template', template({ ownerId: 'stranger' }), 0, 'TEMPLATE_NOT_OWNER'],
    ['a template with the most versions', template(), MAX_TEMPLATE_VERSIONS, 'TEMPLATE_TOO_MANY_VERSIONS'],
  ])('refuses %s, storing nothing', async (_what, found, versions, code) => {
    const { sut, mock } = importSetUp(found, versions);
    expect((await failure(sut.importVersion(creator, 't', Buffer.from(PROMPT_TEXT))))?.code).toBe(code);
    expect(mock(TemplateRepository).insertVersion).not.toHaveBeenCalled();
  });

  it('an image ComfyUI saved becomes the first sample image; on a refusal, media no image names is removed', async () => {
    const { sut, mock } = importSetUp();
    const png = await pngWithText(64, 48, { prompt: PROMPT_TEXT });
    let n = 0;
    mock(PublicMedia).put.mockImplementation(() => Promise.resolve(`templates/key-${(n += 1)}`));
    mock(TemplateRepository).insertImages.mockResolvedValue(undefined);
    const made = await sut.importVersion(creator, 't', png);
    expect(made.apiPrompt).toBe(PROMPT_TEXT);
    expect(mock(TemplateRepository).insertImages).toHaveBeenCalledWith(TEST_MANAGER, [
      expect.objectContaining({
        versionId: made.id,
        contentType: 'image/png',
        width: 64,
        height: 48,
        // Content-addressed: the key is the bytes' hash, whatever the storage answers.
        storageKey: expect.stringMatching(/[0-9a-f]{64}\.png$/),
        thumbnails: [expect.objectContaining({ width: 64, height: 48 })],
      }),
    ]);
    const keys = mock(PublicMedia).put.mock.calls.length;
    expect(keys).toBeGreaterThan(1); // the original and its thumbnails

    // Refused after the media was stored: only keys no other template image names are deleted.
    mock(TemplateRepository).lock.mockResolvedValue(template({ ownerId: 'stranger' }));
    mock(TemplateRepository).unreferencedMediaKeys.mockResolvedValue(['templates/key-3']);
    mock(PublicMedia).delete.mockResolvedValue(undefined);
    expect((await failure(sut.importVersion(creator, 't', png)))?.code).toBe('TEMPLATE_NOT_OWNER');
    expect(mock(TemplateRepository).unreferencedMediaKeys).toHaveBeenLastCalledWith(
      Array.from({ length: keys }, (_, i) => `templates/key-${keys + i + 1}`),
    );
    expect(mock(PublicMedia).delete.mock.calls).toEqual([['templates/key-3']]);
  });

  it('refuses a file that is no workflow before opening a transaction', async () => {
    const { sut, mock } = importSetUp();
    expect(await failure(sut.importVersion(creator, 't', Buffer.from('{"nodes": "not a graph"')))).toBeDefined();
    expect(mock(TemplateRepository).transaction).not.toHaveBeenCalled();
    expect(mock(PublicMedia).put).not.toHaveBeenCalled();
  });
});

describe('changing a draft', () => {
  function draftSetUp(
    found: TemplateVersionEntity,
    owner = template({ status: 'DRAFT' }),
    parents: LineageEdge[] = [],
  ) {
    const context = setUp();
    context.mock(TemplateRepository).versionById.mockResolvedValue(found);
    context.mock(TemplateRepository).lock.mockResolvedValue(owner);
    context.mock(TemplateRepository).setSlots.mockResolvedValue(undefined);
    context.mock(LineageRepository).parentsOf.mockResolvedValue(parents);
    return context;
  }

  it('stores slots checked against the workflow', async () => {
    const { sut, mock } = draftSetUp(version());
    await sut.setSlots(creator, 'v', [SEED, { ...TEXT, label: '  ' }]);
    expect(mock(TemplateRepository).setSlots).toHaveBeenCalledWith(TEST_MANAGER, 'v', [
      SEED,
      // A blank label becomes the widget's name.
      { ...TEXT, label: 'text' },
    ]);
  });

  it.each([
    ['a widget the node does not have', [{ ...SEED, widget: 'sigma' }]],
    ['a slot of the wrong type', [{ ...TEXT, type: 'BOOLEAN' as const, default: true }]],
    ['one key twice', [SEED, { ...STEPS, key: 'seed' }]],
  ])('refuses %s, storing nothing', async (_what, slots) => {
    const { sut, mock } = draftSetUp(version());
    expect(await failure(sut.setSlots(creator, 'v', slots))).toBeInstanceOf(DomainError);
    expect(mock(TemplateRepository).setSlots).not.toHaveBeenCalled();
  });

  it.each([
    ['a published version', version({ status: 'PUBLISHED' }), template(), 'TEMPLATE_VERSION_PUBLISHED'],
    ['someone else’s draft', version(), template({ ownerId: 'stranger' }), 'TEMPLATE_VERSION_NOT_FOUND'],
  ])('refuses to change %s', async (_what, found, owner, code) => {
    const { sut, mock } = draftSetUp(found, owner);
    expect((await failure(sut.setSlots(creator, 'v', [SEED])))?.code).toBe(code);
    expect(mock(TemplateRepository).setSlots).not.toHaveBeenCalled();
  });

  it('a remix changes only the slots its terms leave open (a locked slot keeps its value, and stays)', async () => {
    const remix = template({ status: 'DRAFT', ipId: 'ip-1', terms: TERMS, tags: ['harbour cats'] });
    const current = version({ slots: [SEED, TEXT] });
    const { sut, mock } = draftSetUp(current, remix, [parentEdge('APPROVED')]);
    await sut.setSlots(creator, 'v', [SEED, { ...TEXT, default: 'a cat on a roof', label: 'Your prompt' }]);
    expect(mock(TemplateRepository).setSlots).toHaveBeenCalledTimes(1);
    for (const changed of [[{ ...SEED, default: 7 }, TEXT], [TEXT], [SEED, TEXT, STEPS]]) {
      mock(TemplateRepository).setSlots.mockClear();
      expect((await failure(sut.setSlots(creator, 'v', changed)))?.code).toBe('REMIX_SLOT_LOCKED');
      expect(mock(TemplateRepository).setSlots).not.toHaveBeenCalled();
    }
    // The same change on an original (no parent) is the author's own business.
    mock(LineageRepository).parentsOf.mockResolvedValue([]);
    await sut.setSlots(creator, 'v', [TEXT]);
  });
});

describe('publishing a draft', () => {
  function publishSetUp(
    found = version(),
    owner = template({ status: 'DRAFT' }),
    parents: LineageEdge[] = [],
    parent: TemplateEntity | null = template({ id: 'parent' }),
  ) {
    const context = setUp();
    context.mock(TemplateRepository).versionById.mockResolvedValue(found);
    context.mock(TemplateRepository).lock.mockResolvedValue(owner);
    context.mock(TemplateRepository).byId.mockResolvedValue(parent);
    context.mock(TemplateRepository).publish.mockResolvedValue(undefined);
    context.mock(LineageRepository).parentsOf.mockResolvedValue(parents);
    context.mock(IpRepository).lockSubgraphs.mockResolvedValue(undefined);
    context.mock(IpRepository).lockedBindings.mockResolvedValue([]);
    return context;
  }

  it('publishes, after serialising on the subgraphs it holds', async () => {
    const { sut, mock } = publishSetUp(version({ subgraphSha256s: ['a'.repeat(64)] }));
    await sut.publish(creator, 'v');
    expect(mock(IpRepository).lockSubgraphs).toHaveBeenCalledWith(TEST_MANAGER, ['a'.repeat(64)]);
    expect(mock(TemplateRepository).publish).toHaveBeenCalledWith(TEST_MANAGER, 't', 'v', NOW);
    expect(mock(IpRepository).lockSubgraphs.mock.invocationCallOrder[0]).toBeLessThan(
      mock(IpRepository).lockedBindings.mock.invocationCallOrder[0]!,
    );
  });

  it('hashes a version stored before hashes were kept', async () => {
    const { sut, mock } = publishSetUp(
      version({ uiWorkflow: RIGGED, apiPrompt: null, slots: [], subgraphSha256s: null }),
    );
    // No slots in a rig-only graph: refused, but only after the lock check saw its hash.
    expect((await failure(sut.publish(creator, 'v')))?.code).toBe('TEMPLATE_NO_SLOTS');
    mock(TemplateRepository).versionById.mockResolvedValue(
      version({ uiWorkflow: RIGGED, apiPrompt: PROMPT_TEXT, subgraphSha256s: null }),
    );
    mock(IpRepository).lockedBindings.mockResolvedValue([
      { ipId: 'ip-9', ipName: 'Harbour Cats', subgraphName: 'Harbour Cat rig', templateId: 'theirs' },
    ]);
    expect((await failure(sut.publish(creator, 'v')))?.code).toBe('TEMPLATE_USES_LOCKED_IP');
    expect(mock(IpRepository).lockSubgraphs).toHaveBeenCalledWith(TEST_MANAGER, [
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect(mock(TemplateRepository).publish).not.toHaveBeenCalled();
  });

  it.each([
    ['a version without slots', version({ slots: [] }), [], template({ id: 'parent' }), 'TEMPLATE_NO_SLOTS'],
    [
      'a remix waiting for approval',
      version(),
      [parentEdge('PENDING')],
      template({ id: 'parent' }),
      'REMIX_PENDING_APPROVAL',
    ],
    ['a rejected remix', version(), [parentEdge('REJECTED')], template({ id: 'parent' }), 'REMIX_REJECTED'],
    [
      'a remix whose parent was unpublished',
      version(),
      [parentEdge('APPROVED')],
      template({ id: 'parent', status: 'UNPUBLISHED' }),
      'REMIX_PARENT_NOT_PUBLISHED',
    ],
    ['a remix whose parent is gone', version(), [parentEdge('APPROVED')], null, 'REMIX_PARENT_NOT_PUBLISHED'],
    [
      'a published version',
      version({ status: 'PUBLISHED' }),
      [],
      template({ id: 'parent' }),
      'TEMPLATE_VERSION_PUBLISHED',
    ],
  ])('refuses %s', async (_what, found, parents, parent, code) => {
    const { sut, mock } = publishSetUp(found, template({ status: 'DRAFT' }), parents, parent);
    expect((await failure(sut.publish(creator, 'v')))?.code).toBe(code);
    expect(mock(TemplateRepository).publish).not.toHaveBeenCalled();
  });

  it('a remix is published only within its terms (the tags they require)', async () => {
    const remix = template({ status: 'DRAFT', ipId: 'ip-1', terms: TERMS, tags: [] });
    const { sut, mock } = publishSetUp(version(), remix, [parentEdge('APPROVED')]);
    expect((await failure(sut.publish(creator, 'v')))?.code).toBe('REMIX_MISSING_TAGS');
    mock(TemplateRepository).lock.mockResolvedValue({ ...remix, tags: ['harbour cats'] });
    await sut.publish(creator, 'v');
    expect(mock(TemplateRepository).publish).toHaveBeenCalledTimes(1);
  });
});

describe('rendering', () => {
  it('sets the given values, keeps the others, and only for a version the viewer may see', async () => {
    const { sut, mock } = setUp();
    mock(TemplateRepository).versionById.mockResolvedValue(version({ status: 'PUBLISHED', slots: [SEED, TEXT] }));
    mock(TemplateRepository).byId.mockResolvedValue(template());
    const rendered = await sut.render(undefined, 'v', { seed: 7n, prompt: 'a cat on a roof' });
    expect(rendered.workflow).toBeNull();
    const prompt = JSON.parse(rendered.prompt!) as typeof PROMPT;
    expect(prompt['3'].inputs).toMatchObject({ seed: 7, steps: 20 });
    expect(prompt['6'].inputs.text).toBe('a cat on a roof');
    mock(TemplateRepository).byId.mockResolvedValue(template({ status: 'DRAFT' }));
    expect((await failure(sut.render(undefined, 'v', {})))?.code).toBe('TEMPLATE_VERSION_NOT_FOUND');
  });
});
