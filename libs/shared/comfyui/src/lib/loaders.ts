/**
 * ComfyUI's core loader nodes: which inputs name a model file, and what kind of model it is (the folder it is read
 * from). Written from ComfyUI's documented node inputs (nodes.py, comfy_extras), not copied from its code.
 */
export type ResourceKind =
  | 'checkpoint'
  | 'lora'
  | 'embedding'
  | 'vae'
  | 'controlnet'
  | 'diffusion_model'
  | 'text_encoder'
  | 'clip_vision'
  | 'style_model'
  | 'gligen'
  | 'upscaler'
  | 'hypernetwork'
  | 'other';

export interface LoaderInput {
  input: string;
  kind: ResourceKind;
  /** ComfyUI's folder key (models/<folder>). */
  folder: string;
  /** The input holding the strength applied to the model, when the loader has one. */
  weight?: string;
}

const file = (input: string, kind: ResourceKind, folder: string, weight?: string): LoaderInput => ({
  input,
  kind,
  folder,
  ...(weight ? { weight } : {}),
});

export const CORE_LOADERS: Readonly<Record<string, readonly LoaderInput[]>> = {
  CheckpointLoaderSimple: [file('ckpt_name', 'checkpoint', 'checkpoints')],
  CheckpointLoader: [file('ckpt_name', 'checkpoint', 'checkpoints')],
  unCLIPCheckpointLoader: [file('ckpt_name', 'checkpoint', 'checkpoints')],
  ImageOnlyCheckpointLoader: [file('ckpt_name', 'checkpoint', 'checkpoints')],
  DiffusersLoader: [file('model_path', 'checkpoint', 'diffusers')],
  LoraLoader: [file('lora_name', 'lora', 'loras', 'strength_model')],
  LoraLoaderModelOnly: [file('lora_name', 'lora', 'loras', 'strength_model')],
  VAELoader: [file('vae_name', 'vae', 'vae')],
  ControlNetLoader: [file('control_net_name', 'controlnet', 'controlnet')],
  DiffControlNetLoader: [file('control_net_name', 'controlnet', 'controlnet')],
  UNETLoader: [file('unet_name', 'diffusion_model', 'diffusion_models')],
  CLIPLoader: [file('clip_name', 'text_encoder', 'text_encoders')],
  DualCLIPLoader: [
    file('clip_name1', 'text_encoder', 'text_encoders'),
    file('clip_name2', 'text_encoder', 'text_encoders'),
  ],
  TripleCLIPLoader: ['clip_name1', 'clip_name2', 'clip_name3'].map((i) => file(i, 'text_encoder', 'text_encoders')),
  QuadrupleCLIPLoader: ['clip_name1', 'clip_name2', 'clip_name3', 'clip_name4'].map((i) =>
    file(i, 'text_encoder', 'text_encoders'),
  ),
  CLIPVisionLoader: [file('clip_name', 'clip_vision', 'clip_vision')],
  StyleModelLoader: [file('style_model_name', 'style_model', 'style_models')],
  GLIGENLoader: [file('gligen_name', 'gligen', 'gligen')],
  UpscaleModelLoader: [file('model_name', 'upscaler', 'upscale_models')],
  HypernetworkLoader: [file('hypernetwork_name', 'hypernetwork', 'hypernetworks', 'strength')],
};

/** VAELoader values that name a built-in decoder, not a file. */
export const NON_FILE_VAES = new Set(['pixel_space', 'taesd', 'taesdxl', 'taesd3', 'taef1', 'taef2', 'taeqi2_1']);

/** The file name without its folders (ComfyUI names may hold sub-folders, with Windows separators too). */
export const baseName = (name: string): string => name.split(/[\\/]/).pop() ?? name;
