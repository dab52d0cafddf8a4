import { PROMOTED_WIDGETS_WORKFLOW, recursiveSubgraphWorkflow } from '../testing';
import type { Json } from './workflow';
import {
  MAX_WORKFLOW_BYTES,
  MAX_WORKFLOW_DEPTH,
  MAX_WORKFLOW_NODES,
  allNodes,
  parseWorkflowText,
  readApiPrompt,
  readUiWorkflow,
  readWorkflow,
} from './workflow';
import { canonicalJson, subgraphContent } from './subgraph-content';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code: string }).code, details: (error as { details?: unknown }).details };
  }
  return null;
};

const node = (id: number | string, type = 'KSampler', extra: Record<string, Json> = {}) => ({ id, type, ...extra });
const SUBGRAPH = '6f1c9c4e-2b8d-4c3e-9a71-0d3f5e2a1b77';

describe('reading a workflow file', () => {
  it('refuses text that is not JSON, too large or too deeply nested, before walking it', () => {
    expect(code(() => parseWorkflowText('{"nodes": [')))?.toMatchObject({ code: 'WORKFLOW_NOT_JSON' });
    expect(code(() => parseWorkflowText(' '.repeat(MAX_WORKFLOW_BYTES) + '{}'))).toMatchObject({
      code: 'WORKFLOW_TOO_LARGE',
    });
    expect(
      code(() => parseWorkflowText('['.repeat(MAX_WORKFLOW_DEPTH + 1) + ']'.repeat(MAX_WORKFLOW_DEPTH + 1))),
    ).toMatchObject({
      code: 'WORKFLOW_TOO_DEEP',
    });
    // Deep nesting far past the cap is refused by the scan, not by a stack overflow.
    expect(code(() => parseWorkflowText('['.repeat(1_000_000)))).toMatchObject({ code: 'WORKFLOW_TOO_DEEP' });
    // Brackets inside strings are text.
    expect(parseWorkflowText(JSON.stringify({ note: '['.repeat(500) })).value).toEqual({ note: '['.repeat(500) });
  });

  it("reads Python's NaN and Infinity (ComfyUI writes them) as null, and only outside strings", () => {
    const read = parseWorkflowText('{"a": NaN, "b": -Infinity, "c": "NaN", "d": [Infinity,NaN]}');
    expect(read.value).toEqual({ a: null, b: null, c: 'NaN', d: [null, null] });
    // In the text too (what is stored and handed back is JSON every reader takes), and nothing else moves.
    expect(read.text).toBe('{"a": null, "b": null, "c": "NaN", "d": [null,null]}');
    expect(code(() => parseWorkflowText('{"a": - Infinity}'))).toMatchObject({ code: 'WORKFLOW_NOT_JSON' });
    expect(code(() => parseWorkflowText('{"a": nan}'))).toMatchObject({ code: 'WORKFLOW_NOT_JSON' });
  });

  it('tells a UI export from an API prompt, and neither from other JSON', () => {
    expect(readWorkflow({ nodes: [], links: [] }).workflow).toMatchObject({ kind: 'UI', schema: '0.4' });
    expect(readWorkflow({ version: 1, nodes: [], links: [] }).workflow).toMatchObject({ kind: 'UI', schema: '1' });
    expect(readWorkflow({ '3': { class_type: 'KSampler', inputs: {} } }).workflow).toMatchObject({ kind: 'API' });
    expect(code(() => readWorkflow({ hello: 'world' }))).toMatchObject({ code: 'WORKFLOW_UNKNOWN_FORMAT' });
    expect(code(() => readWorkflow([1, 2]))).toMatchObject({ code: 'WORKFLOW_UNKNOWN_FORMAT' });
  });

  it('keeps every key it does not know, so a round trip is byte for byte', () => {
    const text = JSON.stringify({
      last_node_id: 2,
      nodes: [node(1, 'CLIPTextEncode', { widgets_values: ['x'], futureKey: { deep: [1, 2] }, size: { 0: 1, 1: 2 } })],
      links: [],
      extra: { ds: { scale: 1 }, frontendVersion: '1.30.0', somethingNew: true },
      version: 0.4,
    });
    const { workflow } = readUiWorkflow(parseWorkflowText(text));
    expect(JSON.stringify(workflow.json)).toBe(text);
    expect(workflow.text).toBe(text);
  });

  it.each([
    ['a 64-bit integer', '18446744073709551615', 18446744073709551615n],
    ['1e400', '1e400', Infinity],
    ['-0', '-0', -0],
    ['1.0', '1.0', 1],
    ['a long fraction', '0.1000000000000000055511151231257827', 0.1],
  ])('keeps %s in an unknown key exactly as written, and reads its value', (_what, token, value) => {
    const text = `{\n  "nodes": [],\n  "extra": { "future": { "n": ${token} } },\n  "version": 0.4\n}`;
    const { workflow } = readUiWorkflow(parseWorkflowText(text));
    expect(workflow.text).toBe(text);
    expect(((workflow.json['extra'] as Record<string, Json>)['future'] as Record<string, Json>)['n']).toEqual(value);
  });

  it.each([
    [
      'a NUL in a widget value',
      '{"nodes": [{"id": 1, "type": "X", "widgets_values": ["a\\u0000"]}]}',
      '$.nodes[0].widgets_values[0]',
    ],
    ['a lone surrogate in an unknown key', '{"nodes": [], "extra": {"note": "\\ud800"}}', '$.extra.note'],
    ['a NUL in a key name', '{"nodes": [], "extra": {"a\\u0000b": 1}}', '$.extra'],
    ['a lone surrogate in a key name', '{"nodes": [], "\\udfff": 1}', '$'],
  ])('refuses %s as invalid text, saying where', (_what, text, path) => {
    expect(code(() => parseWorkflowText(text))).toMatchObject({ code: 'WORKFLOW_INVALID_TEXT', details: { path } });
  });

  it('refuses links to missing nodes, in both link shapes, saying where', () => {
    const tuple = { nodes: [node(1), node(2)], links: [[7, 1, 0, 9, 0, 'LATENT']] };
    expect(code(() => readUiWorkflow(tuple))).toMatchObject({
      code: 'WORKFLOW_LINK_TO_MISSING_NODE',
      details: { path: '$.links[0]', nodeId: '9' },
    });
    const object = {
      version: 1,
      nodes: [node(1)],
      links: [{ id: 1, origin_id: 4, origin_slot: 0, target_id: 1, target_slot: 0, type: 'MODEL' }],
    };
    expect(code(() => readUiWorkflow(object))).toMatchObject({ code: 'WORKFLOW_LINK_TO_MISSING_NODE' });
    expect(code(() => readUiWorkflow({ nodes: [node(1)], links: [[1, 1]] }))).toMatchObject({
      code: 'WORKFLOW_INVALID',
    });
  });

  it('refuses nodes without an id or type, duplicated ids, and malformed fields', () => {
    expect(code(() => readUiWorkflow({ nodes: [{ type: 'X' }] }))).toMatchObject({ code: 'WORKFLOW_INVALID' });
    expect(code(() => readUiWorkflow({ nodes: [{ id: 1 }] }))).toMatchObject({ code: 'WORKFLOW_INVALID' });
    expect(code(() => readUiWorkflow({ nodes: [node(1), node('1')] }))).toMatchObject({
      code: 'WORKFLOW_DUPLICATE_NODE',
    });
    expect(code(() => readUiWorkflow({ nodes: [node(1, 'X', { widgets_values: 'oops' })] }))).toMatchObject({
      code: 'WORKFLOW_INVALID',
      details: { path: '$.nodes[0].widgets_values' },
    });
    expect(code(() => readUiWorkflow({ nodes: [node(1, 'X', { inputs: {} })] }))).toMatchObject({
      code: 'WORKFLOW_INVALID',
    });
  });

  it('caps the number of nodes', () => {
    const nodes = Array.from({ length: MAX_WORKFLOW_NODES + 1 }, (_, i) => node(i));
    expect(code(() => readUiWorkflow({ nodes }))).toMatchObject({ code: 'WORKFLOW_TOO_MANY' });
  });

  it('reads subgraphs: interiors link to the input and output proxies; an instance needs its definition', () => {
    const definition = {
      id: SUBGRAPH,
      revision: 3,
      name: 'Detailer',
      inputNode: { id: -10, bounding: [0, 0, 1, 1] },
      outputNode: { id: -20, bounding: [0, 0, 1, 1] },
      inputs: [],
      outputs: [],
      widgets: [{ id: 5, name: 'seed' }],
      nodes: [node(5, 'KSampler', { widgets_values: [1, 'fixed', 20, 8, 'euler', 'normal', 1] })],
      links: [{ id: 1, origin_id: -10, origin_slot: 0, target_id: 5, target_slot: 0, type: 'MODEL' }],
    };
    const workflow = {
      version: 1,
      nodes: [node(1, SUBGRAPH, { widgets_values: [42] })],
      links: [],
      definitions: { subgraphs: [definition] },
    };
    const read = readUiWorkflow(workflow).workflow;
    expect(allNodes(read).map((n) => [n.scope, n.node['id']])).toEqual([
      [null, 1],
      [SUBGRAPH, 5],
    ]);
    expect(code(() => readUiWorkflow({ ...workflow, definitions: { subgraphs: [] } }))).toMatchObject({
      code: 'WORKFLOW_MISSING_SUBGRAPH',
    });
    const broken = { ...definition, links: [{ id: 1, origin_id: 77, origin_slot: 0, target_id: 5, target_slot: 0 }] };
    expect(code(() => readUiWorkflow({ ...workflow, definitions: { subgraphs: [broken] } }))).toMatchObject({
      code: 'WORKFLOW_LINK_TO_MISSING_NODE',
      details: { path: '$.definitions.subgraphs[0].links[0]' },
    });
  });

  it('flags legacy group nodes in use: "re-save in a current ComfyUI"', () => {
    const { warnings } = readUiWorkflow({
      nodes: [node(1, 'workflow>Upscale')],
      extra: { groupNodes: { Upscale: { nodes: [] } } },
    });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'LEGACY_GROUP_NODES', message: expect.stringContaining('re-save') }),
    ]);
    // A leftover, unused map is not flagged.
    expect(readUiWorkflow({ nodes: [node(1)], extra: { groupNodes: { Upscale: {} } } }).warnings).toEqual([]);
  });

  it('warns about an input naming a link that is not there, without refusing the file', () => {
    const { warnings } = readUiWorkflow({ nodes: [node(1, 'VAEDecode', { inputs: [{ name: 'samples', link: 99 }] })] });
    expect(warnings).toEqual([expect.objectContaining({ code: 'DANGLING_INPUT_LINK', path: '$.nodes[0].inputs[0]' })]);
  });

  it('checks API prompts: class types, inputs, and links to nodes that exist', () => {
    expect(
      readApiPrompt({ '1': { class_type: 'A', inputs: { x: ['2', 0] } }, '2': { class_type: 'B', inputs: {} } }).kind,
    ).toBe('API');
    expect(code(() => readApiPrompt({ '1': { class_type: 'A', inputs: { x: ['9', 0] } } }))).toMatchObject({
      code: 'WORKFLOW_LINK_TO_MISSING_NODE',
      details: { path: '$["1"].inputs.x' },
    });
    expect(code(() => readApiPrompt({ '1': { inputs: {} } }))).toMatchObject({ code: 'WORKFLOW_INVALID' });
    expect(code(() => readApiPrompt({ '1': { class_type: 'A', inputs: [] } }))).toMatchObject({
      code: 'WORKFLOW_INVALID',
    });
    expect(code(() => readApiPrompt({}))).toMatchObject({ code: 'WORKFLOW_INVALID' });
    // A literal pair that is not a link (a float second element) is a value, not a reference.
    expect(readApiPrompt({ '1': { class_type: 'A', inputs: { size: ['9', 0.5] } } }).kind).toBe('API');
  });
});

describe('recursive subgraphs', () => {
  it.each([1, 2, 3, 5])('refuse a cycle of %i definitions, naming it (WORKFLOW_RECURSIVE_SUBGRAPH)', (length) => {
    const error = code(() => readUiWorkflow(parseWorkflowText(recursiveSubgraphWorkflow(length))));
    expect(error).toMatchObject({
      code: 'WORKFLOW_RECURSIVE_SUBGRAPH',
      details: { path: '$.definitions.subgraphs[0]' },
    });
    const cycle = (error!.details as { cycle: string[] }).cycle;
    expect(cycle).toHaveLength(length + 1);
    expect(cycle[0]).toBe(cycle[length]);
    expect(cycle[0]).toBe('"Loop 0"');
  });

  it('refuse a cycle that nothing at the top level uses, and one between nested definitions', () => {
    const A = 'aaaaaaaa-0000-4000-8000-000000000001';
    const B = 'bbbbbbbb-0000-4000-8000-000000000002';
    const unused = {
      nodes: [node(1)],
      definitions: {
        subgraphs: [
          { id: A, nodes: [node(1, B)], links: [] },
          { id: B, nodes: [node(1, A)], links: [] },
        ],
      },
    };
    expect(code(() => readUiWorkflow(unused))?.code).toBe('WORKFLOW_RECURSIVE_SUBGRAPH');
    const nested = {
      nodes: [node(1, A)],
      definitions: {
        subgraphs: [
          { id: A, nodes: [node(1, B)], links: [], definitions: { subgraphs: [{ id: B, nodes: [node(2, A)] }] } },
        ],
      },
    };
    expect(code(() => readUiWorkflow(nested))).toMatchObject({
      code: 'WORKFLOW_RECURSIVE_SUBGRAPH',
      details: { cycle: [A, B, A] },
    });
  });

  it('read nesting without a cycle: a chain, a diamond, one definition used twice', () => {
    expect(readUiWorkflow(parseWorkflowText(PROMOTED_WIDGETS_WORKFLOW)).workflow.kind).toBe('UI');
    const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((x) => `${x.repeat(8)}-0000-4000-8000-000000000000`) as [
      string,
      string,
      string,
      string,
    ];
    const diamond = {
      nodes: [node(1, A), node(2, A)],
      definitions: {
        subgraphs: [
          { id: A, nodes: [node(1, B), node(2, C)], links: [] },
          { id: B, nodes: [node(1, D)], links: [] },
          { id: C, nodes: [node(1, D), node(2, D)], links: [] },
          { id: D, nodes: [node(1, 'KSampler')], links: [] },
        ],
      },
    };
    expect(readUiWorkflow(diamond).workflow.kind).toBe('UI');
    const chain = Array.from({ length: 40 }, (_, i) => ({
      id: `c${i}`,
      nodes: [node(1, i < 39 ? `c${i + 1}` : 'KSampler')],
      links: [],
    }));
    expect(readUiWorkflow({ nodes: [node(1, 'c0')], definitions: { subgraphs: chain } }).workflow.kind).toBe('UI');
  });
});

describe('subgraph content', () => {
  it('is the same for the same definition under another id, revision or key order, and differs on any change', () => {
    const a = { id: 'a', revision: 1, name: 'Rig', nodes: [node(5, 'KSampler', { widgets_values: [1, 'fixed', 20] })] };
    const b = {
      nodes: [{ widgets_values: [1, 'fixed', 20], type: 'KSampler', id: 5 }],
      name: 'Rig',
      revision: 7,
      id: 'b',
    };
    expect(subgraphContent(b)).toBe(subgraphContent(a));
    expect(subgraphContent({ ...a, nodes: [node(5, 'KSampler', { widgets_values: [1, 'fixed', 21] })] })).not.toBe(
      subgraphContent(a),
    );
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
  });
});
