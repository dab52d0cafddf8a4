import { WorkflowErrors } from './workflow-errors';
import type { ApiPrompt, Json, JsonObject, UiWorkflow } from './workflow';
import { apiLinkSource, isObject, nodeKey, subgraphDefinitions, text } from './workflow';
import { CONTROL_AFTER_GENERATE, isSeedWidget, SEED_CONTROLS, widgetIndex } from './widgets';

/**
 * Parameter slots: the node inputs a template's author lets its users set, each with a type, constraints and a
 * default. They map one-to-one onto ComfyUI's App Mode (`extra.linearData.inputs = [nodeId, widgetName, layout?][]`),
 * so a template imports its app from ComfyUI and exports back as one; our constraints ride along in
 * `extra.lookbook.slots`, which ComfyUI keeps untouched.
 */
export const SLOT_TYPES = ['TEXT', 'INTEGER', 'NUMBER', 'BOOLEAN', 'ENUM', 'SEED', 'MODEL'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];
export type SlotValue = string | number | boolean;

export interface ParameterSlot {
  /** The parameter's name in `renderTemplate(params)`. */
  key: string;
  nodeId: string;
  widget: string;
  label: string;
  type: SlotType;
  default: SlotValue;
  min?: number;
  max?: number;
  options?: string[];
  pattern?: string;
  maxLength?: number;
}

/** A template's graphs: the UI export, the API prompt, or both (an image embeds both). */
export interface TemplateGraph {
  ui: UiWorkflow | null;
  api: ApiPrompt | null;
}

export const MAX_SLOTS = 50;
export const MAX_TEXT_PARAM = 10_000;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MODEL_FILE = /^[^\0/\\][^\0]*\.(safetensors|ckpt|pt|pt2|pth|bin|sft|gguf)$/i;
/** Seeds are 64-bit in ComfyUI; JSON numbers are exact to 2^53, so that is the range a template may ask for. */
const SEED_MAX = Number.MAX_SAFE_INTEGER;

const topNode = (ui: UiWorkflow, id: string): JsonObject | undefined =>
  (ui.json['nodes'] as Json[]).find((n): n is JsonObject => isObject(n) && nodeKey(n['id']) === id);

/** Widget names of a subgraph instance: the definition's promoted widgets, in order. */
function instanceWidgets(ui: UiWorkflow, node: JsonObject): string[] | null {
  const definition = subgraphDefinitions(ui).get(text(node['type']));
  const widgets = definition?.['widgets'];
  return Array.isArray(widgets) ? widgets.map((w) => (isObject(w) ? text(w['name']) : '')) : null;
}

/** Where a slot's value lives in the UI graph: the node and the `widgets_values` position (or key). */
function uiTarget(ui: UiWorkflow, api: ApiPrompt | null, slot: Pick<ParameterSlot, 'nodeId' | 'widget'>, path: string) {
  const node = topNode(ui, slot.nodeId);
  if (!node) throw WorkflowErrors.slot('SLOT_NODE_MISSING', path, `node ${slot.nodeId} is not in the workflow`);
  const inputs = node['inputs'];
  if (
    Array.isArray(inputs) &&
    inputs.some((i) => isObject(i) && isObject(i['widget']) && i['widget']['name'] === slot.widget && i['link'] != null)
  )
    throw WorkflowErrors.slot(
      'SLOT_WIDGET_LINKED',
      path,
      `${slot.widget} on node ${slot.nodeId} is fed by a link: point the slot at the node that feeds it`,
    );
  const promoted = instanceWidgets(ui, node);
  const twin = api?.json[slot.nodeId];
  const index = promoted
    ? promoted.indexOf(slot.widget)
    : widgetIndex(node, slot.widget, isObject(twin) ? twin : undefined);
  if (index === null || index === -1)
    throw WorkflowErrors.slot(
      'SLOT_WIDGET_MISSING',
      path,
      `node ${slot.nodeId} (${text(node['type'])}) has no widget ${slot.widget}`,
    );
  return { node, index };
}

function apiTarget(api: ApiPrompt, slot: Pick<ParameterSlot, 'nodeId' | 'widget'>, path: string) {
  const node = api.json[slot.nodeId];
  if (!isObject(node) || !isObject(node['inputs']))
    throw WorkflowErrors.slot('SLOT_NODE_MISSING', path, `node ${slot.nodeId} is not in the prompt`);
  const inputs = node['inputs'];
  if (!(slot.widget in inputs))
    throw WorkflowErrors.slot('SLOT_WIDGET_MISSING', path, `node ${slot.nodeId} has no input ${slot.widget}`);
  if (apiLinkSource(inputs[slot.widget]) !== null)
    throw WorkflowErrors.slot('SLOT_WIDGET_LINKED', path, `${slot.widget} on node ${slot.nodeId} is fed by a link`);
  return inputs;
}

/** The value a slot's widget holds now (the UI graph's, else the prompt's). */
function currentValue(graph: TemplateGraph, slot: Pick<ParameterSlot, 'nodeId' | 'widget'>, path: string): Json {
  if (graph.ui) {
    const { node, index } = uiTarget(graph.ui, graph.api, slot, path);
    const values = node['widgets_values'];
    return (
      (Array.isArray(values) ? values[index as number] : isObject(values) ? values[index as string] : null) ?? null
    );
  }
  return apiTarget(graph.api!, slot, path)[slot.widget] ?? null;
}

const fits: Record<SlotType, (value: Json) => boolean> = {
  TEXT: (v) => typeof v === 'string',
  ENUM: (v) => typeof v === 'string',
  MODEL: (v) => typeof v === 'string',
  INTEGER: (v) => typeof v === 'number' && Number.isInteger(v),
  SEED: (v) => typeof v === 'number' && Number.isInteger(v),
  NUMBER: (v) => typeof v === 'number',
  BOOLEAN: (v) => typeof v === 'boolean',
};

/**
 * Checks an author's slots against the graphs: each names a node and widget that exist (in every graph given) and
 * hold a value of the slot's type, its constraints are consistent, and its default obeys them. Returns them in a
 * canonical form.
 */
export function checkSlots(graph: TemplateGraph, slots: readonly ParameterSlot[]): ParameterSlot[] {
  if (!graph.ui && !graph.api) throw WorkflowErrors.invalid('$', 'a template has a workflow');
  if (slots.length > MAX_SLOTS) throw WorkflowErrors.tooMany('parameter slots', MAX_SLOTS);
  const keys = new Set<string>();
  const targets = new Set<string>();
  return slots.map((raw, i) => {
    const path = `slots[${i}]`;
    const slot: ParameterSlot = { ...raw, nodeId: String(raw.nodeId), label: raw.label.trim() || raw.widget };
    if (!KEY.test(slot.key))
      throw WorkflowErrors.slot('SLOT_INVALID_KEY', `${path}.key`, 'a key is 1–40 lowercase letters, digits or _');
    if (keys.has(slot.key)) throw WorkflowErrors.slot('SLOT_DUPLICATE', `${path}.key`, `${slot.key} is used twice`);
    keys.add(slot.key);
    const target = `${slot.nodeId}\u0000${slot.widget}`;
    if (targets.has(target))
      throw WorkflowErrors.slot('SLOT_DUPLICATE', path, `two slots set ${slot.widget} on node ${slot.nodeId}`);
    targets.add(target);
    if (!(SLOT_TYPES as readonly string[]).includes(slot.type))
      throw WorkflowErrors.slot('SLOT_INVALID_TYPE', `${path}.type`, `unknown type ${String(slot.type)}`);
    if (slot.label.length > 80)
      throw WorkflowErrors.slot('SLOT_INVALID_LABEL', `${path}.label`, 'at most 80 characters');
    checkConstraints(slot, path);
    if (graph.api) apiTarget(graph.api, slot, path);
    const current = currentValue(graph, slot, path);
    if (!fits[slot.type](current))
      throw WorkflowErrors.slot(
        'SLOT_TYPE_MISMATCH',
        path,
        `${slot.widget} on node ${slot.nodeId} holds ${JSON.stringify(current)?.slice(0, 40)}, not a ${slot.type.toLowerCase()}`,
      );
    try {
      checkValue(slot, slot.default);
    } catch (error) {
      throw WorkflowErrors.slot('SLOT_INVALID_DEFAULT', `${path}.default`, (error as Error).message);
    }
    return slot;
  });
}

function checkConstraints(slot: ParameterSlot, path: string): void {
  const bad = (message: string) => WorkflowErrors.slot('SLOT_INVALID_CONSTRAINT', path, message);
  const numeric = slot.type === 'INTEGER' || slot.type === 'NUMBER' || slot.type === 'SEED';
  for (const bound of ['min', 'max'] as const) {
    const value = slot[bound];
    if (value === undefined) continue;
    if (!numeric) throw bad(`${bound} applies to numbers only`);
    if (!Number.isFinite(value)) throw bad(`${bound} is a finite number`);
  }
  if (slot.min !== undefined && slot.max !== undefined && slot.min > slot.max) throw bad('min is above max');
  if (slot.options !== undefined) {
    if (slot.type !== 'ENUM' && slot.type !== 'MODEL') throw bad('options apply to choices and models only');
    if (!slot.options.length || slot.options.length > 200) throw bad('1 to 200 options');
    if (new Set(slot.options).size !== slot.options.length) throw bad('options are distinct');
  } else if (slot.type === 'ENUM') throw bad('a choice lists its options');
  if (slot.maxLength !== undefined) {
    if (slot.type !== 'TEXT') throw bad('maxLength applies to text only');
    if (!Number.isInteger(slot.maxLength) || slot.maxLength < 1 || slot.maxLength > MAX_TEXT_PARAM)
      throw bad(`maxLength is 1–${MAX_TEXT_PARAM}`);
  }
  if (slot.pattern !== undefined) {
    if (slot.type !== 'TEXT') throw bad('a pattern applies to text only');
    // Bounded: a pattern runs only on text of at most maxLength characters.
    if (slot.pattern.length > 200) throw bad('a pattern is at most 200 characters');
    try {
      new RegExp(slot.pattern, 'u');
    } catch {
      throw bad('the pattern is not a valid regular expression');
    }
  }
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** One parameter value against its slot; throws a typed error naming the parameter. */
function checkValue(slot: ParameterSlot, value: unknown): SlotValue {
  const err = (code: string, message: string) => WorkflowErrors.param(code, slot.key, message);
  switch (slot.type) {
    case 'TEXT': {
      if (typeof value !== 'string') throw err('PARAM_WRONG_TYPE', 'expected text');
      const max = slot.maxLength ?? MAX_TEXT_PARAM;
      if (value.length > max) throw err('PARAM_TOO_LONG', `at most ${max} characters`);
      if (CONTROL_CHARACTERS.test(value)) throw err('PARAM_INVALID_TEXT', 'control characters are not allowed');
      if (slot.pattern && !new RegExp(`^(?:${slot.pattern})$`, 'u').test(value))
        throw err('PARAM_PATTERN', 'does not have the required form');
      return value;
    }
    case 'ENUM':
    case 'MODEL': {
      if (typeof value !== 'string') throw err('PARAM_WRONG_TYPE', 'expected text');
      if (slot.options && !slot.options.includes(value))
        throw err(
          'PARAM_NOT_ALLOWED',
          `one of ${slot.options.slice(0, 5).join(', ')}${slot.options.length > 5 ? ', …' : ''}`,
        );
      if (
        slot.type === 'MODEL' &&
        (!MODEL_FILE.test(value) || value.length > 255 || /(^|[\\/])\.\.([\\/]|$)/.test(value))
      )
        throw err('PARAM_NOT_ALLOWED', 'a model file name inside a model folder');
      return value;
    }
    case 'INTEGER':
    case 'SEED':
    case 'NUMBER': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw err('PARAM_WRONG_TYPE', 'expected a number');
      if (slot.type !== 'NUMBER' && !Number.isSafeInteger(value))
        throw err('PARAM_WRONG_TYPE', 'expected a whole number');
      const min = slot.min ?? (slot.type === 'SEED' ? 0 : -Infinity);
      const max = slot.max ?? (slot.type === 'SEED' ? SEED_MAX : Infinity);
      if (value < min || value > max) throw err('PARAM_OUT_OF_RANGE', `between ${min} and ${max}`);
      return value;
    }
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw err('PARAM_WRONG_TYPE', 'expected true or false');
      return value;
  }
}

/** Params → every slot's value (a missing one takes its default); an unknown or bad one is a typed error. */
export function checkParams(slots: readonly ParameterSlot[], params: Record<string, unknown>): Map<string, SlotValue> {
  const byKey = new Map(slots.map((s) => [s.key, s]));
  for (const key of Object.keys(params))
    if (!byKey.has(key))
      throw WorkflowErrors.param('PARAM_UNKNOWN', key.slice(0, 40), 'this template has no such parameter');
  return new Map(slots.map((s) => [s.key, Object.hasOwn(params, s.key) ? checkValue(s, params[s.key]) : s.default]));
}

/**
 * The template with these parameter values, in every format it has: values are set as JSON values (text stays
 * text, whatever it says), and a seed given here is pinned (`control_after_generate: fixed`), so the workflow runs
 * with exactly that seed when it is queued.
 */
export function renderTemplate(
  graph: TemplateGraph,
  slots: readonly ParameterSlot[],
  params: Record<string, unknown>,
): { ui: JsonObject | null; api: JsonObject | null } {
  const values = checkParams(slots, params);
  const ui = graph.ui ? { ...graph.ui, json: structuredClone(graph.ui.json) } : null;
  const api = graph.api ? { ...graph.api, json: structuredClone(graph.api.json) } : null;
  slots.forEach((slot, i) => {
    const value = values.get(slot.key)!;
    const path = `slots[${i}]`;
    if (ui) {
      const { node, index } = uiTarget(ui, api, slot, path);
      const widgets = node['widgets_values'];
      if (Array.isArray(widgets) && typeof index === 'number') {
        widgets[index] = value;
        // The control after a seed: a combo now, a boolean ("randomize") in older exports.
        const control = widgets[index + 1];
        if (isSeedWidget(slot.widget) && (SEED_CONTROLS.includes(control as never) || typeof control === 'boolean'))
          widgets[index + 1] = 'fixed';
      } else if (isObject(widgets)) widgets[index as string] = value;
    }
    if (api) apiTarget(api, slot, path)[slot.widget] = value;
  });
  return { ui: ui?.json ?? null, api: api?.json ?? null };
}

/** Core widgets that are floats in ComfyUI's node definitions. */
const FLOAT_WIDGETS = new Set([
  'cfg',
  'denoise',
  'guidance',
  'strength',
  'strength_model',
  'strength_clip',
  'min_cfg',
  'augmentation_level',
]);

/** A slot for one widget, typed from the value it holds (null when the value is not a slot type). */
function inferSlot(
  graph: TemplateGraph,
  nodeId: string,
  widget: string,
  used: Set<string>,
  path: string,
): ParameterSlot | null {
  const current = currentValue(graph, { nodeId, widget }, path);
  const node = graph.ui ? topNode(graph.ui, nodeId) : undefined;
  const api = graph.api?.json[nodeId];
  let slotKey =
    widget
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .replace(/^[^a-z]+/, '') || 'value';
  for (let n = 2; used.has(slotKey); n += 1) slotKey = `${slotKey.replace(/_\d+$/, '')}_${n}`;
  used.add(slotKey);
  const title =
    typeof node?.['title'] === 'string'
      ? node['title']
      : text(node?.['type']) || (isObject(api) ? text(api['class_type']) : '') || nodeId;
  const base = { key: slotKey.slice(0, 40), nodeId, widget, label: `${title} · ${widget}`.slice(0, 80) };
  if (typeof current === 'boolean') return { ...base, type: 'BOOLEAN', default: current };
  if (typeof current === 'number') {
    if (isSeedWidget(widget)) return { ...base, type: 'SEED', default: current };
    // A float widget that happens to hold a whole number (cfg 8, strength 1) still takes fractions.
    const whole = Number.isInteger(current) && !FLOAT_WIDGETS.has(widget);
    return { ...base, type: whole ? 'INTEGER' : 'NUMBER', default: current };
  }
  if (typeof current === 'string')
    return MODEL_FILE.test(current) && widget.endsWith('_name')
      ? { ...base, type: 'MODEL', default: current }
      : { ...base, type: 'TEXT', default: current };
  return null;
}

/** Slots from ComfyUI's App Mode data, typed from the values the widgets hold (our own constraints, when present). */
export function slotsFromAppMode(graph: TemplateGraph): ParameterSlot[] {
  const extra = graph.ui?.json['extra'];
  if (!isObject(extra)) return [];
  const ours =
    isObject(extra['lookbook']) && Array.isArray(extra['lookbook']['slots']) ? extra['lookbook']['slots'] : [];
  const linear = isObject(extra['linearData']) ? extra['linearData']['inputs'] : undefined;
  if (!Array.isArray(linear)) return [];
  const used = new Set<string>();
  return linear.flatMap((entry, i) => {
    if (!Array.isArray(entry) || entry.length < 2 || typeof entry[1] !== 'string') return [];
    const nodeId = nodeKey(entry[0]);
    if (nodeId === null) return [];
    const widget = entry[1];
    const saved = ours.find(
      (s): s is JsonObject => isObject(s) && text(s['nodeId']) === nodeId && s['widget'] === widget,
    );
    if (saved) return [saved as unknown as ParameterSlot];
    const slot = inferSlot(graph, nodeId, widget, used, `$.extra.linearData.inputs[${i}]`);
    return slot ? [slot] : [];
  });
}

/** What authors usually let users set, per core node type (the first encoders are the prompts). */
const SUGGESTED: Readonly<Record<string, readonly string[]>> = {
  KSampler: ['seed', 'steps', 'cfg', 'sampler_name'],
  KSamplerAdvanced: ['noise_seed', 'steps', 'cfg'],
  RandomNoise: ['noise_seed'],
  BasicScheduler: ['steps'],
  FluxGuidance: ['guidance'],
  CLIPTextEncode: ['text'],
  EmptyLatentImage: ['width', 'height'],
  EmptySD3LatentImage: ['width', 'height'],
  LoraLoader: ['strength_model'],
  LoraLoaderModelOnly: ['strength_model'],
};

/**
 * Slots an author would likely mark, for a workflow without App Mode data: seeds, steps, guidance, prompts, image
 * size, LoRA strength — each one that checks out against the graph.
 */
export function suggestSlots(graph: TemplateGraph): ParameterSlot[] {
  const nodes: { id: string; type: string }[] = graph.ui
    ? (graph.ui.json['nodes'] as Json[]).flatMap((n) =>
        isObject(n) && nodeKey(n['id']) !== null && n['mode'] !== 2 && n['mode'] !== 4
          ? [{ id: nodeKey(n['id'])!, type: text(n['type']) }]
          : [],
      )
    : Object.entries(graph.api?.json ?? {}).map(([id, n]) => ({ id, type: isObject(n) ? text(n['class_type']) : '' }));
  const used = new Set<string>();
  const out: ParameterSlot[] = [];
  for (const node of nodes)
    for (const widget of SUGGESTED[node.type] ?? []) {
      try {
        const slot = inferSlot(graph, node.id, widget, used, `$.nodes.${node.id}`);
        if (slot) out.push(checkSlots(graph, [slot])[0]!);
      } catch {
        // Not settable here (a linked or missing widget): not suggested.
      }
      if (out.length >= MAX_SLOTS) return out;
    }
  return out;
}

/**
 * The UI workflow with these slots as its App Mode (`linearMode`, `linearData.inputs`, layouts kept for inputs that
 * stay) and our constraints in `extra.lookbook.slots`. Nothing else changes.
 */
export function toAppMode(ui: UiWorkflow, slots: readonly ParameterSlot[]): JsonObject {
  const json = structuredClone(ui.json);
  const extra: JsonObject = isObject(json['extra']) ? json['extra'] : (json['extra'] = {});
  const linear: JsonObject = isObject(extra['linearData']) ? extra['linearData'] : (extra['linearData'] = {});
  const previous = Array.isArray(linear['inputs']) ? linear['inputs'] : [];
  linear['inputs'] = slots.map((slot) => {
    const kept = previous.find((e) => Array.isArray(e) && nodeKey(e[0]) === slot.nodeId && e[1] === slot.widget);
    const id = /^-?\d+$/.test(slot.nodeId) ? Number(slot.nodeId) : slot.nodeId;
    return Array.isArray(kept) && kept.length > 2 ? [id, slot.widget, kept[2]!] : [id, slot.widget];
  });
  extra['linearMode'] = true;
  extra['lookbook'] = {
    ...(isObject(extra['lookbook']) ? extra['lookbook'] : {}),
    slots: slots.map((s) => ({ ...s })),
  };
  return json;
}

export { CONTROL_AFTER_GENERATE };
