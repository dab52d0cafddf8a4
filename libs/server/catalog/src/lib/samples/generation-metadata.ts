import { sanitizeText } from '@lookbook/kernel';
import type { ResourceKind } from '@lookbook/comfyui';
import { parseComfyPrompt } from './comfyui-prompt';
import type { EmbeddedTexts } from './embedded-text';

/**
 * Generation info embedded in sample images, parsed into structured fields. Sources: AUTOMATIC1111/Forge `parameters`
 * (PNG text chunk or EXIF UserComment) and ComfyUI's graphs (`comfyui-prompt.ts`), read from every container by
 * `embedded-text.ts`. Input is untrusted: sizes are capped, text is sanitised and nothing is evaluated.
 */
export interface GenerationResource {
  kind: ResourceKind;
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
  /** Flux's distilled guidance (FluxGuidance), when the graph has one. */
  guidance: number | null;
  denoise: number | null;
  seed: string | null;
  width: number | null;
  height: number | null;
  resources: GenerationResource[];
}

const MAX_INPUT = 200_000;
const MAX_TEXT = 5_000;
const clip = (text: string | undefined | null) => (text ? sanitizeText(text).trim().slice(0, MAX_TEXT) || null : null);
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
    guidance: num(settings.get('distilled cfg scale')),
    denoise: num(settings.get('denoising strength')),
    seed: clip(settings.get('seed')),
    width: width ?? null,
    height: height ?? null,
    resources,
  };
}

/** Picks the best source among the texts found in an image (A1111 first, then ComfyUI). */
export function parseGenerationInfo(texts: EmbeddedTexts): GenerationInfo | null {
  return (
    (texts.parameters ? parseA1111Parameters(texts.parameters) : null) ??
    (texts.userComment ? parseA1111Parameters(texts.userComment) : null) ??
    (texts.prompt ? parseComfyPrompt(texts.prompt, texts.workflow) : null)
  );
}
