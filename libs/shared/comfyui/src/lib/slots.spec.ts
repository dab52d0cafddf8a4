import { detectDependencies } from './dependencies';
import type { ParameterSlot, TemplateGraph } from './slots';
import { checkParams, checkSlots, renderTemplate, slotsFromAppMode, suggestSlots, toAppMode } from './slots';
import type { JsonObject } from './workflow';
import { parseWorkflowText, readApiPrompt, readUiWorkflow, text } from './workflow';
import { parseJson } from './json';
import { widgetNames } from './widgets';

/** A rendered or exported JSON text, as its value. */
const value = (text: string | null) => parseJson(text!).value as JsonObject;

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  return null;
};

/** A small txt2img graph in both formats, as an image embeds them. */
function graph(): TemplateGraph {
  const ui = readUiWorkflow({
    nodes: [
      {
        id: 4,
        type: 'CheckpointLoaderSimple',
        widgets_values: ['sdxl/base.safetensors'],
        properties: { cnr_id: 'comfy-core', ver: '0.3.49' },
      },
      { id: 6, type: 'CLIPTextEncode', title: 'Positive', widgets_values: ['a harbour at dusk'] },
      { id: 3, type: 'KSampler', widgets_values: [42, 'randomize', 20, 7.5, 'euler', 'normal', 1] },
      {
        id: 5,
        type: 'EmptyLatentImage',
        widgets_values: [1024, 1024, 1],
        inputs: [{ name: 'width', type: 'INT', widget: { name: 'width' }, link: 1 }],
      },
      { id: 9, type: 'PrimitiveNode', widgets_values: [1024, 'fixed'] },
      {
        id: 10,
        type: 'LoraLoader',
        widgets_values: ['ink.safetensors', 0, 0],
        properties: {
          models: [
            {
              name: 'ink.safetensors',
              directory: 'loras',
              hash: 'A'.repeat(64),
              hash_type: 'SHA256',
              url: 'https://example.test/ink',
            },
          ],
        },
      },
      {
        id: 11,
        type: 'SuperUpscale',
        widgets_values: [2],
        properties: { aux_id: 'someone/upscale-pack', ver: 'abc1234' },
      },
    ],
    links: [[1, 9, 0, 5, 0, 'INT']],
    extra: {
      linearMode: true,
      linearData: {
        inputs: [
          [6, 'text', { height: 3 }],
          [3, 'seed'],
          [3, 'cfg'],
        ],
        outputs: [],
      },
    },
  }).workflow;
  const api = readApiPrompt({
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sdxl/base.safetensors' } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a harbour at dusk', clip: ['4', 1] } },
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: 42,
        steps: 20,
        cfg: 7.5,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: 1,
        model: ['10', 0],
      },
    },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
    '10': {
      class_type: 'LoraLoader',
      inputs: { lora_name: 'ink.safetensors', strength_model: 0, strength_clip: 0, model: ['4', 0] },
    },
    '11': { class_type: 'SuperUpscale', inputs: { factor: 2 } },
  });
  return { ui, api };
}

const SLOTS: ParameterSlot[] = [
  { key: 'prompt', nodeId: '6', widget: 'text', label: 'Prompt', type: 'TEXT', default: 'a harbour', maxLength: 500 },
  { key: 'seed', nodeId: '3', widget: 'seed', label: 'Seed', type: 'SEED', default: 1 },
  { key: 'steps', nodeId: '3', widget: 'steps', label: 'Steps', type: 'INTEGER', default: 20, min: 1, max: 60 },
  {
    key: 'sampler',
    nodeId: '3',
    widget: 'sampler_name',
    label: 'Sampler',
    type: 'ENUM',
    default: 'euler',
    options: ['euler', 'dpmpp_2m'],
  },
];

describe('parameter slots', () => {
  it('accept slots on widgets that exist, in both formats', () => {
    expect(checkSlots(graph(), SLOTS)).toHaveLength(4);
  });

  it.each([
    ['a missing node', { nodeId: '99' }, 'SLOT_NODE_MISSING'],
    ['a missing widget', { widget: 'guidance' }, 'SLOT_WIDGET_MISSING'],
    [
      'a widget fed by a link',
      { nodeId: '5', widget: 'width', type: 'INTEGER' as const, default: 512, maxLength: undefined },
      'SLOT_WIDGET_LINKED',
    ],
    [
      'a type the widget does not hold',
      { type: 'INTEGER' as const, default: 3, maxLength: undefined },
      'SLOT_TYPE_MISMATCH',
    ],
    ['a bad key', { key: 'Prompt Text' }, 'SLOT_INVALID_KEY'],
    [
      'min above max',
      { nodeId: '3', widget: 'steps', type: 'INTEGER' as const, default: 5, min: 10, max: 2, maxLength: undefined },
      'SLOT_INVALID_CONSTRAINT',
    ],
    ['a pattern that is not one', { pattern: '(' }, 'SLOT_INVALID_CONSTRAINT'],
    ['a choice without options', { type: 'ENUM' as const, options: undefined }, 'SLOT_INVALID_CONSTRAINT'],
    ['a default that breaks its own limit', { default: 'x'.repeat(501) }, 'SLOT_INVALID_DEFAULT'],
  ])('refuse %s', (_what, change, expected) => {
    const slot = { ...SLOTS[0]!, ...change };
    expect(failure(() => checkSlots(graph(), [slot]))?.code).toBe(expected);
  });

  it('refuse two slots with one key or on one widget', () => {
    expect(failure(() => checkSlots(graph(), [SLOTS[0]!, { ...SLOTS[0]!, widget: 'text' }]))?.code).toBe(
      'SLOT_DUPLICATE',
    );
    expect(failure(() => checkSlots(graph(), [SLOTS[0]!, { ...SLOTS[0]!, key: 'other' }]))?.code).toBe(
      'SLOT_DUPLICATE',
    );
  });

  it('import from App Mode, typed from the values, and export back to it with layouts kept', () => {
    const imported = slotsFromAppMode(graph());
    expect(imported).toEqual([
      {
        key: 'text',
        nodeId: '6',
        widget: 'text',
        label: 'Positive · text',
        type: 'TEXT',
        default: 'a harbour at dusk',
      },
      { key: 'seed', nodeId: '3', widget: 'seed', label: 'KSampler · seed', type: 'SEED', default: 42 },
      { key: 'cfg', nodeId: '3', widget: 'cfg', label: 'KSampler · cfg', type: 'NUMBER', default: 7.5 },
    ]);
    const exported = toAppMode(graph().ui!, SLOTS);
    const extra = value(exported)['extra'] as JsonObject;
    expect((extra['linearData'] as JsonObject)['inputs']).toEqual([
      [6, 'text', { height: 3 }],
      [3, 'seed'],
      [3, 'steps'],
      [3, 'sampler_name'],
    ]);
    // Our constraints come back exactly on the next import.
    const back = { ui: readUiWorkflow(parseWorkflowText(exported)).workflow, api: graph().api };
    expect(slotsFromAppMode(back)).toEqual(SLOTS);
  });
});

describe('suggested slots', () => {
  it('offer what authors usually open, typed, skipping widgets fed by links and muted nodes', () => {
    expect(suggestSlots(graph()).map((s) => [s.key, s.nodeId, s.widget, s.type])).toEqual([
      ['text', '6', 'text', 'TEXT'],
      ['seed', '3', 'seed', 'SEED'],
      ['steps', '3', 'steps', 'INTEGER'],
      ['cfg', '3', 'cfg', 'NUMBER'],
      ['sampler_name', '3', 'sampler_name', 'TEXT'],
      // width is fed by a primitive node: not settable here; height is.
      ['height', '5', 'height', 'INTEGER'],
      // 0 now, but a LoRA strength takes fractions.
      ['strength_model', '10', 'strength_model', 'NUMBER'],
    ]);
  });
});

describe('parameters', () => {
  it.each([
    ['an unknown parameter', { colour: 'red' }, 'PARAM_UNKNOWN'],
    ['a prototype key', JSON.parse('{"__proto__": 1}') as Record<string, unknown>, 'PARAM_UNKNOWN'],
    ['text where a number goes', { steps: '20' }, 'PARAM_WRONG_TYPE'],
    ['a fraction for an integer', { steps: 2.5 }, 'PARAM_WRONG_TYPE'],
    ['a number outside its range', { steps: 61 }, 'PARAM_OUT_OF_RANGE'],
    ['a negative seed', { seed: -1 }, 'PARAM_OUT_OF_RANGE'],
    ['a seed past 2^53', { seed: 2 ** 60 }, 'PARAM_WRONG_TYPE'],
    ['a choice not offered', { sampler: 'ddim' }, 'PARAM_NOT_ALLOWED'],
    ['text over its limit', { prompt: 'x'.repeat(501) }, 'PARAM_TOO_LONG'],
    ['control characters in text', { prompt: 'a\u0000b' }, 'PARAM_INVALID_TEXT'],
    ['NaN', { steps: NaN }, 'PARAM_WRONG_TYPE'],
  ])('refuse %s with a typed error', (_what, params, expected) => {
    expect(failure(() => checkParams(SLOTS, params))?.code).toBe(expected);
  });

  it('refuse a model path that leaves the model folder', () => {
    const model: ParameterSlot = {
      key: 'ckpt',
      nodeId: '4',
      widget: 'ckpt_name',
      label: 'Checkpoint',
      type: 'MODEL',
      default: 'a.safetensors',
    };
    expect(failure(() => checkParams([model], { ckpt: '../../etc/passwd.safetensors' }))?.code).toBe(
      'PARAM_NOT_ALLOWED',
    );
    expect(failure(() => checkParams([model], { ckpt: 'weights.pkl' }))?.code).toBe('PARAM_NOT_ALLOWED');
    expect(checkParams([model], { ckpt: 'sdxl/juggernaut.safetensors' }).get('ckpt')).toBe(
      'sdxl/juggernaut.safetensors',
    );
  });

  it('render both formats: values set as values (text that looks like JSON stays text), the seed pinned', () => {
    const source = graph();
    const before = JSON.stringify(source);
    const injection = '"}, "99": {"class_type": "Exec", "inputs": {}}, "x": {"';
    const rendered = renderTemplate(source, SLOTS, { prompt: injection, seed: 7, steps: 30 });
    const out = { ui: value(rendered.ui), api: value(rendered.api) };
    expect(JSON.stringify(source)).toBe(before);
    const ui = (out.ui['nodes'] as JsonObject[]).reduce<Record<string, unknown>>(
      (m, n) => ({ ...m, [text(n['id'])]: n['widgets_values'] }),
      {},
    );
    expect(ui['6']).toEqual([injection]);
    expect(ui['3']).toEqual([7, 'fixed', 30, 7.5, 'euler', 'normal', 1]);
    expect(out.api['6']).toMatchObject({ inputs: { text: injection } });
    expect(out.api['3']).toMatchObject({ inputs: { seed: 7, steps: 30, sampler_name: 'euler' } });
    expect(Object.keys(out.api)).toEqual(Object.keys(source.api!.json));
    expect(readApiPrompt(parseWorkflowText(rendered.api!)).kind).toBe('API');
  });

  it('render into a subgraph instance through its promoted widget', () => {
    const id = '6f1c9c4e-2b8d-4c3e-9a71-0d3f5e2a1b77';
    const ui = readUiWorkflow({
      version: 1,
      nodes: [{ id: 1, type: id, widgets_values: [5, 'a castle'] }],
      links: [],
      definitions: {
        subgraphs: [
          {
            id,
            nodes: [],
            links: [],
            widgets: [
              { id: 2, name: 'seed' },
              { id: 3, name: 'text' },
            ],
          },
        ],
      },
    }).workflow;
    const slot: ParameterSlot = {
      key: 'prompt',
      nodeId: '1',
      widget: 'text',
      label: 'Prompt',
      type: 'TEXT',
      default: 'x',
    };
    const out = renderTemplate({ ui, api: null }, checkSlots({ ui, api: null }, [slot]), { prompt: 'a tower' });
    expect((value(out.ui)['nodes'] as JsonObject[])[0]!['widgets_values']).toEqual([5, 'a tower']);
  });
});

describe('widget names', () => {
  it('come from the API twin for nodes we do not know, with the seed control skipped', () => {
    const node = { id: 1, type: 'MySampler', widgets_values: [9, 'increment', 'dpm', 30] };
    expect(
      widgetNames(node, { class_type: 'MySampler', inputs: { seed: 9, sampler: 'dpm', steps: 30, model: ['2', 0] } }),
    ).toEqual(['seed', 'control_after_generate', 'sampler', 'steps']);
    expect(widgetNames(node)).toEqual([null, null, null, null]);
  });
});

describe('dependencies', () => {
  it('lists node packs and every model, with hashes stated in the workflow and unused LoRAs marked', () => {
    const deps = detectDependencies(graph());
    expect(deps.nodes).toEqual([
      { id: 'comfy-core', source: 'registry', version: '0.3.49', classTypes: ['CheckpointLoaderSimple'] },
      { id: 'someone/upscale-pack', source: 'github', version: 'abc1234', classTypes: ['SuperUpscale'] },
    ]);
    expect(deps.models).toEqual([
      {
        slot: '4.ckpt_name',
        kind: 'checkpoint',
        folder: 'checkpoints',
        name: 'sdxl/base.safetensors',
        sha256: null,
        url: null,
        unused: false,
      },
      {
        slot: '10.lora_name',
        kind: 'lora',
        folder: 'loras',
        name: 'ink.safetensors',
        sha256: 'a'.repeat(64),
        url: 'https://example.test/ink',
        unused: true,
      },
    ]);
  });

  it('ignores muted and bypassed nodes in a UI-only workflow', () => {
    const ui = readUiWorkflow({
      nodes: [
        { id: 1, type: 'LoraLoader', mode: 4, widgets_values: ['off.safetensors', 1, 1] },
        { id: 2, type: 'VAELoader', widgets_values: ['taesd'] },
        { id: 3, type: 'VAELoader', widgets_values: ['sdxl_vae.safetensors'] },
      ],
    }).workflow;
    expect(detectDependencies({ ui, api: null }).models.map((m) => m.name)).toEqual(['sdxl_vae.safetensors']);
  });
});
