/**
 * Generation info embedded in sample images, parsed into structured fields. Sources: AUTOMATIC1111/Forge `parameters`
 * (PNG text chunk or EXIF UserComment) and ComfyUI's API-format `prompt` graph (PNG text chunk). Input is untrusted:
 * sizes are capped and nothing is evaluated.
 */
export interface GenerationResource {
  kind: 'checkpoint' | 'lora' | 'embedding' | 'other';
  name: string | null;
  /** AutoV2 (10 hex) or SHA-256 (64 hex), lowercase, when the tool recorded one. */
  hash: string | null;
  weight: number | null;
}

export interface GenerationInfo {
  tool: 'a1111' | 'comfyui';
  prompt: string | null;
  negativePrompt: string | null;
  steps: number | null;
  sampler: string | null;
  scheduler: string | null;
  cfgScale: number | null;
  seed: string | null;
  width: number | null;
  height: number | null;
  resources: GenerationResource[];
}

const MAX_INPUT = 200_000;
const MAX_TEXT = 5_000;
const clip = (text: string | undefined | null) => (text ? text.trim().slice(0, MAX_TEXT) || null : null);
const num = (value: unknown) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};
const hashOrNull = (value: string | undefined) => {
  const v = value?.trim().toLowerCase();
  return v && /^([0-9a-f]{10}|[0-9a-f]{64})$/.test(v) ? v : null;
};

/** Splits "Steps: 20, Sampler: Euler a, Lora hashes: "a: 1, b: 2"" into pairs, respecting quotes. */
function parseSettingsLine(line: string): Map<string, string> {
  const pairs = new Map<string, string>();
  const re = /\s*([\w ()/-]+):\s*("(?:\\.|[^\\"])*"|[^,]*)(?:,|$)/g;
  for (let match = re.exec(line); match; match = re.exec(line)) {
    if (match[0] === '') break;
    const value = match[2]!.trim();
    pairs.set(match[1]!.trim().toLowerCase(), value.startsWith('"') ? value.slice(1, -1).replace(/\\"/g, '"') : value);
  }
  return pairs;
}

export function parseA1111Parameters(text: string): GenerationInfo | null {
  if (!text || text.length > MAX_INPUT) return null;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const settingsIndex = lines.findLastIndex((l) => /^\s*Steps:\s*\d+/.test(l));
  if (settingsIndex < 0) return null;
  const body = lines.slice(0, settingsIndex).join('\n');
  const negIndex = body.indexOf('Negative prompt:');
  const prompt = negIndex >= 0 ? body.slice(0, negIndex) : body;
  const negative = negIndex >= 0 ? body.slice(negIndex + 'Negative prompt:'.length) : null;
  const settings = parseSettingsLine(lines.slice(settingsIndex).join(', '));
  const [width, height] = (settings.get('size') ?? '').split('x').map((v) => num(v));
  const resources: GenerationResource[] = [];
  const modelHash = hashOrNull(settings.get('model hash'));
  if (modelHash || settings.get('model')) {
    resources.push({ kind: 'checkpoint', name: clip(settings.get('model')), hash: modelHash, weight: null });
  }
  for (const entry of (settings.get('lora hashes') ?? '').split(',')) {
    const [name, hash] = entry.split(':').map((s) => s.trim());
    if (name && hash) resources.push({ kind: 'lora', name: name.slice(0, 200), hash: hashOrNull(hash), weight: null });
  }
  for (const entry of (settings.get('ti hashes') ?? '').split(',')) {
    const [name, hash] = entry.split(':').map((s) => s.trim());
    if (name && hash)
      resources.push({ kind: 'embedding', name: name.slice(0, 200), hash: hashOrNull(hash), weight: null });
  }
  // <lora:name:0.8> tags in the prompt give the weights of LoRAs listed by hash.
  for (const match of prompt.matchAll(/<lora:([^:>]+):([-\d.]+)>/g)) {
    const existing = resources.find((r) => r.kind === 'lora' && r.name === match[1]);
    if (existing) existing.weight = num(match[2]);
    else resources.push({ kind: 'lora', name: match[1]!.slice(0, 200), hash: null, weight: num(match[2]) });
  }
  return {
    tool: 'a1111',
    prompt: clip(prompt),
    negativePrompt: clip(negative),
    steps: num(settings.get('steps')),
    sampler: clip(settings.get('sampler')),
    scheduler: clip(settings.get('schedule type')),
    cfgScale: num(settings.get('cfg scale')),
    seed: clip(settings.get('seed')),
    width: width ?? null,
    height: height ?? null,
    resources,
  };
}

type ComfyNode = { class_type?: unknown; inputs?: Record<string, unknown> };

/** ComfyUI API-format graph: `{ "<id>": { class_type, inputs } }`, links as `[nodeId, outputIndex]`. */
export function parseComfyPrompt(text: string): GenerationInfo | null {
  if (!text || text.length > MAX_INPUT * 10) return null;
  let graph: Record<string, ComfyNode>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    graph = parsed as Record<string, ComfyNode>;
  } catch {
    return null;
  }
  const nodes = Object.values(graph).filter(
    (n): n is Required<ComfyNode> =>
      typeof n?.class_type === 'string' && typeof n.inputs === 'object' && n.inputs !== null,
  );
  const linked = (value: unknown): Required<ComfyNode> | undefined => {
    if (!Array.isArray(value)) return undefined;
    const node = graph[String(value[0])];
    return node && typeof node.inputs === 'object' ? (node as Required<ComfyNode>) : undefined;
  };
  const textOf = (value: unknown): string | null => {
    const node = linked(value);
    return node && typeof node.inputs['text'] === 'string' ? clip(node.inputs['text']) : null;
  };
  // The sampling node is the one wired to the prompts: KSampler, KSamplerAdvanced, SamplerCustom, …
  const sampler = nodes.find((n) => 'positive' in n.inputs && 'negative' in n.inputs);
  const latent = nodes.find((n) => /EmptyLatentImage|EmptySD3LatentImage/.test(String(n.class_type)));
  const resources: GenerationResource[] = [];
  for (const node of nodes) {
    const type = String(node.class_type);
    if (/CheckpointLoader/.test(type) && typeof node.inputs['ckpt_name'] === 'string') {
      resources.push({ kind: 'checkpoint', name: clip(node.inputs['ckpt_name']), hash: null, weight: null });
    }
    if (/LoraLoader/.test(type) && typeof node.inputs['lora_name'] === 'string') {
      resources.push({
        kind: 'lora',
        name: clip(node.inputs['lora_name']),
        hash: null,
        weight: num(node.inputs['strength_model']),
      });
    }
  }
  if (!sampler && !resources.length) return null;
  const inputs = sampler?.inputs ?? {};
  // SamplerCustom keeps sampler and steps in linked nodes (KSamplerSelect, BasicScheduler/SDTurboScheduler, …).
  const samplerNode = linked(inputs['sampler'])?.inputs ?? {};
  const sigmasNode = linked(inputs['sigmas']);
  const str = (value: unknown) => (typeof value === 'string' ? clip(value) : null);
  const seed = inputs['seed'] ?? inputs['noise_seed'];
  return {
    tool: 'comfyui',
    prompt: textOf(inputs['positive']),
    negativePrompt: textOf(inputs['negative']),
    steps: num(inputs['steps'] ?? sigmasNode?.inputs['steps']),
    sampler: str(inputs['sampler_name'] ?? samplerNode['sampler_name']),
    scheduler:
      str(inputs['scheduler'] ?? sigmasNode?.inputs['scheduler']) ??
      (sigmasNode ? clip(String(sigmasNode.class_type)) : null),
    cfgScale: num(inputs['cfg']),
    seed: typeof seed === 'number' || typeof seed === 'string' ? String(seed).slice(0, 40) : null,
    width: num(latent?.inputs['width']),
    height: num(latent?.inputs['height']),
    resources,
  };
}

/** Picks the best source among the texts found in an image (A1111 first, then ComfyUI). */
export function parseGenerationInfo(texts: {
  parameters?: string;
  prompt?: string;
  userComment?: string;
}): GenerationInfo | null {
  return (
    (texts.parameters ? parseA1111Parameters(texts.parameters) : null) ??
    (texts.userComment ? parseA1111Parameters(texts.userComment) : null) ??
    (texts.prompt ? parseComfyPrompt(texts.prompt) : null)
  );
}
