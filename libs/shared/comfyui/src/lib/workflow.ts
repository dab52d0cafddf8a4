import type { Json, JsonDocument, JsonObject } from './json';
import { isObject, jsonDocument, parseJson } from './json';
import { WorkflowErrors } from './workflow-errors';

/**
 * ComfyUI workflows, read from the public format specs (docs.comfy.org/specs/workflow_json and workflow_json_0.4,
 * the API prompt shape): validated for structure, never rewritten. A workflow is its text (see `json.ts`): every key
 * we do not know (and ComfyUI adds them often) and every number survives byte for byte; `json` is the value it holds.
 *
 * Caps keep hostile input cheap: size, nesting depth, nodes, links and subgraphs, all checked before any walk.
 */
export type { Json, JsonObject };
export { isObject };

/** A workflow to read: a parsed document, or a value (read as the compact text it would be written as). */
export type WorkflowInput = JsonDocument | JsonObject | Json[];

export const MAX_WORKFLOW_BYTES = 4 * 1024 * 1024;
export const MAX_WORKFLOW_DEPTH = 64;
export const MAX_WORKFLOW_NODES = 5_000;
export const MAX_WORKFLOW_LINKS = 20_000;
export const MAX_SUBGRAPHS = 200;

/** The proxy nodes inside a subgraph that stand for its inputs and outputs. */
export const SUBGRAPH_INPUT_NODE = -10;
export const SUBGRAPH_OUTPUT_NODE = -20;

export interface UiWorkflow {
  kind: 'UI';
  /** Schema 1 (links as objects, `state`) or 0.4 (links as tuples; also anything older or unversioned). */
  schema: '1' | '0.4';
  json: JsonObject;
  /** The document's text, exactly as read: what is stored, and what edits patch. */
  text: string;
}

export interface ApiPrompt {
  kind: 'API';
  json: JsonObject;
  text: string;
}

export interface WorkflowWarning {
  code: 'LEGACY_GROUP_NODES' | 'DANGLING_INPUT_LINK';
  message: string;
  path: string;
}

/** A node anywhere in a UI workflow: top level (`scope` null) or inside a subgraph definition (`scope` its id). */
export interface ScopedNode {
  scope: string | null;
  path: string;
  node: JsonObject;
}

/** A scalar as text (ids, types, names); anything else is empty. */
export const text = (value: Json | undefined): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
      ? String(value)
      : '';

/** Node ids are integers or strings; compared as strings everywhere. */
export const nodeKey = (id: Json | undefined): string | null =>
  (typeof id === 'number' && Number.isInteger(id)) || typeof id === 'bigint'
    ? String(id)
    : typeof id === 'string' && id !== ''
      ? id
      : null;

/**
 * JSON text → document, refusing what is too large or too deeply nested before parsing it (a depth scan over the
 * text, outside strings), and text no database or reader takes: a NUL, a lone surrogate, a control character or a
 * bidi override in any string or key is `WORKFLOW_INVALID_TEXT` with where it is. Python's `NaN`/`Infinity` (ComfyUI
 * writes them) become null. Numbers are kept exactly (see `json.ts`).
 */
export function parseWorkflowText(text: string): JsonDocument {
  // UTF-8 is at most 3 bytes per UTF-16 unit: only count when it could matter (this also runs in the browser).
  if (text.length > MAX_WORKFLOW_BYTES / 3 && new TextEncoder().encode(text).length > MAX_WORKFLOW_BYTES)
    throw WorkflowErrors.tooLarge(MAX_WORKFLOW_BYTES);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > MAX_WORKFLOW_DEPTH) throw WorkflowErrors.tooDeep(MAX_WORKFLOW_DEPTH);
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return parseJson(text, { textRules: true });
}

/** A UI export or an API prompt, by its shape (a value is read as the compact text it would be written as). */
export function readWorkflow(input: WorkflowInput): {
  workflow: UiWorkflow | ApiPrompt;
  warnings: WorkflowWarning[];
} {
  const { value } = jsonDocument(input);
  if (isObject(value) && Array.isArray(value['nodes'])) return readUiWorkflow(input);
  if (isObject(value) && Object.values(value).some((n) => isObject(n) && 'class_type' in n))
    return { workflow: readApiPrompt(input), warnings: [] };
  throw WorkflowErrors.unknownFormat();
}

/** Checks a UI-format workflow (schema 0.4 or 1, with subgraph definitions) without changing it. */
export function readUiWorkflow(input: WorkflowInput): { workflow: UiWorkflow; warnings: WorkflowWarning[] } {
  const { text: source, value } = jsonDocument(input);
  if (!isObject(value) || !Array.isArray(value['nodes'])) throw WorkflowErrors.invalid('$', 'expected "nodes"');
  const schema = value['version'] === 1 ? '1' : '0.4';
  const warnings: WorkflowWarning[] = [];
  const counts = { nodes: 0, links: 0, subgraphs: 0 };
  const definitions = collectDefinitions(value, '$', counts);
  checkRecursion(definitions);
  checkGraph(value, '$', new Set(definitions.keys()), counts, warnings, false);
  // Legacy group nodes in use: a node typed `workflow>Name` (or `workflow/Name`, the older prefix). An unused
  // `extra.groupNodes` map is harmless (current ComfyUI drops it when it converts them to subgraphs).
  const legacy = allNodes({ kind: 'UI', schema, json: value, text: source }).some(({ node }) =>
    /^workflow[>/]/.test(text(node['type'])),
  );
  if (legacy)
    warnings.push({
      code: 'LEGACY_GROUP_NODES',
      message:
        'This workflow uses legacy group nodes, which ComfyUI no longer supports: re-save it in a current ComfyUI',
      path: '$.extra.groupNodes',
    });
  return { workflow: { kind: 'UI', schema, json: value, text: source }, warnings };
}

/** Checks an API-format prompt: every node has a `class_type` and `inputs`; every link names a node that exists. */
export function readApiPrompt(input: WorkflowInput): ApiPrompt {
  const { text: source, value } = jsonDocument(input);
  if (!isObject(value)) throw WorkflowErrors.invalid('$', 'expected an object of nodes');
  const ids = Object.keys(value);
  if (!ids.length) throw WorkflowErrors.invalid('$', 'no nodes');
  if (ids.length > MAX_WORKFLOW_NODES) throw WorkflowErrors.tooMany('nodes', MAX_WORKFLOW_NODES);
  for (const id of ids) {
    const node = value[id];
    const path = `$["${id}"]`;
    if (!isObject(node)) throw WorkflowErrors.invalid(path, 'a node is an object');
    if (typeof node['class_type'] !== 'string' || !node['class_type'])
      throw WorkflowErrors.invalid(`${path}.class_type`, 'a node has a class_type');
    const inputs = node['inputs'];
    if (!isObject(inputs)) throw WorkflowErrors.invalid(`${path}.inputs`, 'a node has an inputs object');
    for (const [name, input] of Object.entries(inputs)) {
      const source = apiLinkSource(input);
      if (source !== null && !(source in value)) throw WorkflowErrors.missingNode(`${path}.inputs.${name}`, source);
    }
  }
  return { kind: 'API', json: value, text: source };
}

/** An API input that is a link (`[nodeId, outputIndex]`) names its source node; a literal names nothing. */
export function apiLinkSource(input: Json | undefined): string | null {
  return Array.isArray(input) &&
    input.length === 2 &&
    (typeof input[0] === 'string' || typeof input[0] === 'number') &&
    Number.isInteger(input[1])
    ? String(input[0])
    : null;
}

/** Every node of a UI workflow, top level first, then each subgraph definition's interior. */
export function allNodes(workflow: UiWorkflow): ScopedNode[] {
  const out: ScopedNode[] = [];
  const visit = (graph: JsonObject, path: string, scope: string | null) => {
    const nodes = graph['nodes'];
    if (Array.isArray(nodes))
      nodes.forEach((node, i) => {
        if (isObject(node)) out.push({ scope, path: `${path}.nodes[${i}]`, node });
      });
    const defs = graph['definitions'];
    const subgraphs = isObject(defs) ? defs['subgraphs'] : undefined;
    if (Array.isArray(subgraphs))
      subgraphs.forEach((sg, i) => {
        if (isObject(sg)) visit(sg, `${path}.definitions.subgraphs[${i}]`, text(sg['id']));
      });
  };
  visit(workflow.json, '$', null);
  return out;
}

interface Definition {
  definition: JsonObject;
  path: string;
}

function collectDefinitions(
  graph: JsonObject,
  path: string,
  counts: { subgraphs: number },
  ids = new Map<string, Definition>(),
): Map<string, Definition> {
  const defs = graph['definitions'];
  if (defs === undefined) return ids;
  if (!isObject(defs)) throw WorkflowErrors.invalid(`${path}.definitions`, 'expected an object');
  const subgraphs = defs['subgraphs'];
  if (subgraphs === undefined) return ids;
  if (!Array.isArray(subgraphs)) throw WorkflowErrors.invalid(`${path}.definitions.subgraphs`, 'expected a list');
  subgraphs.forEach((sg, i) => {
    const at = `${path}.definitions.subgraphs[${i}]`;
    counts.subgraphs += 1;
    if (counts.subgraphs > MAX_SUBGRAPHS) throw WorkflowErrors.tooMany('subgraph definitions', MAX_SUBGRAPHS);
    if (!isObject(sg) || typeof sg['id'] !== 'string' || !sg['id'])
      throw WorkflowErrors.invalid(at, 'a subgraph definition has an id');
    if (!Array.isArray(sg['nodes'])) throw WorkflowErrors.invalid(`${at}.nodes`, 'expected a list');
    if (ids.has(sg['id'])) throw WorkflowErrors.invalid(`${at}.id`, `subgraph ${sg['id']} is defined twice`);
    ids.set(sg['id'], { definition: sg, path: at });
    collectDefinitions(sg, at, counts, ids);
  });
  return ids;
}

/**
 * A subgraph that contains an instance of itself — directly, or through others that contain it — would expand
 * forever in ComfyUI: refused, naming the cycle. Nesting without a cycle is fine.
 */
function checkRecursion(definitions: Map<string, Definition>): void {
  const uses = (id: string) => {
    const nodes = definitions.get(id)!.definition['nodes'];
    return [
      ...new Set(
        (Array.isArray(nodes) ? nodes : []).flatMap((n) =>
          isObject(n) && typeof n['type'] === 'string' && definitions.has(n['type']) ? [n['type']] : [],
        ),
      ),
    ];
  };
  const done = new Set<string>();
  for (const start of definitions.keys()) {
    if (done.has(start)) continue;
    // Depth-first, iteratively (nesting may be as deep as there are definitions).
    const stack: { id: string; next: string[] }[] = [{ id: start, next: uses(start) }];
    const onPath = new Set([start]);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const child = top.next.shift();
      if (child === undefined) {
        onPath.delete(top.id);
        done.add(top.id);
        stack.pop();
        continue;
      }
      if (onPath.has(child)) {
        const from = stack.findIndex((s) => s.id === child);
        const cycle = [...stack.slice(from).map((s) => s.id), child];
        const name = (id: string) => {
          const n = definitions.get(id)!.definition['name'];
          return typeof n === 'string' && n ? `"${n}"` : id;
        };
        throw WorkflowErrors.recursiveSubgraph(definitions.get(child)!.path, cycle.map(name));
      }
      if (done.has(child)) continue;
      onPath.add(child);
      stack.push({ id: child, next: uses(child) });
    }
  }
}

export interface Link {
  id: string;
  origin: string;
  originSlot: number | null;
  target: string;
  targetSlot: number | null;
}

const slotIndex = (value: Json | undefined) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;

/** Links in either schema's shape: tuples `[id, origin, slot, target, slot, type]` or objects. */
export function readLinks(graph: JsonObject, path = '$'): Link[] {
  const raw = graph['links'];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw WorkflowErrors.invalid(`${path}.links`, 'expected a list');
  return raw.map((link, i) => {
    const at = `${path}.links[${i}]`;
    // Schema 0.4 writes tuples, schema 1 and subgraph interiors objects; either is read wherever it appears.
    if (Array.isArray(link) && link.length >= 5) {
      const [id, origin, originSlot, target, targetSlot] = link;
      const ids = [nodeKey(id), nodeKey(origin), nodeKey(target)];
      if (ids.some((x) => x === null)) throw WorkflowErrors.invalid(at, 'a link is [id, origin, slot, target, slot]');
      return {
        id: ids[0]!,
        origin: ids[1]!,
        originSlot: slotIndex(originSlot),
        target: ids[2]!,
        targetSlot: slotIndex(targetSlot),
      };
    }
    if (isObject(link)) {
      const ids = [nodeKey(link['id']), nodeKey(link['origin_id']), nodeKey(link['target_id'])];
      if (ids.some((x) => x === null)) throw WorkflowErrors.invalid(at, 'a link has id, origin_id and target_id');
      return {
        id: ids[0]!,
        origin: ids[1]!,
        originSlot: slotIndex(link['origin_slot']),
        target: ids[2]!,
        targetSlot: slotIndex(link['target_slot']),
      };
    }
    throw WorkflowErrors.invalid(at, 'not a link');
  });
}

function checkGraph(
  graph: JsonObject,
  path: string,
  definitions: Set<string>,
  counts: { nodes: number; links: number },
  warnings: WorkflowWarning[],
  subgraph: boolean,
): void {
  const nodes = graph['nodes'];
  if (!Array.isArray(nodes)) throw WorkflowErrors.invalid(`${path}.nodes`, 'expected a list');
  counts.nodes += nodes.length;
  if (counts.nodes > MAX_WORKFLOW_NODES) throw WorkflowErrors.tooMany('nodes', MAX_WORKFLOW_NODES);
  const ids = new Set<string>();
  nodes.forEach((node, i) => {
    const at = `${path}.nodes[${i}]`;
    if (!isObject(node)) throw WorkflowErrors.invalid(at, 'a node is an object');
    const id = nodeKey(node['id']);
    if (id === null) throw WorkflowErrors.invalid(`${at}.id`, 'a node id is an integer or a string');
    if (ids.has(id)) throw WorkflowErrors.duplicateNode(`${at}.id`, id);
    ids.add(id);
    if (typeof node['type'] !== 'string' || !node['type'])
      throw WorkflowErrors.invalid(`${at}.type`, 'a node has a type');
    const widgets = node['widgets_values'];
    if (widgets !== undefined && widgets !== null && !Array.isArray(widgets) && !isObject(widgets))
      throw WorkflowErrors.invalid(`${at}.widgets_values`, 'expected a list or an object');
    for (const key of ['inputs', 'outputs'] as const)
      if (node[key] !== undefined && node[key] !== null && !Array.isArray(node[key]))
        throw WorkflowErrors.invalid(`${at}.${key}`, 'expected a list');
    if (node['properties'] !== undefined && !isObject(node['properties']))
      throw WorkflowErrors.invalid(`${at}.properties`, 'expected an object');
    // A node whose type is a UUID-shaped id is a subgraph instance: its definition must exist.
    const type = node['type'];
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(type) && !definitions.has(type))
      throw WorkflowErrors.missingDefinition(`${at}.type`, type);
  });
  const links = readLinks(graph, path);
  counts.links += links.length;
  if (counts.links > MAX_WORKFLOW_LINKS) throw WorkflowErrors.tooMany('links', MAX_WORKFLOW_LINKS);
  const proxies = subgraph ? [String(SUBGRAPH_INPUT_NODE), String(SUBGRAPH_OUTPUT_NODE)] : [];
  const linkIds = new Set<string>();
  links.forEach((link, i) => {
    linkIds.add(link.id);
    for (const end of [link.origin, link.target])
      if (!ids.has(end) && !proxies.includes(end)) throw WorkflowErrors.missingNode(`${path}.links[${i}]`, end);
  });
  nodes.forEach((node, i) => {
    const inputs = (node as JsonObject)['inputs'];
    if (!Array.isArray(inputs)) return;
    inputs.forEach((input, j) => {
      const link = isObject(input) ? nodeKey(input['link']) : null;
      if (link !== null && !linkIds.has(link))
        warnings.push({
          code: 'DANGLING_INPUT_LINK',
          message: `input ${j} refers to link ${link}, which is not in the graph`,
          path: `${path}.nodes[${i}].inputs[${j}]`,
        });
    });
  });
  const defs = graph['definitions'];
  const subgraphs = isObject(defs) ? defs['subgraphs'] : undefined;
  if (Array.isArray(subgraphs))
    subgraphs.forEach((sg, i) =>
      checkGraph(sg as JsonObject, `${path}.definitions.subgraphs[${i}]`, definitions, counts, warnings, true),
    );
}
