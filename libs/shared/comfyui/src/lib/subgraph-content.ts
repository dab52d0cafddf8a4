import type { Json, JsonObject } from './json';
import { isObject, stringifyJson } from './json';
import type { UiWorkflow } from './workflow';
import { text } from './workflow';

/** Subgraph definitions, anywhere in the workflow (they may nest), by id. */
export function subgraphDefinitions(workflow: UiWorkflow): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const visit = (graph: JsonObject) => {
    const defs = graph['definitions'];
    const subgraphs = isObject(defs) ? defs['subgraphs'] : undefined;
    if (Array.isArray(subgraphs))
      for (const sg of subgraphs)
        if (isObject(sg)) {
          out.set(text(sg['id']), sg);
          visit(sg);
        }
  };
  visit(workflow.json);
  return out;
}

/** JSON with object keys sorted at every level: the same value always gives the same text (for content hashes). */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`)
      .join(',')}}`;
  return stringifyJson(value);
}

/**
 * What identifies a subgraph definition's content: everything but its id and revision counter, canonically — so a
 * copy pasted into another workflow (ComfyUI may give it a new id) is still the same definition.
 */
export function subgraphContent(definition: JsonObject): string {
  return canonicalJson(Object.fromEntries(Object.entries(definition).filter(([k]) => k !== 'id' && k !== 'revision')));
}
