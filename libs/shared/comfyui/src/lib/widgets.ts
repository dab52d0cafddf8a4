import type { Json, JsonObject } from './workflow';
import { apiLinkSource, isObject, text } from './workflow';

/**
 * Which widget each `widgets_values` position holds. A UI export stores widget values by position, in the order of
 * the node definition's widget inputs; the names are not in the file. We know them for ComfyUI's core nodes (written
 * from the documented node inputs), and for any node whose API-format twin is at hand (an image embeds both graphs):
 * the API prompt names every literal input, in the same order.
 *
 * `control_after_generate` is a virtual widget ComfyUI adds after an integer `seed` or `noise_seed`: it occupies a
 * position in the UI file and never appears in the API prompt.
 */
export const CONTROL_AFTER_GENERATE = 'control_after_generate';
export const SEED_CONTROLS = ['fixed', 'increment', 'decrement', 'randomize'] as const;
const SEEDS = new Set(['seed', 'noise_seed']);

const CORE_WIDGETS: Readonly<Record<string, readonly string[]>> = {
  KSampler: ['seed', CONTROL_AFTER_GENERATE, 'steps', 'cfg', 'sampler_name', 'scheduler', 'denoise'],
  KSamplerAdvanced: [
    'add_noise',
    'noise_seed',
    CONTROL_AFTER_GENERATE,
    'steps',
    'cfg',
    'sampler_name',
    'scheduler',
    'start_at_step',
    'end_at_step',
    'return_with_leftover_noise',
  ],
  RandomNoise: ['noise_seed', CONTROL_AFTER_GENERATE],
  KSamplerSelect: ['sampler_name'],
  BasicScheduler: ['scheduler', 'steps', 'denoise'],
  SDTurboScheduler: ['steps', 'denoise'],
  CFGGuider: ['cfg'],
  FluxGuidance: ['guidance'],
  CLIPTextEncode: ['text'],
  CLIPSetLastLayer: ['stop_at_clip_layer'],
  EmptyLatentImage: ['width', 'height', 'batch_size'],
  EmptySD3LatentImage: ['width', 'height', 'batch_size'],
  CheckpointLoaderSimple: ['ckpt_name'],
  ImageOnlyCheckpointLoader: ['ckpt_name'],
  LoraLoader: ['lora_name', 'strength_model', 'strength_clip'],
  LoraLoaderModelOnly: ['lora_name', 'strength_model'],
  VAELoader: ['vae_name'],
  UNETLoader: ['unet_name', 'weight_dtype'],
  CLIPLoader: ['clip_name', 'type'],
  DualCLIPLoader: ['clip_name1', 'clip_name2', 'type'],
  TripleCLIPLoader: ['clip_name1', 'clip_name2', 'clip_name3'],
  QuadrupleCLIPLoader: ['clip_name1', 'clip_name2', 'clip_name3', 'clip_name4'],
  CheckpointLoader: ['config_name', 'ckpt_name'],
  unCLIPCheckpointLoader: ['ckpt_name'],
  CLIPVisionLoader: ['clip_name'],
  StyleModelLoader: ['style_model_name'],
  GLIGENLoader: ['gligen_name'],
  DiffControlNetLoader: ['control_net_name'],
  HypernetworkLoader: ['hypernetwork_name', 'strength'],
  ControlNetLoader: ['control_net_name'],
  ControlNetApply: ['strength'],
  UpscaleModelLoader: ['model_name'],
  LoadImage: ['image', 'upload'],
  SaveImage: ['filename_prefix'],
  VideoLinearCFGGuidance: ['min_cfg'],
  SVD_img2vid_Conditioning: ['width', 'height', 'video_frames', 'motion_bucket_id', 'fps', 'augmentation_level'],
};

/** Optional widgets newer ComfyUI versions append after the known ones (a file may have them or not). */
const OPTIONAL_TAIL: Readonly<Record<string, readonly string[]>> = {
  CLIPLoader: ['device'],
  DualCLIPLoader: ['device'],
};

/** Node types whose values are UI-only (no API twin) but whose single value is well known. */
const UI_ONLY: Readonly<Record<string, readonly string[]>> = {
  Note: ['text'],
  MarkdownNote: ['text'],
};

const sameValue = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The widget name at each position of a node's `widgets_values`, or null where it cannot be known. `api` is the
 * node's twin in the API prompt, when there is one.
 */
export function widgetNames(node: JsonObject, api?: JsonObject): (string | null)[] {
  const values = node['widgets_values'];
  if (isObject(values)) return Object.keys(values);
  if (!Array.isArray(values)) return [];
  const type = text(node['type']);
  const known = CORE_WIDGETS[type] ?? UI_ONLY[type];
  const tail = OPTIONAL_TAIL[type] ?? [];
  if (known && values.length >= known.length && values.length <= known.length + tail.length)
    return [...known, ...tail.slice(0, values.length - known.length)];
  const inputs = api && isObject(api['inputs']) ? api['inputs'] : null;
  if (!inputs) return values.map(() => null);
  // Align positions with the API's literal inputs, in order; a seed's control value sits right after it.
  const literals = Object.entries(inputs).filter(([, v]) => apiLinkSource(v) === null);
  const names: (string | null)[] = [];
  let next = 0;
  for (let i = 0; i < values.length; i += 1) {
    const previous = names[i - 1];
    if (
      previous &&
      SEEDS.has(previous) &&
      (SEED_CONTROLS.includes(values[i] as never) || typeof values[i] === 'boolean')
    ) {
      names.push(CONTROL_AFTER_GENERATE);
      continue;
    }
    const at = literals.findIndex(([, v], j) => j >= next && sameValue(v, values[i]));
    if (at < 0) {
      names.push(null);
      continue;
    }
    names.push(literals[at]![0]);
    next = at + 1;
  }
  return names;
}

/** The position of a named widget in a node's `widgets_values` (or its key, for object-shaped values). */
export function widgetIndex(node: JsonObject, widget: string, api?: JsonObject): number | string | null {
  const values = node['widgets_values'];
  if (isObject(values)) return widget in values ? widget : null;
  const at = widgetNames(node, api).indexOf(widget);
  return at < 0 ? null : at;
}

export const isSeedWidget = (widget: string) => SEEDS.has(widget);
