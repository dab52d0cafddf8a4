import type { Json, JsonObject, JsonPath } from './json';
import { isObject, parseJson } from './json';
import type { ApiPrompt, UiWorkflow } from './workflow';
import { MAX_SUBGRAPHS, nodeKey, readLinks, SUBGRAPH_INPUT_NODE, text } from './workflow';
import { isSeedWidget, SEED_CONTROLS, widgetIndex } from './widgets';

/**
 * Where a top-level widget's value lives in a UI graph — a plain node's `widgets_values` position, or, for a subgraph
 * instance, its promoted widget: the instance's own value and the interior widget it stands for.
 *
 * Current ComfyUI subgraph instances list their promoted widgets in `properties.proxyWidgets`, as
 * `[sourceNodeId, widgetName]` pairs (a JSON list, or that list as a string): `"-1"` names one of the subgraph's own
 * inputs (the widget of the interior input it is linked to), any other id an interior node's widget (which may
 * itself be a nested instance's promoted widget); names starting with `$$` are image previews, not values. The
 * instance's `widgets_values` holds their values in that order (a seed may be followed by its control value).
 * The newest ComfyUI drops `proxyWidgets`: an instance's promoted widgets are its inputs that show a widget, their
 * values in that order. The first subgraphs named them in the definition's `widgets` list instead.
 *
 * ComfyUI versions differ in which copy they run (the instance's value, or the interior widget's), so a value is
 * written to every copy: they always agree.
 */
export interface WidgetPlace {
  /** The value's path in the UI graph. */
  path: JsonPath;
  value: Json;
  /** A seed's control value (`control_after_generate`) right after it, when there is one. */
  control: JsonPath | null;
}

export interface WidgetTarget {
  /** Outermost first: the instance's own value, then the interior ones. */
  places: WidgetPlace[];
  /** The API prompt inputs that hold it (inside a subgraph, ids are `instance:node`). */
  api: { id: string; input: string }[];
  /** The widget's node: its type, and for an instance the subgraph's name. */
  title: string;
  /** The interior widget a promoted widget stands for (its own name otherwise). */
  source: string;
  /** The plain nodes' widgets it ends at: their type and input (a promoted loader's file, say). */
  ends: { type: string; input: string }[];
}

export type WidgetLookup = WidgetTarget | { problem: 'NODE_MISSING' | 'WIDGET_MISSING' | 'WIDGET_LINKED' };

const indexes = new WeakMap<UiWorkflow, Map<string, { definition: JsonObject; path: JsonPath }>>();

/** Subgraph definitions (they may nest), by id, with where each sits in the document (read once per workflow). */
export function definitionIndex(ui: UiWorkflow): Map<string, { definition: JsonObject; path: JsonPath }> {
  const known = indexes.get(ui);
  if (known) return known;
  const out = new Map<string, { definition: JsonObject; path: JsonPath }>();
  indexes.set(ui, out);
  const visit = (graph: JsonObject, path: JsonPath) => {
    const defs = graph['definitions'];
    const subgraphs = isObject(defs) ? defs['subgraphs'] : undefined;
    if (Array.isArray(subgraphs))
      subgraphs.forEach((sg, i) => {
        if (!isObject(sg)) return;
        const at = [...path, 'definitions', 'subgraphs', i];
        out.set(text(sg['id']), { definition: sg, path: at });
        visit(sg, at);
      });
  };
  visit(ui.json, []);
  return out;
}

const isInteger = (value: Json | undefined) =>
  (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
const isControl = (value: Json | undefined) => SEED_CONTROLS.includes(value as never) || typeof value === 'boolean';

/** `properties.proxyWidgets` as pairs (null when the node has none, or they are not pairs of strings). */
export function proxyWidgets(node: JsonObject): [string, string][] | null {
  const props = node['properties'];
  let raw: Json | undefined = isObject(props) ? props['proxyWidgets'] : undefined;
  if (typeof raw === 'string') {
    try {
      raw = parseJson(raw).value;
    } catch {
      return null;
    }
  }
  if (!Array.isArray(raw)) return null;
  const pairs: [string, string][] = [];
  for (const entry of raw) {
    if (!Array.isArray(entry) || entry.length < 2) return null;
    const source = nodeKey(entry[0]);
    if (source === null || typeof entry[1] !== 'string') return null;
    pairs.push([source, entry[1]]);
  }
  return pairs;
}

/**
 * The names promoted widgets go by on their instance: a subgraph input's name, an interior widget's name when no
 * other promoted widget shares it, else `node: widget` (the name ComfyUI gives such a proxy).
 */
export function promotedNames(entries: readonly [string, string][]): string[] {
  const count = new Map<string, number>();
  for (const [, w] of entries) count.set(w, (count.get(w) ?? 0) + 1);
  return entries.map(([source, w]) => (source === '-1' || count.get(w) === 1 ? w : `${source}: ${w}`));
}

/** Each promoted widget's position in the instance's `widgets_values` (and its seed control's, if one follows). */
function hostPositions(entries: readonly [string, string][], values: Json | undefined) {
  if (!Array.isArray(values)) return entries.map(() => ({ at: null, control: null }));
  let next = 0;
  let spare = values.length - entries.length;
  return entries.map(() => {
    const at = next < values.length ? next : null;
    next += 1;
    let control: number | null = null;
    if (at !== null && spare > 0 && isInteger(values[at]) && isControl(values[next])) {
      control = next;
      next += 1;
      spare -= 1;
    }
    return { at, control };
  });
}

interface Context {
  ui: UiWorkflow;
  api: ApiPrompt | null;
  definitions: Map<string, { definition: JsonObject; path: JsonPath }>;
}

const nodesOf = (graph: JsonObject): Json[] => (Array.isArray(graph['nodes']) ? graph['nodes'] : []);

function plainNode(
  context: Context,
  node: JsonObject,
  nodePath: JsonPath,
  widget: string,
  prefix: string,
): WidgetLookup {
  const apiId = `${prefix}${nodeKey(node['id'])}`;
  const twin = context.api?.json[apiId];
  const at = widgetIndex(node, widget, isObject(twin) ? twin : undefined);
  if (at === null) return { problem: 'WIDGET_MISSING' };
  const values = node['widgets_values'];
  const value = (Array.isArray(values) ? values[at as number] : isObject(values) ? values[at as string] : null) ?? null;
  const next = Array.isArray(values) && typeof at === 'number' ? values[at + 1] : undefined;
  return {
    places: [
      {
        path: [...nodePath, 'widgets_values', at],
        value,
        control: isSeedWidget(widget) && isControl(next) ? [...nodePath, 'widgets_values', (at as number) + 1] : null,
      },
    ],
    api: [{ id: apiId, input: widget }],
    title: text(node['title']) || text(node['type']),
    source: widget,
    ends: [{ type: text(node['type']), input: widget }],
  };
}

/** The names of an instance's inputs that show a widget (in order: the order of their values). */
function inputWidgets(node: JsonObject): string[] {
  const inputs = node['inputs'];
  return Array.isArray(inputs)
    ? inputs.flatMap((i) => (isObject(i) && isObject(i['widget']) && typeof i['name'] === 'string' ? [i['name']] : []))
    : [];
}

/** A widget input of this node fed by a link: its value comes from elsewhere. */
const linkedInput = (node: JsonObject, widget: string) => {
  const inputs = node['inputs'];
  return (
    Array.isArray(inputs) &&
    inputs.some(
      (i) =>
        isObject(i) &&
        (isObject(i['widget']) ? i['widget']['name'] === widget : i['name'] === widget) &&
        i['link'] !== null &&
        i['link'] !== undefined,
    )
  );
};

/** The interior widgets a subgraph input feeds (following its links from the input proxy node). */
function throughInput(
  context: Context,
  definition: JsonObject,
  definitionPath: JsonPath,
  input: string,
  prefix: string,
  depth: number,
): WidgetLookup {
  const inputs = Array.isArray(definition['inputs']) ? definition['inputs'] : [];
  const slot = inputs.findIndex((i) => isObject(i) && i['name'] === input);
  if (slot < 0) return { problem: 'WIDGET_MISSING' };
  const declared = inputs[slot];
  const linkIds = new Set(
    isObject(declared) && Array.isArray(declared['linkIds']) ? declared['linkIds'].map((l) => nodeKey(l)) : [],
  );
  const nodes = nodesOf(definition);
  const merged: WidgetTarget = { places: [], api: [], title: '', source: input, ends: [] };
  let linked = false;
  for (const link of readLinks(definition)) {
    const fromInput = link.origin === String(SUBGRAPH_INPUT_NODE) && (link.originSlot === slot || linkIds.has(link.id));
    if (!fromInput) continue;
    const i = nodes.findIndex((n) => isObject(n) && nodeKey(n['id']) === link.target);
    const target = nodes[i];
    if (!isObject(target)) continue;
    const targetInputs = target['inputs'];
    const socket = Array.isArray(targetInputs) && link.targetSlot !== null ? targetInputs[link.targetSlot] : undefined;
    if (!isObject(socket)) continue;
    // A plain node's widget input names its widget; a nested instance's input is its own (promoted) widget.
    const widget = isObject(socket['widget']) ? text(socket['widget']['name']) : '';
    const name = widget || (context.definitions.has(text(target['type'])) ? text(socket['name']) : '');
    if (!name) continue;
    const found = resolveWidget(context, target, [...definitionPath, 'nodes', i], name, prefix, depth + 1, true);
    if ('problem' in found) {
      linked ||= found.problem === 'WIDGET_LINKED';
      continue;
    }
    merged.places.push(...found.places);
    merged.api.push(...found.api);
    merged.ends.push(...found.ends);
    merged.source = found.source;
  }
  if (!merged.places.length) return { problem: linked ? 'WIDGET_LINKED' : 'WIDGET_MISSING' };
  return merged;
}

/**
 * A widget of a node in the graph at `nodePath` (`prefix` is the API id prefix of its scope). `viaInput`: reached
 * through a subgraph input's link, which is the value's way in, not a link that overrides it.
 */
function resolveWidget(
  context: Context,
  node: JsonObject,
  nodePath: JsonPath,
  widget: string,
  prefix: string,
  depth: number,
  viaInput: boolean,
): WidgetLookup {
  if (depth > MAX_SUBGRAPHS + 1) return { problem: 'WIDGET_MISSING' };
  if (!viaInput && linkedInput(node, widget)) return { problem: 'WIDGET_LINKED' };
  const found = context.definitions.get(text(node['type']));
  if (!found) return plainNode(context, node, nodePath, widget, prefix);
  const { definition, path: definitionPath } = found;
  const id = nodeKey(node['id']);
  const inner = `${prefix}${id}:`;
  const title = text(node['title']) || text(definition['name']) || 'Subgraph';
  const values = node['widgets_values'];
  const entries = proxyWidgets(node);
  if (entries) {
    const names = promotedNames(entries);
    let i = names.indexOf(widget);
    if (i < 0) i = entries.findIndex(([source, w]) => `${source}: ${w}` === widget);
    if (i >= 0) {
      const [source, sourceWidget] = entries[i]!;
      if (sourceWidget.startsWith('$$')) return { problem: 'WIDGET_MISSING' };
      let interior: WidgetLookup;
      if (source === '-1') {
        if (!viaInput && linkedInput(node, sourceWidget)) return { problem: 'WIDGET_LINKED' };
        interior = throughInput(context, definition, definitionPath, sourceWidget, inner, depth);
      } else {
        const nodes = nodesOf(definition);
        const at = nodes.findIndex((n) => isObject(n) && nodeKey(n['id']) === source);
        const child = nodes[at];
        interior = isObject(child)
          ? resolveWidget(context, child, [...definitionPath, 'nodes', at], sourceWidget, inner, depth + 1, false)
          : { problem: 'WIDGET_MISSING' };
      }
      if ('problem' in interior) return interior;
      const { at, control } = hostPositions(entries, values)[i]!;
      const host: WidgetPlace[] =
        at === null || !Array.isArray(values)
          ? []
          : [
              {
                path: [...nodePath, 'widgets_values', at],
                value: values[at] ?? null,
                control: control === null ? null : [...nodePath, 'widgets_values', control],
              },
            ];
      return { ...interior, places: [...host, ...interior.places], title };
    }
  }
  // An input of the subgraph: reached from the outside, or a widget the instance shows for it without a proxy entry
  // (the newest ComfyUI's promoted widgets: the instance's widget-bearing inputs, their values in that order).
  const inputs = Array.isArray(definition['inputs']) ? definition['inputs'] : [];
  if (inputs.some((i) => isObject(i) && i['name'] === widget)) {
    const interior = throughInput(context, definition, definitionPath, widget, inner, depth);
    if ('problem' in interior) return interior;
    const shown = entries ? [] : inputWidgets(node);
    const i = shown.indexOf(widget);
    const position =
      i < 0
        ? null
        : hostPositions(
            shown.map((name) => ['-1', name] as [string, string]),
            values,
          )[i]!;
    const host: WidgetPlace[] =
      position?.at == null || !Array.isArray(values)
        ? []
        : [
            {
              path: [...nodePath, 'widgets_values', position.at],
              value: values[position.at] ?? null,
              control: position.control === null ? null : [...nodePath, 'widgets_values', position.control],
            },
          ];
    return { ...interior, places: [...host, ...interior.places], title };
  }
  // Older instances: the definition's `widgets` list names the instance's values, in order.
  const declared = definition['widgets'];
  if (Array.isArray(declared)) {
    const at = declared.findIndex((w) => isObject(w) && w['name'] === widget);
    if (at >= 0 && Array.isArray(values) && at < values.length)
      return {
        places: [{ path: [...nodePath, 'widgets_values', at], value: values[at] ?? null, control: null }],
        api: [],
        title,
        source: widget,
        ends: [],
      };
  }
  return { problem: 'WIDGET_MISSING' };
}

/** A top-level node's widget: where its value lives (or why it cannot be set). */
export function widgetTarget(
  ui: UiWorkflow,
  api: ApiPrompt | null,
  nodeId: string,
  widget: string,
  definitions = definitionIndex(ui),
): WidgetLookup {
  const nodes = nodesOf(ui.json);
  const at = nodes.findIndex((n) => isObject(n) && nodeKey(n['id']) === nodeId);
  const node = nodes[at];
  if (!isObject(node)) return { problem: 'NODE_MISSING' };
  return resolveWidget({ ui, api, definitions }, node, ['nodes', at], widget, '', 0, false);
}

/** The widgets a top-level subgraph instance promotes (value widgets, by the names they go by), or none. */
export function promotedWidgets(ui: UiWorkflow, node: JsonObject, definitions = definitionIndex(ui)): string[] {
  const found = definitions.get(text(node['type']));
  if (!found) return [];
  const entries = proxyWidgets(node);
  if (entries) return promotedNames(entries).filter((_, i) => !entries[i]![1].startsWith('$$'));
  const shown = inputWidgets(node);
  if (shown.length) return shown;
  const declared = found.definition['widgets'];
  return Array.isArray(declared)
    ? declared.flatMap((w) => (isObject(w) && typeof w['name'] === 'string' ? [w['name']] : []))
    : [];
}
