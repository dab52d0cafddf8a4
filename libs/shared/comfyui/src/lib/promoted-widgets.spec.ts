import { PROMOTED_WIDGETS_PROMPT, PROMOTED_WIDGETS_WORKFLOW, TEXT_TO_IMAGE_SUBGRAPH } from '../testing';
import type { Json, JsonObject } from './json';
import { parseJson } from './json';
import type { ParameterSlot, TemplateGraph } from './slots';
import { checkParams, checkSlots, renderTemplate, slotsFromAppMode, suggestSlots, toAppMode } from './slots';
import { detectDependencies } from './dependencies';
import { promotedNames, proxyWidgets, widgetTarget } from './widget-targets';
import { parseWorkflowText, readApiPrompt, readUiWorkflow } from './workflow';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return null;
};

const SEED = 18446744073709551615n;

function graph(ui = PROMOTED_WIDGETS_WORKFLOW, api: string | null = null): TemplateGraph {
  return {
    ui: readUiWorkflow(parseWorkflowText(ui)).workflow,
    api: api === null ? null : readApiPrompt(parseWorkflowText(api)),
  };
}

/** Node `id`'s `widgets_values` in a rendered UI text: top level, or inside the definition named `scope`. */
function widgets(text: string, id: number, scope?: string): Json[] {
  const value = parseJson(text).value as JsonObject;
  const defs = ((value['definitions'] as JsonObject)['subgraphs'] as JsonObject[]).filter((d) => d['name'] === scope);
  const nodes = (scope ? defs[0]!['nodes'] : value['nodes']) as JsonObject[];
  return nodes.find((n) => n['id'] === id)!['widgets_values'] as Json[];
}

const PROMPT: ParameterSlot = {
  key: 'prompt',
  nodeId: '12',
  widget: 'prompt',
  label: 'Prompt',
  type: 'TEXT',
  default: 'x',
};
const SEED_SLOT: ParameterSlot = {
  key: 'seed',
  nodeId: '12',
  widget: 'seed',
  label: 'Seed',
  type: 'SEED',
  default: SEED,
};
const STEPS: ParameterSlot = {
  key: 'steps',
  nodeId: '12',
  widget: 'steps',
  label: 'Steps',
  type: 'INTEGER',
  default: 30,
  min: 1,
  max: 80,
};

describe('promoted widgets (properties.proxyWidgets)', () => {
  it('are named as ComfyUI names them: inputs by name, interior widgets by name, `node: widget` when two share one', () => {
    expect(
      promotedNames([
        ['-1', 'seed'],
        ['3', 'steps'],
        ['7', 'text'],
        ['9', 'text'],
      ]),
    ).toEqual(['seed', 'steps', '7: text', '9: text']);
    // The list may be stored as a JSON string; anything else is not a list of promotions.
    expect(proxyWidgets({ properties: { proxyWidgets: '[["-1","seed"]]' } })).toEqual([['-1', 'seed']]);
    expect(proxyWidgets({ properties: { proxyWidgets: [['-1', 3]] } })).toBeNull();
    expect(proxyWidgets({ properties: {} })).toBeNull();
  });

  it('are suggested as slots, typed by the widget they stand for, the 64-bit seed exact; previews are not', () => {
    expect(suggestSlots(graph())).toEqual([
      {
        key: 'prompt',
        nodeId: '12',
        widget: 'prompt',
        label: 'Text to Image · prompt',
        type: 'TEXT',
        default: 'a lighthouse at dusk, oil on canvas',
      },
      { key: 'seed', nodeId: '12', widget: 'seed', label: 'Text to Image · seed', type: 'SEED', default: SEED },
      { key: 'steps', nodeId: '12', widget: 'steps', label: 'Text to Image · steps', type: 'INTEGER', default: 30 },
      { key: 'cfg', nodeId: '12', widget: 'cfg', label: 'Text to Image · cfg', type: 'NUMBER', default: 6.5 },
    ]);
  });

  it('reach every copy of the value: the instance, a nested instance, the interior widget (and the prompt)', () => {
    const g = graph(PROMOTED_WIDGETS_WORKFLOW, PROMOTED_WIDGETS_PROMPT);
    const seed = widgetTarget(g.ui!, g.api, '12', 'seed');
    if ('problem' in seed) throw new Error(seed.problem);
    expect(seed.places.map((p) => [p.path.join('.'), p.control?.join('.') ?? null])).toEqual([
      ['nodes.0.widgets_values.1', 'nodes.0.widgets_values.2'],
      ['definitions.subgraphs.0.nodes.2.widgets_values.0', 'definitions.subgraphs.0.nodes.2.widgets_values.1'],
      ['definitions.subgraphs.1.nodes.1.widgets_values.0', 'definitions.subgraphs.1.nodes.1.widgets_values.1'],
    ]);
    expect(seed.api).toEqual([{ id: '12:10:3', input: 'seed' }]);
    const prompt = widgetTarget(g.ui!, g.api, '12', 'prompt');
    expect('problem' in prompt ? prompt : prompt.api).toEqual([{ id: '12:6', input: 'text' }]);
    expect(checkSlots(g, [PROMPT, SEED_SLOT, STEPS])).toHaveLength(3);
  });

  it('render into every copy, in both formats, with the seed’s exact digits; a seed given is pinned', () => {
    const g = graph(PROMOTED_WIDGETS_WORKFLOW, PROMOTED_WIDGETS_PROMPT);
    const slots = checkSlots(g, [PROMPT, SEED_SLOT, STEPS]);
    const out = renderTemplate(g, slots, { prompt: 'a harbour', seed: 12345678901234567890n, steps: 12 });
    expect(widgets(out.ui!, 12).slice(0, 5)).toEqual(['a harbour', 12345678901234567890n, 'fixed', 12, 6.5]);
    expect(widgets(out.ui!, 10, 'Text to Image')).toEqual([12345678901234567890n, 'fixed', 12, 6.5]);
    expect(widgets(out.ui!, 6, 'Text to Image')).toEqual(['a harbour']);
    expect(widgets(out.ui!, 3, 'Sampler').slice(0, 3)).toEqual([12345678901234567890n, 'fixed', 12]);
    expect(out.ui).toContain('12345678901234567890, "fixed", 12');
    const api = parseJson(out.api!).value as Record<string, { inputs: JsonObject }>;
    expect(api['12:10:3']!.inputs).toMatchObject({ seed: 12345678901234567890n, steps: 12, cfg: 6.5 });
    expect(api['12:6']!.inputs['text']).toBe('a harbour');
    expect(out.api).toContain('"seed": 12345678901234567890,');
    // Everything not set stays as Python wrote it.
    expect(out.api).toContain('"denoise": 1.0');
    expect(out.api).toContain('KSampler \\u2014 caf\\u00e9');
  });

  it('leave a seed that is not given unpinned, in every copy, and keep unknown keys byte for byte', () => {
    const g = graph();
    const out = renderTemplate(g, checkSlots(g, [PROMPT, SEED_SLOT]), { prompt: 'a harbour' });
    expect(widgets(out.ui!, 12).slice(1, 3)).toEqual([SEED, 'randomize']);
    expect(widgets(out.ui!, 3, 'Sampler').slice(0, 2)).toEqual([SEED, 'randomize']);
    expect(out.ui).toContain(
      '"lookbookProbe": { "big": 18446744073709551615, "huge": 1e400, "negativeZero": -0, "one": 1.0 }',
    );
    // Only the prompt changed, in its two places.
    expect(out.ui!.replaceAll('a harbour', 'a lighthouse at dusk, oil on canvas')).toBe(PROMOTED_WIDGETS_WORKFLOW);
  });

  it('round-trip through App Mode: linearData names the instance and its promoted widget', () => {
    const g = graph();
    const slots = checkSlots(g, [PROMPT, SEED_SLOT, STEPS]);
    const app = toAppMode(g.ui!, slots);
    const extra = (parseJson(app).value as JsonObject)['extra'] as JsonObject;
    expect((extra['linearData'] as JsonObject)['inputs']).toEqual([
      [12, 'prompt'],
      [12, 'seed'],
      [12, 'steps'],
    ]);
    const back = slotsFromAppMode({ ui: readUiWorkflow(parseWorkflowText(app)).workflow, api: null });
    expect(back).toEqual(slots);
    expect(back[1]!.default).toBe(SEED);
    // Without our constraints, the widgets' own values type them.
    const bare = app.replace(/"lookbook":\{"slots":\[.*\]\}/, '"lookbook":{}');
    expect(slotsFromAppMode({ ui: readUiWorkflow(parseWorkflowText(bare)).workflow, api: null })).toEqual([
      expect.objectContaining({ key: 'prompt', type: 'TEXT' }),
      expect.objectContaining({ key: 'seed', type: 'SEED', default: SEED }),
      expect.objectContaining({ key: 'steps', type: 'INTEGER', default: 30 }),
    ]);
  });

  it.each([
    ['a preview', { widget: '$$canvas-image-preview', type: 'TEXT' as const }, 'SLOT_WIDGET_MISSING'],
    ['a widget nobody promoted', { widget: 'denoise', type: 'NUMBER' as const }, 'SLOT_WIDGET_MISSING'],
    ['the wrong type', { widget: 'prompt', type: 'INTEGER' as const, default: 3 }, 'SLOT_TYPE_MISMATCH'],
    ['an instance that is not there', { nodeId: '99' }, 'SLOT_NODE_MISSING'],
  ])('refuse %s with a typed error', (_what, change, code) => {
    expect(failure(() => checkSlots(graph(), [{ ...PROMPT, ...change }]))).toBe(code);
  });

  it('refuse a promoted input fed by a link from outside the instance', () => {
    const linked = PROMOTED_WIDGETS_WORKFLOW.replace(
      '"widget": { "name": "seed" }, "link": null',
      '"widget": { "name": "seed" }, "link": 8',
    );
    expect(failure(() => checkSlots(graph(linked), [SEED_SLOT]))).toBe('SLOT_WIDGET_LINKED');
    expect(suggestSlots(graph(linked)).map((s) => s.key)).toEqual(['prompt', 'steps', 'cfg']);
  });

  it('work when the values live only in the interior (an instance without its own widgets_values)', () => {
    const bare = PROMOTED_WIDGETS_WORKFLOW.replace(
      '"widgets_values": ["a lighthouse at dusk, oil on canvas", 18446744073709551615, "randomize", 30, 6.5, null]',
      '"widgets_values": []',
    );
    const g = graph(bare);
    expect(suggestSlots(g).map((s) => [s.key, s.default])).toEqual([
      ['prompt', 'a lighthouse at dusk, oil on canvas'],
      ['seed', SEED],
      ['steps', 30],
      ['cfg', 6.5],
    ]);
    const out = renderTemplate(g, checkSlots(g, [STEPS]), { steps: 9 });
    expect(widgets(out.ui!, 12)).toEqual([]);
    expect(widgets(out.ui!, 3, 'Sampler')[2]).toBe(9);
    expect(widgets(out.ui!, 10, 'Text to Image')[2]).toBe(9);
  });

  it('name the file a promoted loader widget loads in the lockfile, beside the interior’s own', () => {
    const promoted = PROMOTED_WIDGETS_WORKFLOW.replace(
      '["9", "$$canvas-image-preview"]',
      '["9", "$$canvas-image-preview"],\n          ["4", "ckpt_name"]',
    ).replace('6.5, null]', '6.5, null, "flux1-dev.safetensors"]');
    const g = graph(promoted);
    expect(detectDependencies(g).models.map((m) => [m.slot, m.name])).toEqual([
      ['12.ckpt_name', 'flux1-dev.safetensors'],
      [`${TEXT_TO_IMAGE_SUBGRAPH}/4.ckpt_name`, 'sd_xl_base_1.0.safetensors'],
    ]);
    expect(suggestSlots(g).find((s) => s.widget === 'ckpt_name')).toMatchObject({
      type: 'MODEL',
      default: 'flux1-dev.safetensors',
    });
    // Without a value of its own, the instance loads the interior's file: listed once.
    expect(detectDependencies(graph()).models.map((m) => m.name)).toEqual(['sd_xl_base_1.0.safetensors']);
  });

  it('work in the newest format too: no proxyWidgets, the instance’s widget inputs are its promoted widgets', () => {
    const from = PROMOTED_WIDGETS_WORKFLOW.indexOf('"proxyWidgets"');
    const to = PROMOTED_WIDGETS_WORKFLOW.indexOf('"cnr_id"', from);
    const newest = (PROMOTED_WIDGETS_WORKFLOW.slice(0, from) + PROMOTED_WIDGETS_WORKFLOW.slice(to)).replace(
      '"widgets_values": ["a lighthouse at dusk, oil on canvas", 18446744073709551615, "randomize", 30, 6.5, null]',
      '"widgets_values": ["a castle", 77, "increment"]',
    );
    expect(newest).not.toContain('["-1", "prompt"]');
    const g = graph(newest);
    expect(suggestSlots(g).map((s) => [s.key, s.type, s.default])).toEqual([
      ['prompt', 'TEXT', 'a castle'],
      ['seed', 'SEED', 77],
    ]);
    const out = renderTemplate(g, checkSlots(g, [PROMPT, SEED_SLOT]), { prompt: 'a tower', seed: 5n });
    expect(widgets(out.ui!, 12)).toEqual(['a tower', 5, 'fixed']);
    expect(widgets(out.ui!, 6, 'Text to Image')).toEqual(['a tower']);
    expect(widgets(out.ui!, 3, 'Sampler').slice(0, 2)).toEqual([5, 'fixed']);
  });

  it('keep older instances working: values named by the definition’s widgets list', () => {
    const ui = readUiWorkflow({
      version: 1,
      nodes: [{ id: 1, type: TEXT_TO_IMAGE_SUBGRAPH, widgets_values: [5, 'a castle'] }],
      links: [],
      definitions: {
        subgraphs: [
          { id: TEXT_TO_IMAGE_SUBGRAPH, nodes: [], links: [], widgets: [{ name: 'seed' }, { name: 'text' }] },
        ],
      },
    }).workflow;
    expect(suggestSlots({ ui, api: null }).map((s) => [s.key, s.type, s.default])).toEqual([
      ['seed', 'SEED', 5],
      ['text', 'TEXT', 'a castle'],
    ]);
  });
});

describe('integers beyond 2^53', () => {
  const plain = (seed: string) =>
    graph(
      `{"nodes": [{"id": 3, "type": "KSampler", "widgets_values": [${seed}, "increment", 20, 8, "euler", "normal", 1]}],` +
        ` "extra": {"probe": [18446744073709551615, 1e400, -0, 1.0]}}`,
    );

  it.each([
    ['2^64 − 1', '18446744073709551615', SEED],
    ['2^53 + 1', '9007199254740993', 9007199254740993n],
    ['2^63', '9223372036854775808', 9223372036854775808n],
    ['2^53 − 1 (still a number)', '9007199254740991', 9007199254740991],
  ])('a seed of %s is suggested and renders with its exact digits', (_what, digits, value) => {
    const g = plain(digits);
    const [slot] = suggestSlots(g);
    expect(slot).toMatchObject({ key: 'seed', type: 'SEED', default: value });
    const out = renderTemplate(g, [slot!], {});
    expect(out.ui).toContain(`[${digits}, "increment"`);
    expect(out.ui).toContain('"probe": [18446744073709551615, 1e400, -0, 1.0]');
    const given = renderTemplate(g, [slot!], { seed: SEED - 1n });
    expect(given.ui).toContain('[18446744073709551614, "fixed"');
  });

  it.each([
    ['a seed past 2^64 − 1', { seed: SEED + 1n }, 'PARAM_OUT_OF_RANGE'],
    ['a negative seed', { seed: -1n }, 'PARAM_OUT_OF_RANGE'],
    ['an inexact number past 2^53', { seed: 2 ** 60 }, 'PARAM_WRONG_TYPE'],
    ['a bigint where text goes', { prompt: 5n }, 'PARAM_WRONG_TYPE'],
  ])('refuse %s', (_what, params, code) => {
    expect(failure(() => checkParams([SEED_SLOT, { ...PROMPT, nodeId: '1' }], params))).toBe(code);
  });

  it('a bigint within 2^53 is an ordinary number', () => {
    expect(checkParams([SEED_SLOT], { seed: 42n }).get('seed')).toBe(42);
  });
});
