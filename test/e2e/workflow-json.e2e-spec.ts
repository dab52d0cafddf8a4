import request from 'supertest';
import {
  PROMOTED_WIDGETS_PROMPT,
  PROMOTED_WIDGETS_WORKFLOW,
  recursiveSubgraphWorkflow,
} from '@lookbook/comfyui/testing';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, pngWithText } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const CREATE = `mutation($i: CreateTemplateInput!) { createTemplate(input: $i) { id } }`;
const SLOT_FIELDS = `key nodeId widget label type default min max options pattern maxLength`;
const VERSION = `query($id: UUID!) { templateVersion(id: $id) { id status slots { ${SLOT_FIELDS} } suggestedSlots { ${SLOT_FIELDS} } } }`;
const SLOTS = `mutation($v: UUID!, $s: [TemplateSlotInput!]!) { setTemplateSlots(versionId: $v, slots: $s) { id slots { key default } } }`;
const PUBLISH = `mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id status } }`;
const RENDER = `query($v: UUID!, $p: [TemplateParamInput!]) { renderTemplate(versionId: $v, params: $p) { workflow prompt } }`;
const VERSIONS = `query($id: UUID!) { template(id: $id) { versions { id } } }`;

interface Slot {
  key: string;
  nodeId: string;
  widget: string;
  label: string;
  type: string;
  default: string;
  min: number | null;
  max: number | null;
  options: string[] | null;
  pattern: string | null;
  maxLength: number | null;
}

/** A plain txt2img graph as text: a 64-bit seed, and unknown keys holding numbers JavaScript cannot round-trip. */
const BIG_SEED_WORKFLOW = `{
  "last_node_id": 9,
  "nodes": [
    { "id": 6, "type": "CLIPTextEncode", "widgets_values": ["a lighthouse at dusk"], "futureKey": { "n": 1e400 } },
    {
      "id": 3,
      "type": "KSampler",
      "inputs": [{ "name": "positive", "type": "CONDITIONING", "link": 1 }],
      "widgets_values": [18446744073709551615, "randomize", 20, 8.0, "euler", "normal", 1.0]
    }
  ],
  "links": [[1, 6, 0, 3, 1, "CONDITIONING"]],
  "extra": { "probe": [18446744073709551615, -0, 1.0, 0.1000000000000000055511151231257827], "ds": { "scale": 1 } },
  "version": 0.4
}`;

/**
 * Workflow JSON over HTTP without surprises: text no database or reader takes is a typed 400 that stores nothing,
 * every digit of a 64-bit seed survives import, slots, publishing and rendering (and so does every unknown key),
 * recursive subgraphs are refused, and a template whose parameters are promoted subgraph widgets is suggested its
 * slots, takes them and publishes.
 */
describe('workflow JSON over HTTP', () => {
  let api: TestApi;
  let creator: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    creator = await world(api).member();
  });
  afterAll(() => api.close());

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown>) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const upload = (templateId: string, body: Buffer | string, type = 'application/octet-stream') =>
    request(api.server)
      .post(`/api/v1/templates/${templateId}/versions`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', type)
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
  const template = async (name: string) =>
    (await as<{ createTemplate: { id: string } }>(creator, CREATE, { i: { name } })).data!.createTemplate.id;
  const version = async (id: string) =>
    (
      await as<{ templateVersion: { id: string; status: string; slots: Slot[]; suggestedSlots: Slot[] } }>(
        creator,
        VERSION,
        { id },
      )
    ).data!.templateVersion;
  const render = async (v: string, p: { key: string; value: string }[] = []) => {
    const out = await as<{ renderTemplate: { workflow: string | null; prompt: string | null } }>(undefined, RENDER, {
      v,
      p,
    });
    if (!out.data) throw new Error(JSON.stringify(out.errors));
    return out.data.renderTemplate;
  };

  it.each([
    [
      'a NUL in a widget value',
      '{"nodes": [{"id": 1, "type": "CLIPTextEncode", "widgets_values": ["a\\u0000b"]}]}',
      '$.nodes[0].widgets_values[0]',
    ],
    ['a lone surrogate in an unknown key', '{"nodes": [], "extra": {"note": "\\ud800"}}', '$.extra.note'],
    ['a NUL in a key name', '{"nodes": [], "extra": {"\\u0000": 1}}', '$.extra'],
    ['a lone low surrogate in a key name', '{"nodes": [{"id": 1, "type": "X", "\\udc00": 1}]}', '$.nodes[0]'],
    [
      'a bidi override in a model name',
      '{"nodes": [{"id": 1, "type": "CheckpointLoaderSimple", "widgets_values": ["x\\u202egnp.safetensors"]}]}',
      '$.nodes[0].widgets_values[0]',
    ],
    [
      'a NUL in an API prompt',
      '{"3": {"class_type": "CLIPTextEncode", "inputs": {"text": "\\u0000"}}}',
      '$["3"].inputs.text',
    ],
  ])('refuses %s with a typed 400 naming where, and stores nothing', async (_what, body, path) => {
    const id = await template('Bad text');
    const response = await upload(id, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'WORKFLOW_INVALID_TEXT', details: { path } });
    expect(
      (await as<{ template: { versions: unknown[] } }>(creator, VERSIONS, { id })).data!.template.versions,
    ).toEqual([]);
  });

  it('refuses the same text inside an image ComfyUI saved (one rule for every source)', async () => {
    const id = await template('Bad text in an image');
    const png = await pngWithText(8, 8, { workflow: '{"nodes": [], "extra": {"a": "\\u0000"}}' });
    const response = await upload(id, png, 'image/png');
    expect([response.status, response.body.error?.code]).toEqual([400, 'WORKFLOW_INVALID_TEXT']);
  });

  it.each([1, 2, 3])('refuses subgraphs that contain each other in a cycle of %i (typed 400)', async (length) => {
    const id = await template('Recursive');
    const response = await upload(id, recursiveSubgraphWorkflow(length));
    expect([response.status, response.body.error?.code]).toEqual([400, 'WORKFLOW_RECURSIVE_SUBGRAPH']);
    expect(response.body.error.details.cycle).toHaveLength(length + 1);
  });

  it('keeps a 64-bit seed exact through import, slots, publishing and rendering; unknown keys byte for byte', async () => {
    const id = await template('Big seed');
    const imported = await upload(id, BIG_SEED_WORKFLOW);
    expect(imported.status).toBe(201);
    const versionId = (imported.body as { id: string }).id;
    // Stored as the text it came as.
    const [row] = await api.db.query<{ ui_workflow: string }>(
      `SELECT ui_workflow FROM templates.template_version WHERE id = $1`,
      [versionId],
    );
    expect(row!.ui_workflow).toBe(BIG_SEED_WORKFLOW);
    // The suggested seed slot holds every digit.
    const draft = await version(versionId);
    const seed = draft.suggestedSlots.find((s) => s.key === 'seed')!;
    expect(seed).toMatchObject({ nodeId: '3', widget: 'seed', type: 'SEED', default: '18446744073709551615' });
    const steps = draft.suggestedSlots.find((s) => s.key === 'steps')!;
    const set = await as<{ setTemplateSlots: { slots: { key: string; default: string }[] } }>(creator, SLOTS, {
      v: versionId,
      s: [seed, { ...steps, min: 1, max: 60 }],
    });
    expect(set.data!.setTemplateSlots.slots).toEqual([
      { key: 'seed', default: '18446744073709551615' },
      { key: 'steps', default: '20' },
    ]);
    expect(
      (await as<{ publishTemplateVersion: { status: string } }>(creator, PUBLISH, { v: versionId })).data,
    ).toMatchObject({ publishTemplateVersion: { status: 'PUBLISHED' } });
    expect((await version(versionId)).slots[0]!.default).toBe('18446744073709551615');

    // No parameters: the seed is written as it was (every digit) and not pinned; nothing else moves.
    const plain = (await render(versionId)).workflow!;
    expect(plain).toContain('"widgets_values": [18446744073709551615, "randomize", 20, 8.0, "euler", "normal", 1.0]');
    expect(plain).toContain('"futureKey": { "n": 1e400 }');
    expect(plain).toContain('"probe": [18446744073709551615, -0, 1.0, 0.1000000000000000055511151231257827]');
    expect(plain.slice(0, plain.indexOf('"extra"'))).toBe(
      BIG_SEED_WORKFLOW.slice(0, BIG_SEED_WORKFLOW.indexOf('"extra"')),
    );

    // A seed given is written with its exact digits and pinned; a bigger one than 2^64 − 1 is a typed error.
    for (const digits of ['18446744073709551614', '9007199254740993', '12345']) {
      const given = (await render(versionId, [{ key: 'seed', value: digits }])).workflow!;
      expect(given).toContain(`"widgets_values": [${digits}, "fixed", 20, 8.0`);
    }
    const tooBig = await as(undefined, RENDER, { v: versionId, p: [{ key: 'seed', value: '18446744073709551616' }] });
    expect(errorCode(tooBig)).toBe('PARAM_OUT_OF_RANGE');
  });

  it('suggests, takes and publishes slots on promoted subgraph widgets, rendering into every copy of each', async () => {
    const id = await template('Promoted widgets');
    const png = await pngWithText(16, 16, { workflow: PROMOTED_WIDGETS_WORKFLOW, prompt: PROMOTED_WIDGETS_PROMPT });
    for (const [body, type] of [
      [Buffer.from(PROMOTED_WIDGETS_WORKFLOW), 'application/octet-stream'],
      [png, 'image/png'],
    ] as const) {
      const imported = await upload(id, body, type);
      expect(imported.status).toBe(201);
      const versionId = (imported.body as { id: string }).id;
      const draft = await version(versionId);
      expect(draft.suggestedSlots.map((s) => [s.key, s.nodeId, s.widget, s.type, s.default])).toEqual([
        ['prompt', '12', 'prompt', 'TEXT', '"a lighthouse at dusk, oil on canvas"'],
        ['seed', '12', 'seed', 'SEED', '18446744073709551615'],
        ['steps', '12', 'steps', 'INTEGER', '30'],
        ['cfg', '12', 'cfg', 'NUMBER', '6.5'],
      ]);
      const set = await as(creator, SLOTS, { v: versionId, s: draft.suggestedSlots });
      expect(set.errors).toBeUndefined();
      expect(
        errorCode(await as(creator, SLOTS, { v: versionId, s: [{ ...draft.suggestedSlots[0]!, widget: 'denoise' }] })),
      ).toBe('SLOT_WIDGET_MISSING');
      expect(
        (await as<{ publishTemplateVersion: { status: string } }>(creator, PUBLISH, { v: versionId })).data,
      ).toMatchObject({ publishTemplateVersion: { status: 'PUBLISHED' } });

      const out = await render(versionId, [
        { key: 'prompt', value: '"a harbour at dawn"' },
        { key: 'seed', value: '18446744073709551000' },
        { key: 'steps', value: '12' },
      ]);
      // The instance's own values, the nested instance's, and the interior widgets all say the same.
      expect(out.workflow).toContain(
        '"widgets_values": ["a harbour at dawn", 18446744073709551000, "fixed", 12, 6.5, null]',
      );
      expect(out.workflow).toContain('"widgets_values": [18446744073709551000, "fixed", 12, 6.5]');
      expect(out.workflow).toContain(
        '"widgets_values": [18446744073709551000, "fixed", 12, 6.5, "euler", "normal", 1]',
      );
      expect(out.workflow).toContain('"widgets_values": ["a harbour at dawn"]');
      expect(out.workflow).toContain(
        '"lookbookProbe": { "big": 18446744073709551615, "huge": 1e400, "negativeZero": -0, "one": 1.0 }',
      );
      // App Mode names the instance and its promoted widgets.
      expect(out.workflow).toContain('"linearData":{"inputs":[[12,"prompt"],[12,"seed"],[12,"steps"],[12,"cfg"]]}');
      if (type === 'image/png') {
        expect(out.prompt).toContain('"12:10:3": {"inputs": {"seed": 18446744073709551000, "steps": 12, "cfg": 6.5,');
        expect(out.prompt).toContain('"12:6": {"inputs": {"text": "a harbour at dawn",');
      } else expect(out.prompt).toBeNull();
    }
  });
});
