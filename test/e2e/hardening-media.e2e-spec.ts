import type { INestApplicationContext } from '@nestjs/common';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import request from 'supertest';
import {
  errorCode,
  gql,
  jpegWithUserComment,
  OFFERS,
  pngWithChunks,
  signUpUser,
  TEST_BUCKETS,
  testStorageSettings,
  webpWithComfyExif,
} from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { PUBLISH, readyDraft } from './support/versions';

const GRAPH = (text: string) =>
  JSON.stringify({
    '3': {
      class_type: 'KSampler',
      inputs: { seed: 9, steps: 12, cfg: 5, sampler_name: 'euler', positive: ['6', 0], negative: ['7', 0] },
    },
    '6': { class_type: 'CLIPTextEncode', inputs: { text } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: 'blurry' } },
    '8': { class_type: 'UNETLoader', inputs: { unet_name: 'flux1-dev.safetensors' } },
  });

describe('hardening: media and money', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let buyer: TestUser;
  const s3 = new S3Client({
    endpoint: testStorageSettings().endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });

  beforeAll(async () => {
    api = await startTestApi({ listen: true });
    worker = await startTestWorker(api.db.url, { env: { PUBLIC_URL: api.url!, PORT: new URL(api.url!).port } });
    [creator, buyer] = await Promise.all([signUpUser(api.server), signUpUser(api.server)]);
  });
  afterAll(async () => {
    s3.destroy();
    await worker.close();
    await api.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);

  async function draftVersion() {
    const model = await as<{ createStyleModel: { id: string } }>(
      creator,
      `mutation { createStyleModel(input: { name: "Media ${Math.random()}", type: LORA, baseModelId: "sdxl-1.0", maturity: SFW }) { id } }`,
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      creator,
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: model.data!.createStyleModel.id },
    );
    return version.data!.createModelVersion.id;
  }

  const addSample = (versionId: string, bytes: Buffer, type: string) =>
    request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', type)
      .send(bytes);

  const storedKeys = async () =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: TEST_BUCKETS.media }))).Contents ?? []).map((o) => o.Key!);

  it('cleans NUL, controls and overrides out of an image\u2019s embedded prompt instead of failing', async () => {
    const versionId = await draftVersion();
    const png = await pngWithChunks(32, 32, [
      { type: 'iTXt', keyword: 'prompt', text: GRAPH('a fox\u0000 in\u202e snow') },
      { type: 'tEXt', keyword: 'workflow', text: '{"nodes": [], "extra": {"x": NaN}}' },
    ]);
    const response = await addSample(versionId, png, 'image/png');
    expect(response.status).toBe(201);
    expect(response.body.generation).toMatchObject({ prompt: 'a fox in snow', steps: 12, seed: '9' });
    expect(response.body.generation.resources).toEqual([
      { kind: 'diffusion_model', name: 'flux1-dev.safetensors', hash: null, weight: null },
    ]);
  });

  it('reads generation info from WebP EXIF and JPEG UserComment, and keeps animated WebP animated', async () => {
    const versionId = await draftVersion();
    const webp = await addSample(
      versionId,
      await webpWithComfyExif(GRAPH('an animated fox'), undefined, 3),
      'image/webp',
    );
    expect(webp.status).toBe(201);
    expect(webp.body.generation).toMatchObject({ tool: 'comfyui', prompt: 'an animated fox' });
    expect([webp.body.width, webp.body.height]).toEqual([16, 16]);
    const original = await fetch(webp.body.url as string);
    expect((await sharp(Buffer.from(await original.arrayBuffer()), { animated: true }).metadata()).pages).toBe(3);

    const jpeg = await addSample(
      versionId,
      await jpegWithUserComment(
        'a lighthouse\nNegative prompt: fog\nSteps: 30, Sampler: DPM++ 2M, Seed: 5, Size: 16x16',
      ),
      'image/jpeg',
    );
    expect(jpeg.status).toBe(201);
    expect(jpeg.body.generation).toMatchObject({
      tool: 'a1111',
      prompt: 'a lighthouse',
      negativePrompt: 'fog',
      steps: 30,
    });
  });

  it('leaves nothing in storage when the image cannot be recorded', async () => {
    const versionId = await draftVersion();
    // Fault injection: the database refuses this version's sample rows after the objects were written.
    await api.db.query(`
      CREATE FUNCTION catalog.refuse_sample() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.version_id = '${versionId}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_sample BEFORE INSERT ON catalog.sample_image FOR EACH ROW EXECUTE FUNCTION catalog.refuse_sample();`);
    try {
      const before = await storedKeys();
      const response = await addSample(versionId, await pngWithChunks(700, 400, []), 'image/png');
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('INTERNAL_SERVER_ERROR');
      expect((await storedKeys()).filter((key) => !before.includes(key))).toEqual([]);
      expect(await api.db.query(`SELECT id FROM catalog.sample_image WHERE version_id = $1`, [versionId])).toEqual([]);
    } finally {
      await api.db.query(`DROP TRIGGER refuse_sample ON catalog.sample_image; DROP FUNCTION catalog.refuse_sample();`);
    }
  });

  it('lists the currencies with their exponents and minimum charges', async () => {
    const { data } = await as<{
      currencies: { code: string; exponent: number; minimumCharge: number; step: number }[];
    }>(undefined, `{ currencies { code exponent minimumCharge step } }`);
    const byCode = new Map(data!.currencies.map((c) => [c.code, c]));
    expect(byCode.get('JPY')).toEqual({ code: 'JPY', exponent: 0, minimumCharge: 50, step: 1 });
    expect(byCode.get('EUR')).toMatchObject({ exponent: 2, minimumCharge: 50 });
    expect(byCode.get('KWD')).toMatchObject({ exponent: 3, step: 10 });
    expect(byCode.has('ZZZ')).toBe(false);
  });

  it('sells a JPY 500 licence as ¥500: the checkout page formats from the exponent', async () => {
    const jpy = { ...OFFERS.commercial, priceAmount: 500, priceCurrency: 'JPY' };
    const look = await readyDraft(api, creator, { offers: [jpy] });
    expect((await as(creator, PUBLISH, { v: look.versionId })).errors).toBeUndefined();
    const { data } = await as<{ checkout: { checkoutUrl: string; order: { amount: number; currency: string } } }>(
      buyer,
      `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { amount currency } } }`,
      { o: look.offers['COMMERCIAL']!.id },
    );
    expect(data!.checkout.order).toEqual({ amount: 500, currency: 'JPY' });
    const page = await request(api.server).get(new URL(data!.checkout.checkoutUrl).pathname);
    expect(page.text).toContain('¥500');
    expect(page.text).not.toContain('¥5.00');
    const [offer] = await api.db.query<{ terms_text: string }>(`SELECT terms_text FROM licensing.offer WHERE id = $1`, [
      look.offers['COMMERCIAL']!.id,
    ]);
    expect(offer!.terms_text).toContain('template v2');
    expect(errorCode(await as(buyer, `{ currencies { code } }`))).toBeUndefined();
  });
});
