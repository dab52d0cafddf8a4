import { sanitizeText } from '@lookbook/kernel';
import type { ResourceKind } from '@lookbook/comfyui';
import { baseName, CORE_LOADERS, NON_FILE_VAES, parseLenientJson } from '@lookbook/comfyui';
import type { GenerationInfo, GenerationResource } from './generation-metadata';

/**
 * Generation info from ComfyUI's API-format graph (`{ "<id>": { class_type, inputs } }`, links `[nodeId, output]`),
 * optionally helped by the UI graph (`workflow`), whose nodes may carry `properties.models[].hash`.
 *
 * Works on any wiring: the prompt is found by following the sampler's conditioning upstream through whatever nodes
 * sit in between (FluxGuidance, ControlNetApply, ReferenceLatent, combines…) to the text encoder; sampler, steps, seed
 * and scheduler are read from the sampler or from the nodes it is wired to (SamplerCustomAdvanced: guider, noise,
 * sampler, sigmas). Every core loader is credited. Input is untrusted: sizes and walks are capped, nothing is run.
 */
type Node = { class_type: string; inputs: Record<string, unknown> };
type Graph = Map<string, Node>;

export const MAX_GRAPH_TEXT = 4 * 1024 * 1024;
const MAX_NODES = 5_000;
const MAX_WALK = 200;
const MAX_TEXT = 5_000;

/** Sampling nodes: what decides steps, seed and sampler. */
const SAMPLERS = new Set(['KSampler', 'KSamplerAdvanced', 'SamplerCustom', 'SamplerCustomAdvanced']);
/** Inputs that carry a prompt into a node, in the order they are followed. */
const CONDITIONING = ['conditioning', 'positive', 'conditioning_to', 'conditioning_1', 'cond1', 'conditioning_from'];
/** Inputs a sampler takes its starting latent from. */
const LATENT_INPUTS = ['latent_image', 'latent', 'samples'];
/** Inputs that never carry the picture being made: not followed when tracing where a latent starts. */
const NOT_LATENT = new Set([
  'model',
  'clip',
  'vae',
  'guider',
  'sampler',
  'sigmas',
  'noise',
  'mask',
  'control_net',
  'clip_vision',
  'style_model',
  'upscale_model',
  ...['positive', 'negative', 'conditioning', 'conditioning_to', 'conditioning_from', 'conditioning_1', 'cond1'],
]);
/** Widget names text encoders keep their text in. */
const TEXT_WIDGETS = ['text', 'text_g', 't5xxl', 'text_l', 'clip_l', 'prompt', 'value', 'string'];

const clip = (text: string | null | undefined) => {
  const value = text ? sanitizeText(text).trim() : '';
  return value ? value.slice(0, MAX_TEXT) : null;
};
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown) => (typeof value === 'string' ? clip(value) : null);

function parseGraph(text: string): Graph | null {
  if (!text || text.length > MAX_GRAPH_TEXT) return null;
  const parsed = parseLenientJson(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const graph: Graph = new Map();
  for (const [id, node] of Object.entries(parsed as Record<string, unknown>).slice(0, MAX_NODES)) {
    const { class_type, inputs } = (node ?? {}) as { class_type?: unknown; inputs?: unknown };
    if (typeof class_type === 'string' && typeof inputs === 'object' && inputs !== null && !Array.isArray(inputs)) {
      graph.set(id, { class_type, inputs: inputs as Record<string, unknown> });
    }
  }
  return graph.size ? graph : null;
}

const linkId = (value: unknown): string | null =>
  Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number')
    ? String(value[0])
    : null;

/** Numeric ids first in numeric order, then the rest: the graph's own order of creation. */
const byId = ([a]: [string, Node], [b]: [string, Node]) => {
  const [x, y] = [Number(a), Number(b)];
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
};

class GraphReader {
  constructor(private readonly graph: Graph) {}

  node(value: unknown): Node | undefined {
    const id = linkId(value);
    return id === null ? undefined : this.graph.get(id);
  }

  /** A widget value, following a link to a primitive node (e.g. a seed or a text wired in from elsewhere). */
  scalar(node: Node | undefined, input: string): unknown {
    const value = node?.inputs[input];
    const source = this.node(value);
    if (!source) return value;
    for (const key of [input, 'value', 'seed', 'noise_seed', 'text', 'string', 'int', 'float', 'number']) {
      const candidate = source.inputs[key];
      if (candidate !== undefined && linkId(candidate) === null) return candidate;
    }
    return undefined;
  }

  /** The text reaching `start` through its conditioning, with the Flux guidance met on the way. */
  prompt(start: unknown): { text: string | null; guidance: number | null } {
    const seen = new Set<string>();
    let guidance: number | null = null;
    const stack: unknown[] = [start];
    for (let steps = 0; stack.length && steps < MAX_WALK; steps += 1) {
      const ref = stack.pop();
      const id = linkId(ref);
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      const node = this.graph.get(id);
      if (!node) continue;
      if (node.class_type === 'FluxGuidance') guidance ??= num(node.inputs['guidance']);
      const text = this.textOf(node);
      if (text !== undefined) return { text, guidance };
      // Conditioning inputs first (the prompt's path), then anything else linked, nearest first.
      const links = Object.entries(node.inputs).filter(([, v]) => linkId(v) !== null);
      const ordered = [
        ...links.filter(([k]) => !CONDITIONING.includes(k)).reverse(),
        ...CONDITIONING.flatMap((k) => links.filter(([name]) => name === k)).reverse(),
      ];
      for (const [, value] of ordered) stack.push(value);
    }
    return { text: null, guidance };
  }

  /** A text encoder's text (`undefined` when the node holds none, `null` when it is empty). */
  private textOf(node: Node): string | null | undefined {
    if (!/TextEncode|Prompt|String|Text/i.test(node.class_type)) return undefined;
    for (const widget of TEXT_WIDGETS) {
      const value = this.scalar(node, widget);
      if (typeof value === 'string') return clip(value);
    }
    return undefined;
  }

  /** The latent size: the first upstream node that states a width and a height. */
  size(start: unknown): { width: number | null; height: number | null } {
    const seen = new Set<string>();
    const stack: unknown[] = [start];
    for (let steps = 0; stack.length && steps < MAX_WALK; steps += 1) {
      const id = linkId(stack.pop());
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      const node = this.graph.get(id);
      if (!node) continue;
      const width = num(this.scalar(node, 'width'));
      const height = num(this.scalar(node, 'height'));
      if (width && height && /Latent/i.test(node.class_type)) return { width, height };
      for (const value of Object.values(node.inputs)) if (linkId(value) !== null) stack.push(value);
    }
    return { width: null, height: null };
  }

  /** A graph whose sampler is not wired to its latent still states the size on its empty latent node. */
  emptyLatent(): [string, number] | undefined {
    const found = [...this.graph.entries()].sort(byId).find(([, n]) => /^Empty.*Latent/.test(n.class_type));
    return found && [found[0], 0];
  }

  /**
   * The sampler the image starts from. A graph may sample more than once (SDXL base then refiner, a hires-fix pass,
   * an upscale through pixels): seed and prompt belong to the first pass, the one whose latent does not come from
   * another sampler. Ranked by where its latent chain starts — an empty latent (text to image), then an encoded image
   * (img2img), then anything else — and, among equals, by lowest node id, so the pick never depends on key order.
   */
  sampler(): Node | undefined {
    const entries = [...this.graph.entries()].sort(byId);
    const samplers = entries.filter(([, n]) => SAMPLERS.has(n.class_type));
    if (!samplers.length) return entries.find(([, n]) => 'positive' in n.inputs && 'negative' in n.inputs)?.[1];
    const ranked = samplers.map(([id, node], order) => ({ node, order, rank: this.latentOrigin(id, node) }));
    ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
    return ranked[0]!.node;
  }

  /**
   * Where a sampler's latent comes from, as a rank (lower is earlier in the picture's making): 0 an empty latent,
   * 1 an encoded image, 2 neither found, 3 another sampler's output upstream (a second pass).
   */
  private latentOrigin(samplerId: string, sampler: Node): number {
    const seen = new Set<string>([samplerId]);
    const stack: unknown[] = LATENT_INPUTS.map((input) => sampler.inputs[input]);
    let origin = 2;
    for (let steps = 0; stack.length && steps < MAX_WALK; steps += 1) {
      const id = linkId(stack.pop());
      if (id === null || seen.has(id)) continue;
      seen.add(id);
      const node = this.graph.get(id);
      if (!node) continue;
      if (SAMPLERS.has(node.class_type)) return 3;
      if (/^Empty.*Latent/i.test(node.class_type)) origin = Math.min(origin, 0);
      else if (/^VAEEncode/i.test(node.class_type)) origin = Math.min(origin, 1);
      // Keep walking (an encoded image may itself be a decoded earlier pass), but never into models, prompts or masks.
      for (const [input, value] of Object.entries(node.inputs))
        if (!NOT_LATENT.has(input) && linkId(value) !== null) stack.push(value);
    }
    return origin;
  }

  resources(hashes: Map<string, string>): GenerationResource[] {
    const found: GenerationResource[] = [];
    const add = (kind: ResourceKind, name: string | null, weight: number | null) => {
      if (!name || found.some((r) => r.kind === kind && r.name === name)) return;
      found.push({ kind, name, hash: hashes.get(baseName(name).toLowerCase()) ?? null, weight });
    };
    for (const [, node] of [...this.graph.entries()].sort(byId)) {
      for (const loader of CORE_LOADERS[node.class_type] ?? []) {
        const name = str(this.scalar(node, loader.input));
        if (!name || (loader.kind === 'vae' && NON_FILE_VAES.has(name))) continue;
        const weight = loader.weight ? num(this.scalar(node, loader.weight)) : null;
        // A LoRA at strength 0 for both model and text encoder changes nothing: it was not used.
        const clipWeight = num(node.inputs['strength_clip']);
        if (loader.kind === 'lora' && weight === 0 && (clipWeight === null || clipWeight === 0)) continue;
        add(loader.kind, name, weight);
      }
      for (const widget of TEXT_WIDGETS) {
        if (!/TextEncode/i.test(node.class_type)) continue;
        const value = this.scalar(node, widget);
        if (typeof value !== 'string') continue;
        for (const match of value.matchAll(/embedding:([^\s,()[\]]{1,200})/gi)) add('embedding', clip(match[1]), null);
      }
    }
    return found;
  }
}

/** `properties.models[]` and top-level `models[]` of a UI graph: file name → SHA-256 (or AutoV2), lower case. */
export function workflowModelHashes(workflowText: string | undefined): Map<string, string> {
  const hashes = new Map<string, string>();
  if (!workflowText || workflowText.length > MAX_GRAPH_TEXT) return hashes;
  const workflow = parseLenientJson(workflowText) as { nodes?: unknown; models?: unknown } | undefined;
  if (typeof workflow !== 'object' || workflow === null) return hashes;
  const entries: unknown[] = Array.isArray(workflow.models) ? [...(workflow.models as unknown[])] : [];
  for (const node of Array.isArray(workflow.nodes) ? (workflow.nodes as unknown[]).slice(0, MAX_NODES) : []) {
    const models = (node as { properties?: { models?: unknown } } | null)?.properties?.models;
    if (Array.isArray(models)) entries.push(...(models as unknown[]));
  }
  for (const entry of entries) {
    const { name, hash } = (entry ?? {}) as { name?: unknown; hash?: unknown };
    const value = typeof hash === 'string' ? hash.trim().toLowerCase() : '';
    if (typeof name === 'string' && /^([0-9a-f]{64}|[0-9a-f]{10})$/.test(value)) {
      hashes.set(baseName(name).toLowerCase(), value);
    }
  }
  return hashes;
}

export function parseComfyPrompt(promptText: string, workflowText?: string): GenerationInfo | null {
  const graph = parseGraph(promptText);
  if (!graph) return null;
  const reader = new GraphReader(graph);
  const resources = reader.resources(workflowModelHashes(workflowText));
  const sampler = reader.sampler();
  if (!sampler && !resources.length) return null;

  // SamplerCustomAdvanced wires the rest in: a guider (conditioning, cfg), a noise (seed), a sampler, sigmas.
  const guider = reader.node(sampler?.inputs['guider']);
  const noise = reader.node(sampler?.inputs['noise']);
  const samplerNode = reader.node(sampler?.inputs['sampler']);
  const sigmas = reader.node(sampler?.inputs['sigmas']);
  const positive = reader.prompt(
    sampler?.inputs['positive'] ??
      guider?.inputs['positive'] ??
      guider?.inputs['conditioning'] ??
      guider?.inputs['cond1'],
  );
  const negative = reader.prompt(sampler?.inputs['negative'] ?? guider?.inputs['negative']);
  const seed =
    reader.scalar(sampler, 'seed') ?? reader.scalar(sampler, 'noise_seed') ?? reader.scalar(noise, 'noise_seed');
  const samplerName =
    str(reader.scalar(sampler, 'sampler_name')) ??
    str(reader.scalar(samplerNode, 'sampler_name')) ??
    (samplerNode ? clip(samplerNode.class_type) : null);
  const scheduler =
    str(reader.scalar(sampler, 'scheduler')) ??
    str(reader.scalar(sigmas, 'scheduler')) ??
    (sigmas ? clip(sigmas.class_type) : null);
  const size = reader.size(sampler?.inputs['latent_image'] ?? reader.emptyLatent());
  return {
    tool: 'comfyui',
    prompt: positive.text,
    negativePrompt: negative.text,
    steps: num(reader.scalar(sampler, 'steps')) ?? num(reader.scalar(sigmas, 'steps')),
    sampler: samplerName,
    scheduler,
    cfgScale: num(reader.scalar(sampler, 'cfg')) ?? num(reader.scalar(guider, 'cfg')),
    guidance: positive.guidance,
    denoise: num(reader.scalar(sampler, 'denoise')) ?? num(reader.scalar(sigmas, 'denoise')),
    seed: typeof seed === 'number' || typeof seed === 'string' ? String(seed).slice(0, 40) : null,
    width: size.width,
    height: size.height,
    resources,
  };
}
