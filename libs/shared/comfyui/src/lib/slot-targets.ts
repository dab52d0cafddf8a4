import type { Json, JsonObject } from './json';
import { isObject } from './json';
import type { ParameterSlot, TemplateGraph } from './slots';
import type { WidgetTarget } from './widget-targets';
import { definitionIndex, widgetTarget } from './widget-targets';
import type { ApiPrompt, UiWorkflow } from './workflow';
import { apiLinkSource, nodeKey, text } from './workflow';
import { WorkflowErrors } from './workflow-errors';

/**
 * Where a parameter slot's value lives: its places in the UI graph, the API prompt inputs it sets, and the value it
 * holds now, each checked (a missing node or widget, or one fed by a link, is a typed slot error naming the slot).
 */
/** Where a slot's value lives in the UI graph (every copy of it), or a typed error saying why it cannot be set. */
export function uiTarget(
  ui: UiWorkflow,
  api: ApiPrompt | null,
  slot: Pick<ParameterSlot, 'nodeId' | 'widget'>,
  path: string,
): WidgetTarget {
  const found = widgetTarget(ui, api, slot.nodeId, slot.widget, definitionIndex(ui));
  if (!('problem' in found)) return found;
  if (found.problem === 'NODE_MISSING')
    throw WorkflowErrors.slot('SLOT_NODE_MISSING', path, `node ${slot.nodeId} is not in the workflow`);
  if (found.problem === 'WIDGET_LINKED')
    throw WorkflowErrors.slot(
      'SLOT_WIDGET_LINKED',
      path,
      `${slot.widget} on node ${slot.nodeId} is fed by a link: point the slot at the node that feeds it`,
    );
  const node = (ui.json['nodes'] as Json[]).find((n) => isObject(n) && nodeKey(n['id']) === slot.nodeId);
  throw WorkflowErrors.slot(
    'SLOT_WIDGET_MISSING',
    path,
    `node ${slot.nodeId} (${isObject(node) ? text(node['type']) : '?'}) has no widget ${slot.widget}`,
  );
}

/** The inputs object of an API node that holds `input` as a literal. */
export function apiInputs(api: ApiPrompt, id: string, input: string, path: string): JsonObject {
  const node = api.json[id];
  if (!isObject(node) || !isObject(node['inputs']))
    throw WorkflowErrors.slot('SLOT_NODE_MISSING', path, `node ${id} is not in the prompt`);
  const inputs = node['inputs'];
  if (!(input in inputs)) throw WorkflowErrors.slot('SLOT_WIDGET_MISSING', path, `node ${id} has no input ${input}`);
  if (apiLinkSource(inputs[input]) !== null)
    throw WorkflowErrors.slot('SLOT_WIDGET_LINKED', path, `${input} on node ${id} is fed by a link`);
  return inputs;
}

/** The API prompt inputs a slot sets (each checked): its own node's, or a promoted widget's interior nodes'. */
export function apiRefs(
  graph: TemplateGraph,
  slot: Pick<ParameterSlot, 'nodeId' | 'widget'>,
  path: string,
  target?: WidgetTarget,
) {
  if (!graph.api) return [];
  const refs = target ? target.api : [{ id: slot.nodeId, input: slot.widget }];
  for (const ref of refs) apiInputs(graph.api, ref.id, ref.input, path);
  return refs;
}

/** The value a slot's widget holds now (the UI graph's — the instance's own first —, else the prompt's). */
export function currentValue(graph: TemplateGraph, slot: Pick<ParameterSlot, 'nodeId' | 'widget'>, path: string): Json {
  if (graph.ui) {
    const { places } = uiTarget(graph.ui, graph.api, slot, path);
    return places.find((p) => p.value !== null)?.value ?? null;
  }
  return apiInputs(graph.api!, slot.nodeId, slot.widget, path)[slot.widget] ?? null;
}
