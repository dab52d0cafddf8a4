import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR, referenceAvailable } from '@lookbook/testing';
import { readEmbeddedTexts } from './embedded-text';
import type { GenerationInfo } from './generation-metadata';
import { parseGenerationInfo } from './generation-metadata';
import { sniffImageType } from './sample-image.service';

const dir = join(REFERENCE_DIR, 'comfyui');
const present = referenceAvailable('comfyui');

/** What each real ComfyUI output embeds (read off the files' own graphs), and every model it loads. */
const EXPECTED: Record<
  string,
  Partial<Omit<GenerationInfo, 'resources'>> & { resources: { kind: string; name: string }[] }
> = {
  'lora.png': {
    prompt: 'masterpiece best quality girl',
    negativePrompt: 'bad hands',
    seed: '851616030078638',
    steps: 20,
    sampler: 'euler',
    scheduler: 'normal',
    cfgScale: 8,
    width: 512,
    height: 512,
    resources: [
      { kind: 'checkpoint', name: 'v1-5-pruned-emaonly.ckpt' },
      { kind: 'lora', name: 'epiNoiseoffset_v2.safetensors' },
    ],
  },
  'lora_multiple.png': {
    prompt: 'masterpiece best quality girl',
    seed: '513173432917412',
    steps: 20,
    sampler: 'euler',
    resources: [
      { kind: 'checkpoint', name: 'v1-5-pruned-emaonly.ckpt' },
      { kind: 'lora', name: 'epiNoiseoffset_v2.safetensors' },
      { kind: 'lora', name: 'theovercomer8sContrastFix_sd15.safetensors' },
    ],
  },
  'img2img_workflow.png': {
    prompt: 'photograph of victorian woman with wings, sky clouds, meadow grass',
    negativePrompt: 'watermark, text',
    seed: '280823642470253',
    steps: 20,
    sampler: 'dpmpp_2m',
    denoise: 0.8700000000000001,
    resources: [{ kind: 'checkpoint', name: 'v1-5-pruned-emaonly.ckpt' }],
  },
  'sdxlturbo_example.png': {
    prompt: 'beautiful landscape scenery glass bottle with a galaxy inside cute fennec fox snow HDR sunset',
    negativePrompt: 'text, watermark',
    seed: '0',
    steps: 1,
    sampler: 'euler_ancestral',
    scheduler: 'SDTurboScheduler',
    cfgScale: 1,
    resources: [{ kind: 'checkpoint', name: 'sd_xl_turbo_1.0_fp16.safetensors' }],
  },
  'controlnet_example.png': {
    // The prompt reaches the sampler through ControlNetApply.
    prompt: expect.stringMatching(/^\(solo\) girl \(flat chest:0\.9\), \(fennec ears:1\.1\)/),
    negativePrompt: expect.stringMatching(/^\(hands\), text, error, cropped/),
    seed: '1002496614778823',
    steps: 16,
    sampler: 'uni_pc',
    scheduler: 'normal',
    cfgScale: 6,
    resources: [
      { kind: 'controlnet', name: 'control_scribble.safetensors' },
      { kind: 'vae', name: 'vae-ft-mse-840000-ema-pruned.safetensors' },
      { kind: 'checkpoint', name: 'Anything-V3.0.ckpt' },
    ],
  },
  'flux_dev_example.png': {
    // SamplerCustomAdvanced: BasicGuider → FluxGuidance → CLIPTextEncode; RandomNoise; KSamplerSelect; BasicScheduler.
    prompt: expect.stringMatching(/^cute anime girl with massive fluffy fennec ears/),
    negativePrompt: null,
    seed: '219670278747233',
    steps: 20,
    sampler: 'euler',
    scheduler: 'simple',
    guidance: 3.5,
    width: 1024,
    height: 1024,
    resources: [
      { kind: 'vae', name: 'ae.safetensors' },
      { kind: 'text_encoder', name: 't5xxl_fp16.safetensors' },
      { kind: 'text_encoder', name: 'clip_l.safetensors' },
      { kind: 'diffusion_model', name: 'flux1-dev.safetensors' },
    ],
  },
  'flux_kontext_example_comic.webp': {
    // Graphs in WebP EXIF; several samplers: the first one (by node id) describes the image.
    prompt: expect.stringMatching(/^make her anime cute and her fennec ears massive/),
    negativePrompt: null,
    seed: '972054013132814',
    steps: 20,
    sampler: 'euler',
    scheduler: 'simple',
    cfgScale: 1,
    guidance: 2.5,
    width: 1024,
    height: 1024,
    resources: [
      { kind: 'diffusion_model', name: 'flux1-kontext-dev.safetensors' },
      { kind: 'text_encoder', name: 'clip_l.safetensors' },
      { kind: 'text_encoder', name: 't5xxl_fp16.safetensors' },
      { kind: 'vae', name: 'ae.safetensors' },
    ],
  },
};

// Real ComfyUI outputs (comfyanonymous/ComfyUI_examples): PNG tEXt chunks and WebP EXIF carry `prompt` (API graph)
// and `workflow` (UI graph).
(present ? describe : describe.skip)(`ComfyUI reference outputs (skipped when ${dir} is absent)`, () => {
  const files = present ? readdirSync(dir).filter((f) => /\.(png|webp)$/.test(f)) : [];

  it('has an expectation for every reference image', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('reads the generation info %s really embeds', async (file) => {
    const bytes = readFileSync(join(dir, file));
    expect(sniffImageType(bytes)).toBe(file.endsWith('.webp') ? 'image/webp' : 'image/png');
    const texts = await readEmbeddedTexts(bytes);
    expect(texts.prompt).toEqual(expect.any(String));
    expect(texts.workflow).toEqual(expect.any(String));
    const info = parseGenerationInfo(texts);
    const { resources, ...fields } = EXPECTED[file]!;
    expect(info).toMatchObject({ tool: 'comfyui', ...fields });
    expect(info!.resources.map((r) => ({ kind: r.kind, name: r.name }))).toEqual(resources);
  });

  it('names the LoRA strength in lora.png', async () => {
    const info = parseGenerationInfo(await readEmbeddedTexts(readFileSync(join(dir, 'lora.png'))));
    expect(info!.resources.find((r) => r.kind === 'lora')).toMatchObject({ weight: 1 });
  });
});
