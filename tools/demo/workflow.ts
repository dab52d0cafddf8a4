/**
 * A ComfyUI text-to-image workflow with a LoRA, in the UI format (schema 0.4), written for the demo from the format
 * description (no ComfyUI file is copied): checkpoint → LoRA → prompts → sampler → decode → save.
 */
export function demoWorkflow(loraFile: string, prompt: string, seed: number): Record<string, unknown> {
  const node = (
    id: number,
    type: string,
    pos: [number, number],
    inputs: [string, string, number][],
    outputs: [string, string, number[]][],
    widgets: unknown[],
  ) => ({
    id,
    type,
    pos,
    size: [320, 120],
    flags: {},
    order: id - 1,
    mode: 0,
    inputs: inputs.map(([name, kind, link]) => ({ name, type: kind, link })),
    outputs: outputs.map(([name, kind, links], slot) => ({ name, type: kind, links, slot_index: slot })),
    properties: { 'Node name for S&R': type },
    widgets_values: widgets,
  });
  return {
    last_node_id: 8,
    last_link_id: 11,
    nodes: [
      node(
        1,
        'CheckpointLoaderSimple',
        [0, 0],
        [],
        [
          ['MODEL', 'MODEL', [1]],
          ['CLIP', 'CLIP', [2]],
          ['VAE', 'VAE', [10]],
        ],
        ['sd_xl_base_1.0.safetensors'],
      ),
      node(
        2,
        'LoraLoader',
        [360, 0],
        [
          ['model', 'MODEL', 1],
          ['clip', 'CLIP', 2],
        ],
        [
          ['MODEL', 'MODEL', [5]],
          ['CLIP', 'CLIP', [3, 4]],
        ],
        [loraFile, 0.8, 0.8],
      ),
      node(3, 'CLIPTextEncode', [720, 0], [['clip', 'CLIP', 3]], [['CONDITIONING', 'CONDITIONING', [6]]], [prompt]),
      node(
        4,
        'CLIPTextEncode',
        [720, 180],
        [['clip', 'CLIP', 4]],
        [['CONDITIONING', 'CONDITIONING', [7]]],
        ['blurry, low quality, watermark'],
      ),
      node(5, 'EmptyLatentImage', [720, 360], [], [['LATENT', 'LATENT', [8]]], [1024, 1024, 1]),
      node(
        6,
        'KSampler',
        [1080, 0],
        [
          ['model', 'MODEL', 5],
          ['positive', 'CONDITIONING', 6],
          ['negative', 'CONDITIONING', 7],
          ['latent_image', 'LATENT', 8],
        ],
        [['LATENT', 'LATENT', [9]]],
        [seed, 'randomize', 28, 6.5, 'dpmpp_2m', 'karras', 1],
      ),
      node(
        7,
        'VAEDecode',
        [1440, 0],
        [
          ['samples', 'LATENT', 9],
          ['vae', 'VAE', 10],
        ],
        [['IMAGE', 'IMAGE', [11]]],
        [],
      ),
      node(8, 'SaveImage', [1800, 0], [['images', 'IMAGE', 11]], [], ['lookbook-demo']),
    ],
    links: [
      [1, 1, 0, 2, 0, 'MODEL'],
      [2, 1, 1, 2, 1, 'CLIP'],
      [3, 2, 1, 3, 0, 'CLIP'],
      [4, 2, 1, 4, 0, 'CLIP'],
      [5, 2, 0, 6, 0, 'MODEL'],
      [6, 3, 0, 6, 1, 'CONDITIONING'],
      [7, 4, 0, 6, 2, 'CONDITIONING'],
      [8, 5, 0, 6, 3, 'LATENT'],
      [9, 6, 0, 7, 0, 'LATENT'],
      [10, 1, 2, 7, 1, 'VAE'],
      [11, 7, 0, 8, 0, 'IMAGE'],
    ],
    groups: [],
    config: {},
    extra: {},
    version: 0.4,
  };
}

/** The parameters a demo template lets people set (node 3 is the prompt, node 6 the sampler, node 2 the LoRA). */
export const DEMO_SLOTS = [
  {
    key: 'prompt',
    nodeId: '3',
    widget: 'text',
    label: 'Prompt',
    type: 'TEXT',
    default: '"a harbour cat"',
    maxLength: 500,
  },
  { key: 'seed', nodeId: '6', widget: 'seed', label: 'Seed', type: 'SEED', default: '1' },
  { key: 'steps', nodeId: '6', widget: 'steps', label: 'Steps', type: 'INTEGER', default: '28', min: 1, max: 80 },
  {
    key: 'style',
    nodeId: '2',
    widget: 'strength_model',
    label: 'Style strength',
    type: 'NUMBER',
    default: '0.8',
    min: 0,
    max: 1.5,
  },
];
