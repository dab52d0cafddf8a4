import type { ResourceKind } from './loaders';
import { baseName, CORE_LOADERS, NON_FILE_VAES } from './loaders';
import type { Json, JsonObject } from './workflow';
import { allNodes, apiLinkSource, isObject, nodeKey, text } from './workflow';
import type { TemplateGraph } from './slots';
import { widgetIndex } from './widgets';
import { definitionIndex, promotedWidgets, widgetTarget } from './widget-targets';

/**
 * What a workflow needs to run: the node packs it uses and every model file it loads. Models come from the core
 * loader nodes (their file inputs, in the API prompt or the UI graph), from `properties.models[]` on any node
 * (ComfyUI's own download hints, sometimes with a hash) and from the top-level `models[]`. Node packs come from
 * `properties.cnr_id` (Comfy Registry) or `aux_id` (a GitHub repo), with `ver`.
 */
export interface NodePack {
  /** `comfy-core` for ComfyUI's own nodes. */
  id: string;
  source: 'registry' | 'github';
  version: string | null;
  classTypes: string[];
}

export interface ModelDependency {
  /** Where it is loaded: `<nodeId>.<input>` (subgraph interiors: `<subgraphId>/<nodeId>.<input>`), or `models[i]`. */
  slot: string;
  kind: ResourceKind;
  folder: string;
  /** The file name as the workflow gives it (it may include sub-folders). */
  name: string;
  /** Lowercase hex SHA-256, when the workflow states it. */
  sha256: string | null;
  url: string | null;
  /** A LoRA at strength 0 is wired in but does nothing. */
  unused: boolean;
}

export interface Dependencies {
  nodes: NodePack[];
  models: ModelDependency[];
}

const FOLDER_KIND: Record<string, ResourceKind> = {
  checkpoints: 'checkpoint',
  loras: 'lora',
  vae: 'vae',
  controlnet: 'controlnet',
  diffusion_models: 'diffusion_model',
  unet: 'diffusion_model',
  text_encoders: 'text_encoder',
  clip: 'text_encoder',
  clip_vision: 'clip_vision',
  style_models: 'style_model',
  gligen: 'gligen',
  upscale_models: 'upscaler',
  embeddings: 'embedding',
  hypernetworks: 'hypernetwork',
};

const str = (v: Json | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const sha = (hash: Json | undefined, type: Json | undefined) => {
  const h = str(hash)?.toLowerCase();
  return h && /^[0-9a-f]{64}$/.test(h) && (type === undefined || text(type).toUpperCase() === 'SHA256') ? h : null;
};

/** Folder names ComfyUI treats as one (its legacy names): `clip` is `text_encoders`, `unet` is `diffusion_models`. */
const FOLDER_ALIAS: Record<string, string> = { clip: 'text_encoders', unet: 'diffusion_models' };
const sameFolder = (folder: string) => FOLDER_ALIAS[folder] ?? folder;
const fileKey = (name: string) => baseName(name).toLowerCase();

export function detectDependencies(graph: TemplateGraph): Dependencies {
  /** What loader inputs load, one entry per file (`folder NUL name`). */
  const loaded = new Map<string, ModelDependency>();
  /** Download hints (`properties.models`, top-level `models`): they say what a file is, not where it is loaded. */
  const hints: ModelDependency[] = [];
  const load = (m: ModelDependency) => {
    const at = `${m.folder}\u0000${m.name}`;
    const known = loaded.get(at);
    // One entry per file, at the first input that loads it; used when any of its loaders uses it.
    loaded.set(at, known ? { ...known, unused: known.unused && m.unused } : m);
  };
  const loader = (scope: string, id: string, classType: string, value: (input: string) => Json | undefined) => {
    for (const spec of CORE_LOADERS[classType] ?? []) {
      const name = str(value(spec.input));
      if (!name || (spec.kind === 'vae' && NON_FILE_VAES.has(name))) continue;
      const weight = spec.weight ? value(spec.weight) : undefined;
      load({
        slot: `${scope}${id}.${spec.input}`,
        kind: spec.kind,
        folder: spec.folder,
        name,
        sha256: null,
        url: null,
        unused: spec.kind === 'lora' && weight === 0,
      });
    }
  };
  if (graph.api)
    for (const [id, node] of Object.entries(graph.api.json)) {
      if (!isObject(node) || !isObject(node['inputs'])) continue;
      const inputs = node['inputs'];
      loader('', id, text(node['class_type']), (input) =>
        apiLinkSource(inputs[input]) === null ? inputs[input] : undefined,
      );
    }
  const packs = new Map<string, NodePack>();
  if (graph.ui) {
    for (const { scope, node } of allNodes(graph.ui)) {
      const id = nodeKey(node['id']) ?? '?';
      const type = text(node['type']);
      const prefix = scope ? `${scope}/` : '';
      const twin = !scope && graph.api ? graph.api.json[id] : undefined;
      // Muted (2) and bypassed (4) nodes do not run: what they would load is not needed.
      if (node['mode'] === 2 || node['mode'] === 4) continue;
      if (!graph.api || scope)
        loader(prefix, id, type, (input) => {
          const at = widgetIndex(node, input, isObject(twin) ? twin : undefined);
          const values = node['widgets_values'];
          return at === null
            ? undefined
            : Array.isArray(values)
              ? values[at as number]
              : isObject(values)
                ? values[at as string]
                : undefined;
        });
      const props = isObject(node['properties']) ? node['properties'] : {};
      const pack = str(props['cnr_id']) ?? str(props['aux_id']);
      if (pack) {
        const entry = packs.get(pack) ?? {
          id: pack,
          source: str(props['cnr_id']) ? ('registry' as const) : ('github' as const),
          version: str(props['ver']),
          classTypes: [],
        };
        if (!entry.classTypes.includes(type)) entry.classTypes.push(type);
        packs.set(pack, entry);
      }
      const hinted = props['models'];
      if (Array.isArray(hinted)) hinted.forEach((m) => hint(m, `${prefix}${id}.properties.models`));
    }
    const top = graph.ui.json['models'];
    if (Array.isArray(top)) top.forEach((m, i) => hint(m, `models[${i}]`));
    // A subgraph instance's promoted loader widget: the file its own value names (what current ComfyUI loads; the
    // interior's value is listed above). With an API prompt, the prompt already says what ran.
    if (!graph.api) {
      const definitions = definitionIndex(graph.ui);
      for (const node of graph.ui.json['nodes'] as Json[]) {
        if (!isObject(node) || node['mode'] === 2 || node['mode'] === 4) continue;
        const id = nodeKey(node['id']);
        if (id === null || !definitions.has(text(node['type']))) continue;
        for (const name of promotedWidgets(graph.ui, node, definitions)) {
          const target = widgetTarget(graph.ui, null, id, name, definitions);
          if ('problem' in target) continue;
          const value = target.places.find((p) => p.value !== null)?.value;
          for (const end of target.ends) loader('', id, end.type, (input) => (input === end.input ? value : undefined));
        }
      }
    }
  }
  function hint(m: Json, slot: string) {
    if (!isObject(m)) return;
    const name = str(m['name']);
    const folder = str(m['directory']) ?? 'other';
    if (!name) return;
    hints.push({
      slot,
      kind: FOLDER_KIND[folder] ?? 'other',
      folder,
      name,
      sha256: sha(m['hash'], m['hash_type']),
      url: str(m['url']),
      unused: false,
    });
  }

  // A hint about a file a loader loads is attributed to that loader input (`38.clip_name`, never
  // `38.properties.models`): same folder (legacy names count) and same name, or the same file name when either side
  // has sub-folders or the hint names no folder. Its hash and URL join the loader's entry. Other hints stand alone.
  const models = [...loaded.values()];
  const standalone = new Map<string, ModelDependency>();
  for (const h of hints) {
    const folder = sameFolder(h.folder);
    const target =
      models.find((m) => sameFolder(m.folder) === folder && m.name === h.name) ??
      models.find(
        (m) => (sameFolder(m.folder) === folder || h.folder === 'other') && fileKey(m.name) === fileKey(h.name),
      ) ??
      standalone.get(`${folder}\u0000${h.name}`);
    if (target) {
      target.sha256 ??= h.sha256;
      target.url ??= h.url;
    } else {
      const entry = { ...h };
      standalone.set(`${folder}\u0000${h.name}`, entry);
      models.push(entry);
    }
  }
  return {
    nodes: [...packs.values()].sort((a, b) => a.id.localeCompare(b.id)),
    models: models.sort((a, b) => a.folder.localeCompare(b.folder) || a.name.localeCompare(b.name)),
  };
}

/** The file name a catalog file would carry (no folders), for matching by name. */
export const modelFileName = (dependency: Pick<ModelDependency, 'name'>) => baseName(dependency.name);

export type { JsonObject };
