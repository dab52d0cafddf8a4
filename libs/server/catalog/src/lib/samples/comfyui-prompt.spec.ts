import { parseComfyPrompt, workflowModelHashes } from './comfyui-prompt';
import { parseLenientJson } from '@lookbook/comfyui';

const SHA = 'a'.repeat(64);

describe('ComfyUI API graphs', () => {
  it('follows links through any node to the text encoder, with guidance on the way', () => {
    const graph = {
      '1': { class_type: 'CLIPTextEncode', inputs: { text: 'a lighthouse', clip: ['9', 0] } },
      '2': { class_type: 'ConditioningCombine', inputs: { conditioning_1: ['3', 0], conditioning_2: ['1', 0] } },
      '3': { class_type: 'FluxGuidance', inputs: { guidance: 4, conditioning: ['4', 0] } },
      '4': { class_type: 'ControlNetApplyAdvanced', inputs: { positive: ['1', 0], control_net: ['8', 0] } },
      '5': { class_type: 'CFGGuider', inputs: { cfg: 3.5, positive: ['2', 0], negative: ['6', 0], model: ['7', 0] } },
      '6': { class_type: 'CLIPTextEncodeSDXL', inputs: { text_g: 'blurry', text_l: 'blurry', clip: ['9', 0] } },
      '7': { class_type: 'UNETLoader', inputs: { unet_name: 'flux\\sub\\flux1-schnell.safetensors' } },
      '8': { class_type: 'ControlNetLoader', inputs: { control_net_name: 'canny.safetensors' } },
      '9': {
        class_type: 'QuadrupleCLIPLoader',
        inputs: { clip_name1: 'a.sft', clip_name2: 'b.sft', clip_name3: 'c.sft', clip_name4: 'd.sft' },
      },
      '10': {
        class_type: 'SamplerCustomAdvanced',
        inputs: { guider: ['5', 0], noise: ['11', 0], sampler: ['12', 0], sigmas: ['13', 0], latent_image: ['14', 0] },
      },
      '11': { class_type: 'RandomNoise', inputs: { noise_seed: ['15', 0] } },
      '12': { class_type: 'SamplerDPMPP_2M_SDE', inputs: { eta: 1 } },
      '13': { class_type: 'KarrasScheduler', inputs: { steps: 30, sigma_max: 14 } },
      '14': { class_type: 'LatentUpscaleBy', inputs: { samples: ['16', 0] } },
      '15': { class_type: 'PrimitiveInt', inputs: { value: 77 } },
      '16': { class_type: 'EmptySD3LatentImage', inputs: { width: 832, height: 1216 } },
      '17': { class_type: 'UpscaleModelLoader', inputs: { model_name: '4x-UltraSharp.pth' } },
      '18': { class_type: 'VAELoader', inputs: { vae_name: 'taef1' } },
    };
    expect(parseComfyPrompt(JSON.stringify(graph))).toEqual({
      tool: 'comfyui',
      prompt: 'a lighthouse',
      negativePrompt: 'blurry',
      steps: 30,
      sampler: 'SamplerDPMPP_2M_SDE',
      scheduler: 'KarrasScheduler',
      cfgScale: 3.5,
      guidance: 4,
      denoise: null,
      seed: '77',
      width: 832,
      height: 1216,
      resources: [
        { kind: 'diffusion_model', name: 'flux\\sub\\flux1-schnell.safetensors', hash: null, weight: null },
        { kind: 'controlnet', name: 'canny.safetensors', hash: null, weight: null },
        ...['a.sft', 'b.sft', 'c.sft', 'd.sft'].map((name) => ({
          kind: 'text_encoder',
          name,
          hash: null,
          weight: null,
        })),
        { kind: 'upscaler', name: '4x-UltraSharp.pth', hash: null, weight: null },
      ], // taef1 is a built-in decoder, not a file
    });
  });

  it('reads a prompt wired in from a primitive string node and credits embeddings named in it', () => {
    const graph = {
      '3': { class_type: 'KSampler', inputs: { seed: 5, steps: 8, positive: ['6', 0], negative: ['7', 0] } },
      '6': { class_type: 'CLIPTextEncode', inputs: { text: ['20', 0] } },
      '7': { class_type: 'CLIPTextEncode', inputs: { text: 'embedding:EasyNegative, lowres' } },
      '20': { class_type: 'PrimitiveStringMultiline', inputs: { value: 'a fox, embedding:fluffy.pt' } },
    };
    const info = parseComfyPrompt(JSON.stringify(graph))!;
    expect(info).toMatchObject({
      prompt: 'a fox, embedding:fluffy.pt',
      negativePrompt: 'embedding:EasyNegative, lowres',
    });
    expect(info.resources.map((r) => [r.kind, r.name])).toEqual([
      ['embedding', 'fluffy.pt'], // node 6, the positive prompt
      ['embedding', 'EasyNegative'], // node 7
    ]);
  });

  it('credits every core loader, skips LoRAs at strength 0 and uses workflow hashes', () => {
    const graph = {
      '1': { class_type: 'CheckpointLoader', inputs: { config_name: 'v1.yaml', ckpt_name: 'models/base.safetensors' } },
      '2': { class_type: 'LoraLoaderModelOnly', inputs: { lora_name: 'ink.safetensors', strength_model: 0.6 } },
      '3': { class_type: 'LoraLoader', inputs: { lora_name: 'off.safetensors', strength_model: 0, strength_clip: 0 } },
      '4': { class_type: 'CLIPLoader', inputs: { clip_name: 'umt5.safetensors', type: 'wan' } },
      '5': { class_type: 'CLIPVisionLoader', inputs: { clip_name: 'vision.safetensors' } },
      '6': { class_type: 'StyleModelLoader', inputs: { style_model_name: 'redux.safetensors' } },
      '7': { class_type: 'GLIGENLoader', inputs: { gligen_name: 'gligen.pth' } },
      '8': { class_type: 'DiffControlNetLoader', inputs: { control_net_name: 'diff.safetensors' } },
      '9': { class_type: 'unCLIPCheckpointLoader', inputs: { ckpt_name: 'unclip.ckpt' } },
      '10': { class_type: 'VAELoader', inputs: { vae_name: 'pixel_space' } },
    };
    const workflow = {
      nodes: [
        { id: 2, properties: { models: [{ name: 'ink.safetensors', hash: SHA.toUpperCase(), hash_type: 'SHA256' }] } },
      ],
      models: [
        { name: 'base.safetensors', hash: '0123456789', directory: 'checkpoints' },
        { name: 'x', hash: 'nope' },
      ],
    };
    const info = parseComfyPrompt(JSON.stringify(graph), JSON.stringify(workflow))!;
    expect(info.resources).toEqual([
      { kind: 'checkpoint', name: 'models/base.safetensors', hash: '0123456789', weight: null },
      { kind: 'lora', name: 'ink.safetensors', hash: SHA, weight: 0.6 },
      { kind: 'text_encoder', name: 'umt5.safetensors', hash: null, weight: null },
      { kind: 'clip_vision', name: 'vision.safetensors', hash: null, weight: null },
      { kind: 'style_model', name: 'redux.safetensors', hash: null, weight: null },
      { kind: 'gligen', name: 'gligen.pth', hash: null, weight: null },
      { kind: 'controlnet', name: 'diff.safetensors', hash: null, weight: null },
      { kind: 'checkpoint', name: 'unclip.ckpt', hash: null, weight: null },
    ]);
    expect(workflowModelHashes('{bad')).toEqual(new Map());
  });

  describe('which sampler the seed and prompt come from', () => {
    const text = (t: string) => ({ class_type: 'CLIPTextEncode', inputs: { text: t, clip: ['1', 1] } });
    /** SDXL base then refiner, as ComfyUI's example lays it out, with the two samplers under the given ids. */
    const baseAndRefiner = (base: string, refiner: string) => ({
      '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
      '2': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_refiner_1.0.safetensors' } },
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
      '6': text('a lighthouse at dusk'),
      '7': text('blurry'),
      '15': text('refiner positive'),
      '16': text('refiner negative'),
      [base]: {
        class_type: 'KSampler',
        inputs: {
          seed: 111,
          steps: 25,
          cfg: 7,
          sampler_name: 'euler',
          scheduler: 'normal',
          denoise: 1,
          model: ['1', 0],
          positive: ['6', 0],
          negative: ['7', 0],
          latent_image: ['5', 0],
        },
      },
      [refiner]: {
        class_type: 'KSampler',
        inputs: {
          seed: 222,
          steps: 10,
          cfg: 5,
          sampler_name: 'dpmpp_2m',
          scheduler: 'karras',
          denoise: 0.25,
          model: ['2', 0],
          positive: ['15', 0],
          negative: ['16', 0],
          latent_image: [base, 0],
        },
      },
    });
    const pick = (graph: object) => {
      const info = parseComfyPrompt(JSON.stringify(graph))!;
      return {
        prompt: info.prompt,
        negative: info.negativePrompt,
        seed: info.seed,
        steps: info.steps,
        denoise: info.denoise,
      };
    };

    it('reads an SDXL base + refiner graph from the base sampler, whichever has the lower id', () => {
      const base = { prompt: 'a lighthouse at dusk', negative: 'blurry', seed: '111', steps: 25, denoise: 1 };
      expect(pick(baseAndRefiner('3', '10'))).toEqual(base);
      expect(pick(baseAndRefiner('30', '10'))).toEqual(base); // the refiner has the lower id
      expect(pick(baseAndRefiner('b', 'a'))).toEqual(base); // ids that are not numbers
      expect(parseComfyPrompt(JSON.stringify(baseAndRefiner('30', '10')))).toMatchObject({ width: 1024, height: 1024 });
    });

    it('reads a KSamplerAdvanced pair (base hands its leftover noise to the refiner) from the base', () => {
      const advanced = (id: string, from: [string, number], seed: number, start: number, positive: string) => ({
        [id]: {
          class_type: 'KSamplerAdvanced',
          inputs: {
            add_noise: start === 0 ? 'enable' : 'disable',
            noise_seed: seed,
            steps: 25,
            cfg: 8,
            sampler_name: 'euler',
            scheduler: 'normal',
            start_at_step: start,
            end_at_step: start === 0 ? 20 : 10000,
            return_with_leftover_noise: start === 0 ? 'enable' : 'disable',
            model: ['1', 0],
            positive: [positive, 0],
            negative: ['7', 0],
            latent_image: from,
          },
        },
      });
      const graph = {
        '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
        '5': { class_type: 'EmptyLatentImage', inputs: { width: 1024, height: 768, batch_size: 1 } },
        '6': text('evening harbour, oil paint'),
        '7': text('text, watermark'),
        '15': text('refiner prompt'),
        ...advanced('9', ['10', 0], 999, 20, '15'), // the refiner comes first by id
        ...advanced('10', ['5', 0], 42, 0, '6'),
      };
      expect(pick(graph)).toMatchObject({ prompt: 'evening harbour, oil paint', seed: '42' });
      expect(parseComfyPrompt(JSON.stringify(graph))).toMatchObject({ width: 1024, height: 768 });
    });

    it('reads a SamplerCustomAdvanced graph with a second pass over an upscaled latent from the first pass', () => {
      const pass = (latent: [string, number], noise: string) => ({
        class_type: 'SamplerCustomAdvanced',
        inputs: { noise: [noise, 0], guider: ['20', 0], sampler: ['21', 0], sigmas: ['22', 0], latent_image: latent },
      });
      const graph = {
        '4': pass(['9', 0], '31'), // the second pass, lower id
        '8': pass(['27', 0], '30'),
        '9': {
          class_type: 'LatentUpscaleBy',
          inputs: { upscale_method: 'nearest-exact', scale_by: 1.5, samples: ['8', 0] },
        },
        '6': text('a paper boat on a pond'),
        '20': { class_type: 'BasicGuider', inputs: { model: ['12', 0], conditioning: ['6', 0] } },
        '21': { class_type: 'KSamplerSelect', inputs: { sampler_name: 'euler' } },
        '22': {
          class_type: 'BasicScheduler',
          inputs: { scheduler: 'simple', steps: 20, denoise: 1, model: ['12', 0] },
        },
        '27': { class_type: 'EmptySD3LatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
        '30': { class_type: 'RandomNoise', inputs: { noise_seed: 7 } },
        '31': { class_type: 'RandomNoise', inputs: { noise_seed: 8 } },
      };
      expect(pick(graph)).toMatchObject({ prompt: 'a paper boat on a pond', seed: '7' });
    });

    it('still reads img2img graphs, and a second pass through pixels is still a second pass', () => {
      const img2img = {
        '10': { class_type: 'LoadImage', inputs: { image: 'input.png' } },
        '11': { class_type: 'VAEEncode', inputs: { pixels: ['10', 0], vae: ['1', 2] } },
        '1': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
        '6': text('victorian woman with wings'),
        '7': text('watermark'),
        '3': {
          class_type: 'KSampler',
          inputs: {
            seed: 280,
            steps: 20,
            denoise: 0.87,
            positive: ['6', 0],
            negative: ['7', 0],
            latent_image: ['11', 0],
          },
        },
      };
      expect(pick(img2img)).toEqual({
        prompt: 'victorian woman with wings',
        negative: 'watermark',
        seed: '280',
        steps: 20,
        denoise: 0.87,
      });
      // Base → decode → scale → encode → second sampler (hires fix in pixel space): the base still wins.
      const hires = {
        ...img2img,
        '2': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512, batch_size: 1 } },
        '20': {
          class_type: 'KSampler',
          inputs: { seed: 5, steps: 30, denoise: 1, positive: ['6', 0], negative: ['7', 0], latent_image: ['2', 0] },
        },
        '21': { class_type: 'VAEDecode', inputs: { samples: ['20', 0], vae: ['1', 2] } },
        '22': { class_type: 'ImageScaleBy', inputs: { image: ['21', 0], scale_by: 2 } },
        '11': { class_type: 'VAEEncode', inputs: { pixels: ['22', 0], vae: ['1', 2] } },
      };
      expect(pick(hires)).toMatchObject({ seed: '5', steps: 30, denoise: 1 });
    });

    it('reads a single sampler, and among independent samplers keeps the lowest id of the earliest kind', () => {
      const single = {
        '9': { class_type: 'KSampler', inputs: { seed: 3, steps: 4, positive: ['6', 0], negative: ['7', 0] } },
        '6': text('only one'),
        '7': text('none'),
      };
      expect(pick(single)).toMatchObject({ prompt: 'only one', seed: '3' });
      const twoBranches = {
        '6': text('left'),
        '7': text('right'),
        '5': { class_type: 'EmptyLatentImage', inputs: { width: 512, height: 512 } },
        '8': { class_type: 'LoadImage', inputs: { image: 'x.png' } },
        '9': { class_type: 'VAEEncode', inputs: { pixels: ['8', 0], vae: ['1', 2] } },
        // An img2img branch with the lowest id loses to the text-to-image branches; of those, the lower id wins.
        '2': {
          class_type: 'KSampler',
          inputs: { seed: 20, positive: ['7', 0], negative: ['7', 0], latent_image: ['9', 0] },
        },
        '14': {
          class_type: 'KSampler',
          inputs: { seed: 14, positive: ['7', 0], negative: ['6', 0], latent_image: ['5', 0] },
        },
        '12': {
          class_type: 'KSampler',
          inputs: { seed: 12, positive: ['6', 0], negative: ['7', 0], latent_image: ['5', 0] },
        },
      };
      expect(pick(twoBranches)).toMatchObject({ prompt: 'left', seed: '12' });
      // Two samplers feeding each other (a hostile cycle) still give an answer.
      const cycle = {
        '1': {
          class_type: 'KSampler',
          inputs: { seed: 1, positive: ['6', 0], negative: ['6', 0], latent_image: ['2', 0] },
        },
        '2': {
          class_type: 'KSampler',
          inputs: { seed: 2, positive: ['6', 0], negative: ['6', 0], latent_image: ['1', 0] },
        },
        '6': text('loop'),
      };
      expect(pick(cycle)).toMatchObject({ seed: '1' });
    });
  });

  it('tolerates NaN and Infinity (Python json.dumps) outside strings only', () => {
    expect(parseLenientJson('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN Infinity"}')).toEqual({
      a: null,
      b: [null, null],
      c: 'NaN Infinity',
    });
    expect(parseLenientJson('{"q": "say \\"NaN\\"", "n": NaN}')).toEqual({ q: 'say "NaN"', n: null });
    const graph =
      '{"3": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 4, "cfg": NaN, "positive": ["6", 0], "negative": ["6", 0]}}, "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "x"}}}';
    expect(parseComfyPrompt(graph)).toMatchObject({ steps: 4, cfgScale: null, prompt: 'x' });
  });

  it('survives hostile graphs: cycles, dangling links, wrong types, huge input', () => {
    const cyclic = {
      '1': {
        class_type: 'KSampler',
        inputs: { positive: ['2', 0], negative: ['99', 0], steps: 'many', seed: { x: 1 } },
      },
      '2': { class_type: 'ConditioningConcat', inputs: { conditioning_to: ['3', 0] } },
      '3': { class_type: 'ConditioningConcat', inputs: { conditioning_to: ['2', 0] } },
      '4': 'not a node',
      '5': { class_type: 7, inputs: {} },
    };
    expect(parseComfyPrompt(JSON.stringify(cyclic))).toMatchObject({
      prompt: null,
      negativePrompt: null,
      steps: null,
      seed: null,
    });
    expect(parseComfyPrompt('[1, 2]')).toBeNull();
    expect(parseComfyPrompt('{"1": {"class_type": "Note", "inputs": {}}}')).toBeNull();
    expect(parseComfyPrompt(`{"a": "${'x'.repeat(5 * 1024 * 1024)}"}`)).toBeNull();
  });
});
