import { parseComfyPrompt } from './comfyui-prompt';
import { parseA1111Parameters } from './generation-metadata';

describe('generation metadata', () => {
  it('parses AUTOMATIC1111 parameters with LoRA and model hashes', () => {
    const text = [
      'masterpiece, ink wash mountains <lora:inkwash_v2:0.8>',
      'Negative prompt: lowres, blurry',
      'Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 1234567890, Size: 832x1216, Model hash: 31e35c80fc, Model: sd_xl_base_1.0, Lora hashes: "inkwash_v2: 9f8e7d6c5b", Version: v1.10.1',
    ].join('\n');
    expect(parseA1111Parameters(text)).toEqual({
      tool: 'a1111',
      prompt: 'masterpiece, ink wash mountains <lora:inkwash_v2:0.8>',
      negativePrompt: 'lowres, blurry',
      steps: 28,
      sampler: 'DPM++ 2M',
      scheduler: 'Karras',
      cfgScale: 6.5,
      guidance: null,
      denoise: null,
      seed: '1234567890',
      width: 832,
      height: 1216,
      resources: [
        { kind: 'checkpoint', name: 'sd_xl_base_1.0', hash: '31e35c80fc', weight: null },
        { kind: 'lora', name: 'inkwash_v2', hash: '9f8e7d6c5b', weight: 0.8 },
      ],
    });
  });

  it('ignores text that is not generation info, and hostile sizes', () => {
    expect(parseA1111Parameters('just a caption')).toBeNull();
    expect(parseA1111Parameters(`Steps: 1, ${'x'.repeat(300_000)}`)).toBeNull();
    expect(parseComfyPrompt('{not json')).toBeNull();
    expect(parseComfyPrompt('[1,2]')).toBeNull();
    expect(parseComfyPrompt('{"1": {"class_type": "Note", "inputs": {}}}')).toBeNull();
  });

  it('rejects hash-looking garbage', () => {
    const info = parseA1111Parameters('a\nSteps: 2, Model hash: zz<script>, Lora hashes: "x: 123"');
    expect(info!.resources).toEqual([{ kind: 'lora', name: 'x', hash: null, weight: null }]);
  });

  it('follows links in a ComfyUI API graph', () => {
    const graph = {
      '3': {
        class_type: 'KSampler',
        inputs: {
          seed: 42,
          steps: 20,
          cfg: 8,
          sampler_name: 'euler',
          scheduler: 'normal',
          positive: ['6', 0],
          negative: ['7', 0],
          latent_image: ['5', 0],
        },
      },
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 768, batch_size: 1 } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a castle', clip: ['10', 1] } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: 'bad hands', clip: ['10', 1] } },
      '10': {
        class_type: 'LoraLoader',
        inputs: { lora_name: 'epiNoiseoffset_v2.safetensors', strength_model: 1, model: ['4', 0] },
      },
    };
    expect(parseComfyPrompt(JSON.stringify(graph))).toMatchObject({
      tool: 'comfyui',
      prompt: 'a castle',
      negativePrompt: 'bad hands',
      steps: 20,
      cfgScale: 8,
      sampler: 'euler',
      seed: '42',
      width: 512,
      height: 768,
      resources: [
        { kind: 'checkpoint', name: 'v1-5-pruned-emaonly.safetensors' },
        { kind: 'lora', name: 'epiNoiseoffset_v2.safetensors', weight: 1 },
      ],
    });
  });
});

describe('ComfyUI advanced sampling', () => {
  it('reads SamplerCustom with linked sampler and scheduler nodes', () => {
    const graph = {
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512 } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: 'fox', clip: ['20', 1] } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: 'watermark', clip: ['20', 1] } },
      '13': {
        class_type: 'SamplerCustom',
        inputs: {
          noise_seed: 7,
          cfg: 1,
          positive: ['6', 0],
          negative: ['7', 0],
          sampler: ['14', 0],
          sigmas: ['22', 0],
        },
      },
      '14': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler_ancestral' } },
      '20': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_turbo_1.0_fp16.safetensors' } },
      '22': { class_type: 'SDTurboScheduler', inputs: { steps: 1, model: ['20', 0] } },
    };
    expect(parseComfyPrompt(JSON.stringify(graph))).toMatchObject({
      prompt: 'fox',
      negativePrompt: 'watermark',
      steps: 1,
      sampler: 'euler_ancestral',
      scheduler: 'SDTurboScheduler',
      cfgScale: 1,
      seed: '7',
      width: 512,
    });
  });
});
