import type { TextProblem } from '@lookbook/kernel';
import { ValidationError } from '@lookbook/kernel';

const TEXT_PROBLEMS: Partial<Record<TextProblem, string>> = {
  INVALID_UNICODE: 'invalid Unicode (an unpaired surrogate)',
  CONTROL_CHARACTER: 'a control character (NUL, or another C0/C1 control)',
  BIDI_OVERRIDE: 'a bidirectional override character',
};

/**
 * Why a workflow, its slots or a set of parameters was refused: a stable code, a message a person can act on, and
 * where in the JSON the problem is (`nodes[3].id`, `definitions.subgraphs[0].links[2]`, `params.seed`).
 */
export const WorkflowErrors = {
  notJson: () => new ValidationError('WORKFLOW_NOT_JSON', 'This is not a ComfyUI workflow: it is not JSON'),
  tooLarge: (max: number) =>
    new ValidationError('WORKFLOW_TOO_LARGE', `A workflow is at most ${Math.round(max / 1024 / 1024)} MiB`, { max }),
  tooDeep: (max: number) =>
    new ValidationError('WORKFLOW_TOO_DEEP', `A workflow nests at most ${max} levels deep`, { max }),
  tooMany: (what: string, max: number) =>
    new ValidationError('WORKFLOW_TOO_MANY', `A workflow has at most ${max} ${what}`, { what, max }),
  unknownFormat: () =>
    new ValidationError(
      'WORKFLOW_UNKNOWN_FORMAT',
      'Not a ComfyUI workflow: expected a UI export (with "nodes") or an API prompt (nodes with "class_type")',
    ),
  invalidText: (path: string, problem: TextProblem, what: 'a key' | 'a value') =>
    new ValidationError(
      'WORKFLOW_INVALID_TEXT',
      `${path}: ${what} contains ${TEXT_PROBLEMS[problem] ?? problem}; remove it in ComfyUI and export again`,
      { path, problem },
    ),
  recursiveSubgraph: (path: string, cycle: string[]) =>
    new ValidationError(
      'WORKFLOW_RECURSIVE_SUBGRAPH',
      `${path}: subgraph ${cycle[0]} contains itself (${cycle.join(' → ')}): a subgraph cannot run inside itself`,
      { path, cycle },
    ),
  invalid: (path: string, message: string) => new ValidationError('WORKFLOW_INVALID', `${path}: ${message}`, { path }),
  duplicateNode: (path: string, id: string) =>
    new ValidationError('WORKFLOW_DUPLICATE_NODE', `${path}: node id ${id} is used twice`, { path, nodeId: id }),
  missingNode: (path: string, id: string) =>
    new ValidationError('WORKFLOW_LINK_TO_MISSING_NODE', `${path}: links to node ${id}, which is not in the graph`, {
      path,
      nodeId: id,
    }),
  missingDefinition: (path: string, id: string) =>
    new ValidationError('WORKFLOW_MISSING_SUBGRAPH', `${path}: uses subgraph ${id}, which is not defined`, {
      path,
      subgraphId: id,
    }),
  slot: (code: string, path: string, message: string) => new ValidationError(code, `${path}: ${message}`, { path }),
  param: (code: string, key: string, message: string) =>
    new ValidationError(code, `${key}: ${message}`, { field: `params.${key}` }),
};
