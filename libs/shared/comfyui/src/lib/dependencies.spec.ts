import { detectDependencies } from './dependencies';
import type { Json } from './workflow';
import { readApiPrompt, readUiWorkflow } from './workflow';

const SHA = (c: string) => c.repeat(64);
const ui = (nodes: Json[], extra: Record<string, Json> = {}) => readUiWorkflow({ nodes, ...extra }).workflow;
const where = (graph: Parameters<typeof detectDependencies>[0]) =>
  detectDependencies(graph).models.map((m) => [m.slot, m.name, m.sha256]);

/** Download hints (`properties.models`, top-level `models`) name files; the loader input that loads one owns it. */
describe('dependencies: a file a loader loads is attributed to that loader input', () => {
  it('on the loader node itself, with a legacy folder name (clip = text_encoders), in an API + UI pair', () => {
    const clipHint = { name: 'clip_l.safetensors', directory: 'clip', hash: SHA('c'), hash_type: 'SHA256' };
    const graph = {
      api: readApiPrompt({
        '38': { class_type: 'CLIPLoader', inputs: { clip_name: 'clip_l.safetensors', type: 'flux' } },
        '12': { class_type: 'UNETLoader', inputs: { unet_name: 'flux1-dev.safetensors', weight_dtype: 'default' } },
      }),
      ui: ui([
        {
          id: 38,
          type: 'CLIPLoader',
          widgets_values: ['clip_l.safetensors', 'flux'],
          properties: { models: [clipHint] },
        },
        {
          id: 12,
          type: 'UNETLoader',
          widgets_values: ['flux1-dev.safetensors', 'default'],
          properties: { models: [{ name: 'flux1-dev.safetensors', directory: 'unet', hash: SHA('d') }] },
        },
      ]),
    };
    expect(where(graph)).toEqual([
      ['12.unet_name', 'flux1-dev.safetensors', SHA('d')],
      ['38.clip_name', 'clip_l.safetensors', SHA('c')],
    ]);
  });

  it('from another node (a note listing what to download) and from the top-level list, in a UI-only export', () => {
    const graph = {
      api: null,
      ui: ui(
        [
          // The note comes first: its hint must not take the file from the loader that comes after it.
          {
            id: 2,
            type: 'MarkdownNote',
            widgets_values: ['Download these'],
            properties: {
              models: [
                { name: 't5xxl_fp16.safetensors', directory: 'text_encoders', hash: SHA('5') },
                { name: 'ae.safetensors', directory: 'vae', url: 'https://example.test/ae' },
              ],
            },
          },
          { id: 11, type: 'DualCLIPLoader', widgets_values: ['t5xxl_fp16.safetensors', 'clip_l.safetensors', 'flux'] },
          { id: 10, type: 'VAELoader', widgets_values: ['flux/ae.safetensors'] }, // in a sub-folder
        ],
        { models: [{ name: 'clip_l.safetensors', directory: 'text_encoders', hash: SHA('1') }] },
      ),
    };
    const models = detectDependencies(graph).models;
    expect(models.map((m) => [m.slot, m.folder, m.name, m.sha256, m.url])).toEqual([
      ['11.clip_name2', 'text_encoders', 'clip_l.safetensors', SHA('1'), null],
      ['11.clip_name1', 'text_encoders', 't5xxl_fp16.safetensors', SHA('5'), null],
      ['10.vae_name', 'vae', 'flux/ae.safetensors', null, 'https://example.test/ae'],
    ]);
  });

  it('keeps hints no loader uses as their own lines, once each, and never merges across folders', () => {
    const graph = {
      api: null,
      ui: ui(
        [
          { id: 4, type: 'CheckpointLoaderSimple', widgets_values: ['model.safetensors'] },
          {
            id: 7,
            type: 'SomePackLoader', // a custom loader we do not know: only its hint says what it needs
            widgets_values: ['x'],
            properties: {
              models: [
                { name: 'model.safetensors', directory: 'loras', hash: SHA('e') }, // same name, another folder
                { name: 'face.pth', directory: 'facerestore_models' },
              ],
            },
          },
        ],
        { models: [{ name: 'face.pth', directory: 'facerestore_models', hash: SHA('f') }] },
      ),
    };
    expect(where(graph)).toEqual([
      ['4.ckpt_name', 'model.safetensors', null],
      ['7.properties.models', 'face.pth', SHA('f')],
      ['7.properties.models', 'model.safetensors', SHA('e')],
    ]);
  });

  it('gives a hint without a folder to the loader of the same file name, and keeps the first stated hash', () => {
    const graph = {
      api: readApiPrompt({ '3': { class_type: 'LoraLoaderModelOnly', inputs: { lora_name: 'ink.safetensors' } } }),
      ui: ui([
        {
          id: 3,
          type: 'LoraLoaderModelOnly',
          widgets_values: ['ink.safetensors', 1],
          properties: {
            models: [
              { name: 'ink.safetensors', hash: SHA('a') },
              { name: 'INK.safetensors', hash: SHA('b') },
            ],
          },
        },
      ]),
    };
    expect(where(graph)).toEqual([['3.lora_name', 'ink.safetensors', SHA('a')]]);
  });
});

describe('dependencies: UI-only exports name the files of every core loader', () => {
  it('reads multi-file text encoder loaders, with or without the newer trailing device widget', () => {
    const graph = {
      api: null,
      ui: ui([
        {
          id: 1,
          type: 'DualCLIPLoader',
          widgets_values: ['t5xxl_fp16.safetensors', 'clip_l.safetensors', 'flux', 'default'],
        },
        { id: 2, type: 'CLIPLoader', widgets_values: ['clip_g.safetensors', 'sd3', 'cpu'] },
        {
          id: 3,
          type: 'TripleCLIPLoader',
          widgets_values: ['clip_g.safetensors', 'clip_l.safetensors', 't5xxl_fp8_e4m3fn.safetensors'],
        },
        { id: 4, type: 'CheckpointLoader', widgets_values: ['v1-inference.yaml', 'v1-5-pruned-emaonly.ckpt'] },
        { id: 5, type: 'DualCLIPLoader', widgets_values: ['a', 'b', 'flux', 'default', 'surprise'] }, // unknown shape
      ]),
    };
    expect(where(graph).map(([slot, name]) => [slot, name])).toEqual([
      ['4.ckpt_name', 'v1-5-pruned-emaonly.ckpt'],
      ['2.clip_name', 'clip_g.safetensors'],
      ['1.clip_name2', 'clip_l.safetensors'],
      ['1.clip_name1', 't5xxl_fp16.safetensors'],
      ['3.clip_name3', 't5xxl_fp8_e4m3fn.safetensors'],
    ]);
  });
});
