import { textProblem } from '@lookbook/kernel';
import { WorkflowErrors } from './workflow-errors';
import { appModeEdits } from './app-mode';
import type { Json, JsonObject } from './json';
import { isObject, stringifyJson } from './json';
import type { JsonEdit } from './json-edit';
import { editJson } from './json-edit';
import { apiRefs, currentValue, uiTarget } from './slot-targets';
import type { ApiPrompt, UiWorkflow } from './workflow';
import { nodeKey, text } from './workflow';
import { CONTROL_AFTER_GENERATE, isSeedWidget } from './widgets';
import { definitionIndex, promotedWidgets } from './widget-targets';

/**
 * Parameter slots: the node inputs a template's author lets its users set, each with a type, constraints and a
 * default. They map one-to-one onto ComfyUI's App Mode (`extra.linearData.inputs = [nodeId, widgetName, layout?][]`),
 * so a template imports its app from ComfyUI and exports back as one; our constraints ride along in
 * `extra.lookbook.slots`, which ComfyUI keeps untouched. A slot names a top-level node and one of its widgets — for a
 * subgraph instance, one of its promoted widgets (see `widget-targets.ts`).
 *
 * Integers beyond 2^53 (ComfyUI seeds go to 2^64 − 1) are bigints, exact from the workflow to the rendered file.
 */
export const SLOT_TYPES = ['TEXT', 'INTEGER', 'NUMBER', 'BOOLEAN', 'ENUM', 'SEED', 'MODEL'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];
export type SlotValue = string | number | bigint | boolean;

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
/** ComfyUI seeds are unsigned 64-bit: 0 to 2^64 − 1. */
export const SEED_MAX = 2n ** 64n - 1n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const whole = (v: Json) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';

const fits: Record<SlotType, (value: Json) => boolean> = {
  TEXT: (v) => typeof v === 'string',
  ENUM: (v) => typeof v === 'string',
  MODEL: (v) => typeof v === 'string',
  INTEGER: whole,
  SEED: whole,
  NUMBER: (v) => typeof v === 'number' || typeof v === 'bigint',
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
    apiRefs(graph, slot, path, graph.ui ? uiTarget(graph.ui, graph.api, slot, path) : undefined);
    const current = currentValue(graph, slot, path);
    if (!fits[slot.type](current))
      throw WorkflowErrors.slot(
        'SLOT_TYPE_MISMATCH',
        path,
        `${slot.widget} on node ${slot.nodeId} holds ${stringifyJson(current).slice(0, 40)}, not a ${slot.type.toLowerCase()}`,
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

/** Text a workflow may hold (the workflow reader's rules: what we write, we would read back). */
const badText = (value: string) => {
  const problem = textProblem(value);
  return problem === 'INVALID_UNICODE' || problem === 'CONTROL_CHARACTER' || problem === 'BIDI_OVERRIDE';
};

/** One parameter value against its slot; throws a typed error naming the parameter. */
function checkValue(slot: ParameterSlot, value: unknown): SlotValue {
  const err = (code: string, message: string) => WorkflowErrors.param(code, slot.key, message);
  switch (slot.type) {
    case 'TEXT': {
      if (typeof value !== 'string') throw err('PARAM_WRONG_TYPE', 'expected text');
      const max = slot.maxLength ?? MAX_TEXT_PARAM;
      if (value.length > max) throw err('PARAM_TOO_LONG', `at most ${max} characters`);
      if (badText(value))
        throw err('PARAM_INVALID_TEXT', 'control characters, bidi overrides and invalid Unicode are not allowed');
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
      if (badText(value)) throw err('PARAM_INVALID_TEXT', 'control characters and invalid Unicode are not allowed');
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
      let number: number | bigint;
      if (typeof value === 'bigint')
        // Exact: a bigint within 2^53 is an ordinary number.
        number = value >= -SAFE && value <= SAFE ? Number(value) : value;
      else if (typeof value === 'number' && Number.isFinite(value)) {
        if (slot.type !== 'NUMBER' && !Number.isSafeInteger(value))
          throw err(
            'PARAM_WRONG_TYPE',
            Number.isInteger(value)
              ? 'a whole number beyond 2^53 is not exact as a number: send its digits as JSON'
              : 'expected a whole number',
          );
        number = value;
      } else throw err('PARAM_WRONG_TYPE', 'expected a number');
      const min = slot.min ?? (slot.type === 'SEED' ? 0 : -Infinity);
      const max = slot.max ?? (slot.type === 'SEED' ? SEED_MAX : Infinity);
      if (number < min || number > max) throw err('PARAM_OUT_OF_RANGE', `between ${min} and ${max}`);
      return number;
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
 * The template with these parameter values, in every format it has, as JSON texts: each value is written at every
 * place that holds it (text stays text, whatever it says; integers keep every digit), everything else byte for byte.
 * A seed given here is pinned (`control_after_generate: fixed`), so the workflow runs with exactly that seed; a seed
 * not given keeps its control as the author left it. `appMode`: the UI graph opens as these slots' app.
 */
export function renderTemplate(
  graph: TemplateGraph,
  slots: readonly ParameterSlot[],
  params: Record<string, unknown>,
  options: { appMode?: boolean } = {},
): { ui: string | null; api: string | null } {
  const values = checkParams(slots, params);
  const pins: JsonEdit[] = [];
  const ui: JsonEdit[] = [];
  const api: JsonEdit[] = [];
  slots.forEach((slot, i) => {
    const value = values.get(slot.key)!;
    const path = `slots[${i}]`;
    const target = graph.ui ? uiTarget(graph.ui, graph.api, slot, path) : undefined;
    const given = Object.hasOwn(params, slot.key);
    for (const place of target?.places ?? []) {
      ui.push({ path: place.path, value });
      // The control after a seed: a combo now, a boolean ("randomize") in older exports; "fixed" either way.
      if (given && place.control) pins.push({ path: place.control, value: 'fixed' });
    }
    for (const ref of apiRefs(graph, slot, path, target)) api.push({ path: [ref.id, 'inputs', ref.input], value });
  });
  if (options.appMode && graph.ui) ui.push(...appModeEdits(graph.ui, slots));
  return {
    // Pins first: a slot on the control itself wins.
    ui: graph.ui ? editJson(graph.ui.text, [...pins, ...ui]) : null,
    api: graph.api ? editJson(graph.api.text, api) : null,
  };
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
  let title: string;
  // A promoted widget goes by its own name (`3: seed` → seed) and is typed by the widget it stands for.
  let name = widget;
  let source = widget;
  if (graph.ui) {
    const target = uiTarget(graph.ui, graph.api, { nodeId, widget }, path);
    title = target.title || nodeId;
    name = widget.replace(/^[^:]+: /, '');
    source = target.source;
  } else {
    const api = graph.api?.json[nodeId];
    title = (isObject(api) ? text(api['class_type']) : '') || nodeId;
  }
  let slotKey =
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .replace(/^[^a-z]+/, '') || 'value';
  for (let n = 2; used.has(slotKey); n += 1) slotKey = `${slotKey.replace(/_\d+$/, '')}_${n}`;
  used.add(slotKey);
  const base = { key: slotKey.slice(0, 40), nodeId, widget, label: `${title} · ${name}`.slice(0, 80) };
  if (typeof current === 'boolean') return { ...base, type: 'BOOLEAN', default: current };
  if (typeof current === 'number' || typeof current === 'bigint') {
    if (isSeedWidget(source) || isSeedWidget(name)) return { ...base, type: 'SEED', default: current };
    // A float widget that happens to hold a whole number (cfg 8, strength 1) still takes fractions.
    const integer = whole(current) && !FLOAT_WIDGETS.has(source);
    return { ...base, type: integer ? 'INTEGER' : 'NUMBER', default: current };
  }
  if (typeof current === 'string')
    return MODEL_FILE.test(current) && source.endsWith('_name')
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
 * size, LoRA strength — and every widget a subgraph instance promotes (its author chose to show them) — each one
 * that checks out against the graph.
 */
export function suggestSlots(graph: TemplateGraph): ParameterSlot[] {
  const definitions = graph.ui ? definitionIndex(graph.ui) : null;
  const nodes: { id: string; widgets: readonly string[] }[] = graph.ui
    ? (graph.ui.json['nodes'] as Json[]).flatMap((n) =>
        isObject(n) && nodeKey(n['id']) !== null && n['mode'] !== 2 && n['mode'] !== 4
          ? [
              {
                id: nodeKey(n['id'])!,
                widgets: definitions!.has(text(n['type']))
                  ? promotedWidgets(graph.ui!, n, definitions!)
                  : (SUGGESTED[text(n['type'])] ?? []),
              },
            ]
          : [],
      )
    : Object.entries(graph.api?.json ?? {}).map(([id, n]) => ({
        id,
        widgets: SUGGESTED[isObject(n) ? text(n['class_type']) : ''] ?? [],
      }));
  const used = new Set<string>();
  const out: ParameterSlot[] = [];
  for (const node of nodes)
    for (const widget of node.widgets) {
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

export { toAppMode } from './app-mode';
export { CONTROL_AFTER_GENERATE };
