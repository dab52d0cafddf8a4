import type { ParameterSlot } from '@lookbook/comfyui';
import { canonicalSlot, graphOf, hashesOf, subgraphsOf } from './workflow-graph';

/** A UI workflow holding these subgraph definitions (the same empty rig under each id/name/revision given). */
const ui = (...rigs: { id: string; name?: string; revision?: number; extra?: object }[]) => ({
  uiWorkflow: JSON.stringify({
    version: 1,
    nodes: [],
    links: [],
    definitions: {
      subgraphs: rigs.map((rig) => ({
        id: rig.id,
        ...(rig.name ? { name: rig.name } : {}),
        ...(rig.revision !== undefined ? { revision: rig.revision } : {}),
        inputNode: { id: -10, bounding: [0, 0, 1, 1] },
        outputNode: { id: -20, bounding: [0, 0, 1, 1] },
        inputs: [],
        outputs: [],
        widgets: [],
        nodes: [],
        links: [],
        ...rig.extra,
      })),
    },
  }),
  apiPrompt: null,
});

describe('subgraph definitions and their content hashes', () => {
  it('names each definition, and hashes its content whatever its id or revision', () => {
    const found = subgraphsOf(graphOf(ui({ id: 'rig', name: 'Harbour Cat rig', revision: 3 }, { id: 'copy' })));
    expect(found).toEqual([
      { id: 'rig', name: 'Harbour Cat rig', revision: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      // No name: its id stands in; no revision: null.
      { id: 'copy', name: 'copy', revision: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    const again = subgraphsOf(graphOf(ui({ id: 'pasted', name: 'Harbour Cat rig', revision: 9 })));
    expect(again[0]!.sha256).toBe(found[0]!.sha256);
  });

  it('a change of content (a name, a widget) is another definition', () => {
    const [base] = subgraphsOf(graphOf(ui({ id: 'rig', name: 'Harbour Cat rig' })));
    for (const change of [{ name: 'Dock Dog rig' }, { extra: { widgets: [{ id: 1, name: 'seed' }] } }]) {
      const [changed] = subgraphsOf(graphOf(ui({ id: 'rig', name: 'Harbour Cat rig', ...change })));
      expect(changed!.sha256).not.toBe(base!.sha256);
    }
  });

  it('an API prompt alone has no subgraphs; hashes are sorted and distinct; an unreadable graph has none', () => {
    expect(
      subgraphsOf(graphOf({ uiWorkflow: null, apiPrompt: '{"1":{"class_type":"KSampler","inputs":{}}}' })),
    ).toEqual([]);
    const hashes = hashesOf(ui({ id: 'a', name: 'B' }, { id: 'b', name: 'A' }, { id: 'c', name: 'B' }));
    expect(hashes).toHaveLength(2);
    expect([...hashes].sort()).toEqual(hashes);
    expect(hashesOf({ uiWorkflow: '{"nodes": "no"}', apiPrompt: null })).toEqual([]);
  });

  it('reads a stored version once, however many fields ask', () => {
    const stored = ui({ id: 'rig' });
    expect(graphOf(stored)).toBe(graphOf(stored));
    expect(graphOf({ ...stored })).not.toBe(graphOf(stored));
  });
});

describe('slots as comparable text', () => {
  const slot: ParameterSlot = { key: 'seed', nodeId: '3', widget: 'seed', label: 'Seed', type: 'SEED', default: 42 };

  it('ignores key order and absent constraints, and tells any value apart', () => {
    const reordered = Object.fromEntries(Object.entries(slot).reverse()) as unknown as ParameterSlot;
    expect(canonicalSlot(reordered)).toBe(canonicalSlot(slot));
    expect(canonicalSlot({ ...slot, min: undefined, pattern: null } as unknown as ParameterSlot)).toBe(
      canonicalSlot(slot),
    );
    for (const change of [{ default: 43 }, { default: 2n ** 64n }, { label: 'Seed ' }, { min: 0 }])
      expect(canonicalSlot({ ...slot, ...change })).not.toBe(canonicalSlot(slot));
  });
});
