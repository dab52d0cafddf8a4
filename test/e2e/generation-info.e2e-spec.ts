import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { gql, pngWithText, webpWithComfyExif } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;
const text = (t: string): Graph[string] => ({ class_type: 'CLIPTextEncode', inputs: { text: t, clip: ['4', 1] } });
const ksampler = (seed: number, positive: string, latent: [string, number], steps = 25, denoise = 1) => ({
  class_type: 'KSampler',
  inputs: {
    seed,
    steps,
    cfg: 7,
    sampler_name: 'euler',
    scheduler: 'normal',
    denoise,
    positive: [positive, 0],
    negative: ['7', 0],
    latent_image: latent,
  },
});

/** ComfyUI's SDXL example: the base samples the empty latent, the refiner finishes the base's latent. */
function baseAndRefiner(base: string, refiner: string): Graph {
  return {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_base_1.0.safetensors' } },
    '12': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'sd_xl_refiner_1.0.safetensors' } },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: 1024, height: 1024, batch_size: 1 } },
    '6': text('evening light over a harbour, ink wash'),
    '7': text('text, watermark'),
    '15': text('refiner: sharp details'),
    [base]: ksampler(640271075062843, '6', ['5', 0]),
    [refiner]: ksampler(1, '15', [base, 0], 10, 0.3),
  };
}

/**
 * Sample images keep the generation info of the pass the picture starts from: in an SDXL base + refiner graph the
 * seed and prompt are the base sampler's, whatever the node ids; img2img still reads its only sampler.
 */
describe('generation info from multi-pass ComfyUI graphs, over HTTP', () => {
  let api: TestApi;
  let creator: TestUser;
  let versionId: string;

  beforeAll(async () => {
    api = await startTestApi();
    creator = await world(api).member();
    const as = world(api).as(creator);
    const model = await as<{ createStyleModel: { id: string } }>(
      `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`,
      { i: { name: 'Harbour Ink', type: 'LORA', baseModelId: 'sdxl-1.0', maturity: 'SFW' } },
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      `mutation($m: UUID!, $i: CreateModelVersionInput!) { createModelVersion(modelId: $m, input: $i) { id } }`,
      { m: model.data!.createStyleModel.id, i: { name: 'v1' } },
    );
    versionId = version.data!.createModelVersion.id;
  });
  afterAll(() => api.close());

  const upload = async (image: Buffer, type: string) => {
    const response = await request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', type)
      .send(image);
    expect(response.status).toBe(201);
    return response.body.generation as Record<string, unknown>;
  };

  it.each([
    ['the base first', '3', '10'],
    ['the refiner first', '30', '10'],
    ['ids that are not numbers', 'base', 'a-refiner'],
  ])('reads an SDXL base + refiner PNG from the base sampler (%s)', async (_case, base, refiner) => {
    const generation = await upload(
      await pngWithText(64, 64, { prompt: JSON.stringify(baseAndRefiner(base, refiner)) }),
      'image/png',
    );
    expect(generation).toMatchObject({
      tool: 'comfyui',
      prompt: 'evening light over a harbour, ink wash',
      negativePrompt: 'text, watermark',
      seed: '640271075062843',
      steps: 25,
      denoise: 1,
      width: 1024,
      height: 1024,
    });
  });

  it('reads a KSamplerAdvanced pair in a WebP from the pass that adds the noise', async () => {
    const advanced = (from: [string, number], seed: number, start: number, positive: string) => ({
      class_type: 'KSamplerAdvanced',
      inputs: {
        add_noise: start === 0 ? 'enable' : 'disable',
        noise_seed: seed,
        steps: 30,
        cfg: 6,
        sampler_name: 'dpmpp_2m',
        scheduler: 'karras',
        start_at_step: start,
        end_at_step: start === 0 ? 24 : 10000,
        return_with_leftover_noise: start === 0 ? 'enable' : 'disable',
        positive: [positive, 0],
        negative: ['7', 0],
        latent_image: from,
      },
    });
    const graph: Graph = {
      '5': { class_type: 'EmptyLatentImage', inputs: { width: 896, height: 1152, batch_size: 1 } },
      '6': text('a lighthouse keeper, gouache'),
      '7': text('blurry'),
      '15': text('refine'),
      '9': advanced(['22', 0], 77, 24, '15'),
      '22': advanced(['5', 0], 4242, 0, '6'),
    };
    const generation = await upload(await webpWithComfyExif(JSON.stringify(graph)), 'image/webp');
    expect(generation).toMatchObject({
      prompt: 'a lighthouse keeper, gouache',
      seed: '4242',
      width: 896,
      height: 1152,
    });
  });

  it('reads an img2img PNG from its only sampler', async () => {
    const graph: Graph = {
      '10': { class_type: 'LoadImage', inputs: { image: 'source.png' } },
      '11': { class_type: 'VAEEncode', inputs: { pixels: ['10', 0], vae: ['4', 2] } },
      '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: 'v1-5-pruned-emaonly.safetensors' } },
      '6': text('victorian woman with wings'),
      '7': text('watermark'),
      '3': ksampler(280823642470253, '6', ['11', 0], 20, 0.87),
    };
    const generation = await upload(await pngWithText(64, 64, { prompt: JSON.stringify(graph) }), 'image/png');
    expect(generation).toMatchObject({ prompt: 'victorian woman with wings', seed: '280823642470253', denoise: 0.87 });
    // What was uploaded is what the version shows.
    const read = await gql<{ modelVersion: { sampleImages: { generation: { seed: string } }[] } }>(
      api.server,
      `query($id: UUID!) { modelVersion(id: $id) { sampleImages { generation { seed } } } }`,
      { id: versionId },
      creator.accessToken,
    );
    expect(read.data!.modelVersion.sampleImages.map((s) => s.generation.seed)).toContain('280823642470253');
  });
});
