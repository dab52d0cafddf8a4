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
