import { createHash } from 'node:crypto';
import type { ParameterSlot, TemplateGraph } from '@lookbook/comfyui';
import {
  parseWorkflowText,
  readApiPrompt,
  readUiWorkflow,
  stringifyJson,
  subgraphContent,
  subgraphDefinitions,
} from '@lookbook/comfyui';

/**
 * Helpers over a stored workflow: its graphs read back from the stored text, its subgraph definitions with their
 * content hashes, and slots as comparable text. Pure (no I/O): templates, IPs and the lock rules share them.
 */

/** The texts a template version stores (each exactly as imported), from which its graphs are read. */
export interface WorkflowTexts {
  uiWorkflow: string | null;
  apiPrompt: string | null;
}

/** A subgraph an IP owner locked to their IP: its id and revision when bound, and the SHA-256 of its content. */
export interface LockedSubgraph {
  id: string;
  name: string;
  revision: number | null;
  sha256: string;
}

/** A slot as comparable text: keys sorted (jsonb does not keep their order), undefined fields dropped. */
export const canonicalSlot = (slot: ParameterSlot): string =>
  stringifyJson(
    Object.fromEntries(
      Object.entries(slot)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(),
    ),
  );

/** Every subgraph definition in a UI graph, with its content hash. */
export function subgraphsOf(graph: TemplateGraph): LockedSubgraph[] {
  if (!graph.ui) return [];
  return [...subgraphDefinitions(graph.ui)].map(([id, definition]) => ({
    id,
    name: typeof definition['name'] === 'string' ? definition['name'] : id,
    revision: typeof definition['revision'] === 'number' ? definition['revision'] : null,
    sha256: createHash('sha256').update(subgraphContent(definition)).digest('hex'),
  }));
}

const graphs = new WeakMap<WorkflowTexts, TemplateGraph>();

/**
 * The graphs a stored version holds, as the workflow library reads them from their stored text (checked again: the
 * row is the source). Read once per loaded row: a page's fields share it.
 */
export function graphOf(version: WorkflowTexts): TemplateGraph {
  const known = graphs.get(version);
  if (known) return known;
  const graph: TemplateGraph = {
    ui: version.uiWorkflow ? readUiWorkflow(parseWorkflowText(version.uiWorkflow)).workflow : null,
    api: version.apiPrompt ? readApiPrompt(parseWorkflowText(version.apiPrompt)) : null,
  };
  graphs.set(version, graph);
  return graph;
}

/** The sorted, distinct content hashes of a stored version's subgraph definitions (none when it no longer reads). */
export function hashesOf(version: WorkflowTexts): string[] {
  try {
    return [...new Set(subgraphsOf(graphOf(version)).map((s) => s.sha256))].sort();
  } catch {
    return [];
  }
}
