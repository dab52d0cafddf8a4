import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEmbeddedTexts } from '@lookbook/catalog';
import type { Json, JsonObject, ParameterSlot, TemplateGraph } from '@lookbook/comfyui';
import {
  allNodes,
  text,
  detectDependencies,
  isObject,
  parseLenientJson,
  parseWorkflowText,
  readWorkflow,
  renderTemplate,
  slotsFromAppMode,
  toAppMode,
  widgetTarget,
} from '@lookbook/comfyui';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { importWorkflow } from './workflow-import';

const dir = join(REFERENCE_DIR, 'comfyui');
const present = referenceAvailable('comfyui');
const files = present ? readdirSync(dir).filter((f) => /\.(png|webp|json)$/.test(f)) : [];

/** The files' own graphs, read independently of the importer: what every check compares against. */
async function original(file: string): Promise<{ workflow?: string; prompt?: string }> {
  const bytes = readFileSync(join(dir, file));
  return file.endsWith('.json') ? { workflow: bytes.toString('utf8') } : readEmbeddedTexts(bytes);
}

/** Slots a template author would mark on any of these: the sampler's seed and steps, and the first prompt. */
function typicalSlots(graph: TemplateGraph): ParameterSlot[] {
  const nodes: { id: string; type: string }[] = graph.ui
    ? allNodes(graph.ui)
        .filter((n) => n.scope === null)
        .map(({ node }) => ({ id: text(node['id']), type: text(node['type']) }))
    : Object.entries(graph.api!.json).map(([id, n]) => ({ id, type: text((n as JsonObject)['class_type']) }));
  const slots: ParameterSlot[] = [];
  const sampler = nodes.find((n) => n.type === 'KSampler');
  if (sampler) {
    slots.push({ key: 'seed', nodeId: sampler.id, widget: 'seed', label: 'Seed', type: 'SEED', default: 1 });
    slots.push({
      key: 'steps',
      nodeId: sampler.id,
      widget: 'steps',
      label: 'Steps',
      type: 'INTEGER',
      default: 20,
      min: 1,
      max: 150,
    });
  }
  const noise = nodes.find((n) => n.type === 'RandomNoise');
  if (noise)
    slots.push({ key: 'seed', nodeId: noise.id, widget: 'noise_seed', label: 'Seed', type: 'SEED', default: 1 });
  const encoder = nodes.find((n) => n.type === 'CLIPTextEncode');
  if (encoder)
    slots.push({
      key: 'prompt',
      nodeId: encoder.id,
      widget: 'text',
      label: 'Prompt',
      type: 'TEXT',
      default: 'a lighthouse',
      maxLength: 2000,
    });
  return slots;
}

/** Every place two JSON values differ, as paths. */
function differences(a: Json, b: Json, path = '$', out: string[] = []): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences(a[key] ?? null, b[key] ?? null, `${path}.${key}`, out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((v, i) => differences(v, b[i]!, `${path}[${i}]`, out));
  } else out.push(path);
  return out;
}

/**
 * Real ComfyUI files (../shared/reference/comfyui): every one imports, keeps its structure byte for byte, renders
 * with new parameters in both formats changing exactly those values (and pinning the seed), round-trips its App Mode,
 * and has its models found — the same ones the sample-image parser credits.
 */
(present ? describe : describe.skip)(`ComfyUI reference files (${dir})`, () => {
  it('has the reference files', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s imports with its structure intact', async (file) => {
    const texts = await original(file);
    const imported = await importWorkflow(readFileSync(join(dir, file)));
    expect(imported.source).toBe(file.endsWith('.json') ? 'UI_JSON' : 'IMAGE');
    expect(imported.warnings.filter((w) => w.code === 'LEGACY_GROUP_NODES')).toEqual([]);
    // The text is kept as it was (Python's NaN written as null), and it holds the value any JSON reader sees.
    if (texts.workflow) {
      expect(imported.graph.ui!.text).toBe(parseWorkflowText(texts.workflow).text);
      if (!/NaN|Infinity/.test(texts.workflow)) expect(imported.graph.ui!.text).toBe(texts.workflow);
      expect(imported.graph.ui!.json).toEqual(parseLenientJson(texts.workflow));
    }
    if (texts.prompt) {
      expect(imported.graph.api!.text).toBe(parseWorkflowText(texts.prompt).text);
      if (!/NaN|Infinity/.test(texts.prompt)) expect(imported.graph.api!.text).toBe(texts.prompt);
      expect(imported.graph.api!.json).toEqual(parseLenientJson(texts.prompt));
    }
    expect(imported.graph.ui ?? imported.graph.api).not.toBeNull();
  });

  it.each(files)('%s renders with new parameters, changing only those values', async (file) => {
    const { graph } = await importWorkflow(readFileSync(join(dir, file)));
    const slots = typicalSlots(graph);
    expect(slots.length).toBeGreaterThan(0);
    const params = Object.fromEntries(
      slots.map((s) => [
        s.key,
        s.type === 'SEED' ? 424242 : s.type === 'INTEGER' ? 7 : 'a "lighthouse", {"class_type": "x"}',
      ]),
    );
    const texts = renderTemplate(graph, slots, params);
    const rendered = {
      ui: texts.ui === null ? null : (parseWorkflowText(texts.ui).value as JsonObject),
      api: texts.api === null ? null : (parseWorkflowText(texts.api).value as JsonObject),
    };
    for (const format of ['ui', 'api'] as const) {
      const before = graph[format]?.json;
      const after = rendered[format];
      if (!before || !after) {
        expect(after).toBeNull();
        continue;
      }
      // Still a valid workflow of the same kind, and it reads back the values that were set.
      const reread = readWorkflow(parseWorkflowText(texts[format]!)).workflow;
      expect(reread.kind).toBe(format === 'ui' ? 'UI' : 'API');
      const changed = differences(before, after);
      expect(changed.length).toBeGreaterThan(0);
      for (const path of changed)
        expect(path).toMatch(
          format === 'ui'
            ? /^\$\.nodes\[\d+\]\.widgets_values\[\d+\]$/
            : /^\$\.\d+\.inputs\.(seed|noise_seed|steps|text)$/,
        );
    }
    if (rendered.ui) {
      const sampler = (rendered.ui['nodes'] as JsonObject[]).find((n) => n['type'] === 'KSampler');
      if (sampler) expect((sampler['widgets_values'] as Json[]).slice(0, 3)).toEqual([424242, 'fixed', 7]);
    }
    if (rendered.api) {
      const texts = Object.values(rendered.api).filter((n) => (n as JsonObject)['class_type'] === 'CLIPTextEncode');
      expect(texts.some((n) => ((n as JsonObject)['inputs'] as JsonObject)['text'] === params['prompt'])).toBe(true);
    }
  });

  it.each(files)('%s renders byte for byte when given the values it already holds', async (file) => {
    const { graph } = await importWorkflow(readFileSync(join(dir, file)));
    // Each slot's default is the value its widget holds; no parameter is given, so no seed is pinned.
    const slots = typicalSlots(graph).map((slot) => {
      const current = graph.ui
        ? widgetTarget(graph.ui, graph.api, slot.nodeId, slot.widget)
        : { places: [{ value: (graph.api!.json[slot.nodeId] as JsonObject)['inputs'] as JsonObject }] };
      const place = 'problem' in current ? null : current.places[0]!.value;
      const value = graph.ui ? place : (place as JsonObject)[slot.widget];
      return { ...slot, default: value as never, min: undefined, max: undefined, maxLength: undefined };
    });
    const rendered = renderTemplate(graph, slots, {});
    expect(rendered.ui).toBe(graph.ui?.text ?? null);
    expect(rendered.api).toBe(graph.api?.text ?? null);
  });

  it.each(files)('%s round-trips its slots through App Mode', async (file) => {
    const { graph } = await importWorkflow(readFileSync(join(dir, file)));
    if (!graph.ui) return;
    const slots = typicalSlots(graph);
    const text = toAppMode(graph.ui, slots);
    const app = parseWorkflowText(text).value as JsonObject;
    const extra = app['extra'] as JsonObject;
    expect(extra['linearMode']).toBe(true);
    expect((extra['linearData'] as JsonObject)['inputs']).toEqual(slots.map((s) => [Number(s.nodeId), s.widget]));
    const back = readWorkflow(parseWorkflowText(text)).workflow;
    expect(slotsFromAppMode({ ui: back as never, api: graph.api })).toEqual(slots);
    // Everything but `extra` is untouched, and the text before it byte for byte.
    expect(differences(graph.ui.json, app).every((p) => p.startsWith('$.extra'))).toBe(true);
    const extraAt = graph.ui.text.indexOf('"extra"');
    if (extraAt > 0) expect(text.slice(0, extraAt)).toBe(graph.ui.text.slice(0, extraAt));
  });

  it.each(files)('%s: its models are found, the same the sample parser credits', async (file) => {
    const { graph } = await importWorkflow(readFileSync(join(dir, file)));
    const found = detectDependencies(graph).models.filter(
      (m) => !m.slot.includes('properties') && !m.slot.startsWith('models['),
    );
    expect(found.length).toBeGreaterThan(0);
    const texts = await original(file);
    if (texts.prompt) {
      // Independent reading: every loader input literal in the prompt that names a model file.
      const prompt = JSON.parse(texts.prompt) as Record<string, { inputs: Record<string, Json> }>;
      const literalFiles = Object.values(prompt)
        .flatMap((n) => Object.entries(n.inputs))
        .filter(
          ([k, v]) => /_name\d?$/.test(k) && typeof v === 'string' && /\.(safetensors|ckpt|pt|pth|bin|sft)$/.test(v),
        )
        .map(([, v]) => v as string);
      expect(found.map((m) => m.name).sort()).toEqual([...new Set(literalFiles)].sort());
    }
  });
});
