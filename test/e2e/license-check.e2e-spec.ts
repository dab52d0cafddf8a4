import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, REFERENCE_DIR } from '@lookbook/testing';
import { comfyuiReferencePresent } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import type { ReadyVersion } from './support/versions';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const FLUX_DEV = '4610115bb0c89560703c892c59ac2742fa821e60ef5871b33493ba544683abd7';
const CLIP_L = '660c6f5b1abae9dc498ac2d21e1347d2abdb0cf6c0c0c8576cd796491d9a6cdd';
const DEV_LICENCE = 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md';
const DEV_REASON =
  'Not covered: FLUX.1 [dev] Non-Commercial License does not allow commercial use. Using the model commercially ' +
  'needs a licence from Black Forest Labs.';

interface Line {
  kind: string;
  name: string;
  slot: string | null;
  sha256: string | null;
  status: string;
  reason: string;
  resolved: { versionId: string; matchedBy: string } | null;
  published: {
    matchedBy: string;
    title: string;
    baseModelName: string | null;
    license: { name: string; url: string | null; conditions: string | null; nonCommercial: boolean };
  } | null;
  offer: { id: string; tier: string; priceAmount: number; priceCurrency: string } | null;
}
interface Rollup {
  purpose: string;
  verdict: string;
  reasons: string[];
  lines: Line[];
  missingTotals: { currency: string; amount: number; licenses: number }[];
}

/** An API prompt loading these files (one loader node each), as a ComfyUI export would send it. */
const apiPrompt = (files: Record<string, [string, string]>) =>
  Buffer.from(
    JSON.stringify(Object.fromEntries(Object.entries(files).map(([id, [type, name]]) => [id, loaderNode(type, name)]))),
  );
function loaderNode(type: string, name: string) {
  const input: Record<string, string> = {
    CheckpointLoaderSimple: 'ckpt_name',
    UNETLoader: 'unet_name',
    VAELoader: 'vae_name',
    CLIPLoader: 'clip_name',
    LoraLoaderModelOnly: 'lora_name',
    ControlNetLoader: 'control_net_name',
  };
  return {
    class_type: type,
    inputs: { [input[type]!]: name, ...(type === 'LoraLoaderModelOnly' ? { strength_model: 0.7 } : {}) },
  };
}
const reference = (file: string) => readFileSync(join(REFERENCE_DIR, 'comfyui', file));
const statuses = (r: Rollup) => r.lines.map((l) => [l.name, l.status]);

/**
 * "Can I use this?" over HTTP: the checker answers 200 (it stores nothing) and its verdict is honest — files it does
 * not know are never covered; well-known base-model files (by published SHA-256 or by name) answer with the licence
 * they are published under, with a link; catalog models with what the viewer holds and what it costs.
 */
describe('the licence checker', () => {
  let api: TestApi;
  let creator: TestUser;
  let buyer: TestUser;
  let lora: ReadyVersion;

  const check = async (body: Buffer, purpose: string, user?: TestUser, type = 'application/octet-stream') => {
    const req = request(api.server).post(`/api/v1/license-check?purpose=${purpose}`).set('content-type', type);
    const response = await (user ? req.set('authorization', `Bearer ${user.accessToken}`) : req).send(body);
    expect({ status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({
      status: 200,
      body: 'ok',
    });
    return response.body as Rollup;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const worker = await startTestWorker(api.db.url);
    creator = await world(api).member();
    buyer = await world(api).member();
    lora = await publishedVersion(api, creator, { baseModelId: 'sdxl-1.0' });
    await worker.close();
    await api.db.query(`UPDATE catalog.model_file SET file_name = 'harbour-ink.safetensors' WHERE id = $1`, [
      lora.fileId,
    ]);
  });
  afterAll(() => api.close());

  it('files it does not know are never covered: UNVERIFIED, naming each, for either purpose', async () => {
    const unknownOnly = apiPrompt({
      '1': ['CheckpointLoaderSimple', 'my-merge-v7.safetensors'],
      '2': ['LoraLoaderModelOnly', 'secret-style.safetensors'],
      '3': ['VAELoader', 'custom-vae.pt'],
      '4': ['ControlNetLoader', 'my-canny.pth'],
    });
    for (const purpose of ['COMMERCIAL', 'PERSONAL']) {
      for (const user of [undefined, buyer]) {
        const rollup = await check(unknownOnly, purpose, user);
        expect(rollup.verdict).toBe('UNVERIFIED');
        expect(rollup.lines.map((l) => l.status)).toEqual(['UNKNOWN', 'UNKNOWN', 'UNKNOWN', 'UNKNOWN']);
        expect(rollup.reasons.map((r) => r.split(':')[0])).toEqual([
          'my-merge-v7.safetensors',
          'my-canny.pth',
          'secret-style.safetensors',
          'custom-vae.pt',
        ]);
        expect(rollup.reasons.join('\n')).not.toMatch(/covered/i);
        expect(rollup.missingTotals).toEqual([]);
      }
    }
    // A real ComfyUI image: an anime checkpoint and a ControlNet nobody publishes a hash for, and the SD 1.x VAE.
    if (!comfyuiReferencePresent) return;
    const controlnet = await check(reference('controlnet_example.png'), 'COMMERCIAL', undefined, 'image/png');
    expect(statuses(controlnet)).toEqual([
      ['Anything-V3.0.ckpt', 'UNKNOWN'],
      ['control_scribble.safetensors', 'UNKNOWN'],
      ['vae-ft-mse-840000-ema-pruned.safetensors', 'OPEN_LICENSE'],
    ]);
    expect(controlnet.verdict).toBe('UNVERIFIED');
    expect(controlnet.lines[2]!.published!.license).toMatchObject({ name: 'MIT License', nonCommercial: false });
  });

  (comfyuiReferencePresent ? it : it.skip)(
    'a FLUX.1 [dev] image for commercial use: not covered, naming its licence with a link; for personal use, covered',
    async () => {
      const image = reference('flux_dev_example.png');
      const commercial = await check(image, 'COMMERCIAL', buyer, 'image/png');
      expect(commercial.verdict).toBe('NOT_COVERED');
      expect(commercial.lines.map((l) => [l.slot, l.name, l.status])).toEqual([
        ['12.unet_name', 'flux1-dev.safetensors', 'NOT_ALLOWED'],
        ['11.clip_name2', 'clip_l.safetensors', 'OPEN_LICENSE'],
        ['11.clip_name1', 't5xxl_fp16.safetensors', 'OPEN_LICENSE'],
        ['10.vae_name', 'ae.safetensors', 'OPEN_LICENSE'],
      ]);
      expect(commercial.reasons).toEqual([`flux1-dev.safetensors: ${DEV_REASON} (matched by file name)`]);
      expect(commercial.lines[0]!.published).toMatchObject({
        matchedBy: 'FILE_NAME',
        title: 'FLUX.1 [dev]',
        baseModelName: 'Flux.1 D',
        license: { name: 'FLUX.1 [dev] Non-Commercial License', url: DEV_LICENCE, nonCommercial: true },
      });
      // Text encoders and the autoencoder carry their own licences: T5 Apache-2.0, CLIP-L MIT, the FLUX.1 AE as
      // published (byte for byte) with FLUX.1 [schnell] under Apache-2.0.
      expect(commercial.lines.slice(1).map((l) => l.published!.license.name)).toEqual([
        'MIT License',
        'Apache License 2.0',
        'Apache License 2.0',
      ]);
      expect(commercial.missingTotals).toEqual([]);
      const personal = await check(image, 'PERSONAL', buyer, 'image/png');
      expect(personal).toMatchObject({ verdict: 'COVERED', reasons: ['Personal use is covered'] });
      // FLUX.1 Kontext [dev] ships under the same licence (recognised by file name; no published hash).
      const kontext = await check(reference('flux_kontext_example_comic.webp'), 'COMMERCIAL', undefined, 'image/webp');
      expect(kontext.verdict).toBe('NOT_COVERED');
      expect(kontext.lines.find((l) => l.name === 'flux1-kontext-dev.safetensors')).toMatchObject({
        status: 'NOT_ALLOWED',
        published: { title: 'FLUX.1 Kontext [dev]', license: { url: DEV_LICENCE } },
      });
    },
  );

  it('SDXL base + refiner and SD 3.5 for commercial use: covered by their published licences, conditions said', async () => {
    const sdxl = await check(
      apiPrompt({
        '4': ['CheckpointLoaderSimple', 'sd_xl_base_1.0.safetensors'],
        '12': ['CheckpointLoaderSimple', 'sd_xl_refiner_1.0.safetensors'],
        '30': ['VAELoader', 'sdxl_vae.safetensors'],
      }),
      'COMMERCIAL',
    );
    expect(sdxl).toMatchObject({ verdict: 'COVERED', reasons: ['Commercial use is covered'], missingTotals: [] });
    expect(sdxl.lines.map((l) => [l.name, l.status, l.published!.license.name])).toEqual([
      ['sd_xl_base_1.0.safetensors', 'OPEN_LICENSE', 'CreativeML Open RAIL++-M'],
      ['sd_xl_refiner_1.0.safetensors', 'OPEN_LICENSE', 'CreativeML Open RAIL++-M'],
      ['sdxl_vae.safetensors', 'OPEN_LICENSE', 'MIT License'],
    ]);
    expect(sdxl.lines[0]!.reason).toBe(
      'Published under the CreativeML Open RAIL++-M, which allows commercial use. The use restrictions of its ' +
        'Attachment A apply. (matched by file name)',
    );
    expect(sdxl.lines[0]!.published!.license.url).toBe(
      'https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md',
    );
    const sd35 = await check(
      apiPrompt({
        '4': ['CheckpointLoaderSimple', 'checkpoints/SD3.5/sd3.5_large_fp8_scaled.safetensors'],
        '5': ['CLIPLoader', 't5xxl_fp8_e4m3fn_scaled.safetensors'],
      }),
      'COMMERCIAL',
    );
    expect(sd35.verdict).toBe('COVERED');
    expect(sd35.lines[0]).toMatchObject({
      status: 'OPEN_LICENSE',
      published: {
        title: 'Stable Diffusion 3.5 Large, fp8 (Comfy-Org)',
        license: { name: 'Stability AI Community License', conditions: expect.stringContaining('US$1M') },
      },
    });
  });

  it('a mix with a catalog model: what the viewer holds, what is missing and what it costs, per line and in total', async () => {
    const mix = apiPrompt({
      '4': ['CheckpointLoaderSimple', 'sd_xl_base_1.0.safetensors'],
      '10': ['LoraLoaderModelOnly', 'harbour-ink.safetensors'],
      '11': ['LoraLoaderModelOnly', 'unknown-detail.safetensors'],
    });
    const anonymous = await check(mix, 'COMMERCIAL');
    expect(anonymous.verdict).toBe('NOT_COVERED');
    expect(statuses(anonymous)).toEqual([
      ['sd_xl_base_1.0.safetensors', 'OPEN_LICENSE'],
      ['harbour-ink.safetensors', 'AVAILABLE'],
      ['unknown-detail.safetensors', 'UNKNOWN'],
    ]);
    expect(anonymous.lines[1]).toMatchObject({
      resolved: { versionId: lora.versionId, matchedBy: 'FILE_NAME' },
      offer: { id: lora.offers['COMMERCIAL']!.id, tier: 'COMMERCIAL', priceAmount: 4900, priceCurrency: 'EUR' },
    });
    expect(anonymous.reasons).toEqual([
      'harbour-ink.safetensors: You need the commercial licence (matched by file name)',
      expect.stringMatching(/^unknown-detail\.safetensors: Not checked/),
    ]);
    expect(anonymous.missingTotals).toEqual([{ currency: 'EUR', amount: 4900, licenses: 1 }]);
    // For personal use the cheapest covering licence is the personal one.
    const personal = await check(mix, 'PERSONAL');
    expect(personal.lines[1]!.offer).toMatchObject({ tier: 'PERSONAL', priceAmount: 500 });
    expect(personal.missingTotals).toEqual([{ currency: 'EUR', amount: 500, licenses: 1 }]);
    // Its creator needs nothing from the catalog, but the unknown LoRA still keeps it unverified.
    const own = await check(mix, 'COMMERCIAL', creator);
    expect(own.lines[1]!.status).toBe('OWN');
    expect(own).toMatchObject({ verdict: 'UNVERIFIED', missingTotals: [] });
    const known = apiPrompt({
      '4': ['CheckpointLoaderSimple', 'sd_xl_base_1.0.safetensors'],
      '10': ['LoraLoaderModelOnly', 'harbour-ink.safetensors'],
    });
    expect((await check(known, 'COMMERCIAL', creator)).verdict).toBe('COVERED');
  });

  it('a hint in properties.models belongs to the loader input that loads the file, and its hash decides', async () => {
    const ui = {
      nodes: [
        {
          id: 38,
          type: 'CLIPLoader',
          widgets_values: ['clip_l.safetensors', 'stable_diffusion', 'default'],
          properties: {
            models: [{ name: 'clip_l.safetensors', directory: 'clip', hash: CLIP_L, hash_type: 'SHA256' }],
          },
        },
        {
          id: 2,
          type: 'MarkdownNote',
          widgets_values: ['Models'],
          properties: {
            models: [
              { name: 'flux1-dev.safetensors', directory: 'diffusion_models', hash: FLUX_DEV, hash_type: 'SHA256' },
            ],
          },
        },
        { id: 12, type: 'UNETLoader', widgets_values: ['flux/flux1-dev.safetensors', 'default'] },
      ],
      links: [],
    };
    const rollup = await check(Buffer.from(JSON.stringify(ui)), 'COMMERCIAL');
    expect(rollup.lines.map((l) => [l.slot, l.name, l.sha256, l.status, l.published?.matchedBy])).toEqual([
      ['12.unet_name', 'flux/flux1-dev.safetensors', FLUX_DEV, 'NOT_ALLOWED', 'SHA256'],
      ['38.clip_name', 'clip_l.safetensors', CLIP_L, 'OPEN_LICENSE', 'SHA256'],
    ]);
    expect(rollup.reasons).toEqual([`flux/flux1-dev.safetensors: ${DEV_REASON}`]);
    // A stated hash that no known file has is some other file, whatever its name: not checked, not FLUX.1 [dev].
    const other = JSON.stringify(ui).replace(FLUX_DEV, 'e'.repeat(64));
    expect(statuses(await check(Buffer.from(other), 'COMMERCIAL'))[0]).toEqual([
      'flux/flux1-dev.safetensors',
      'UNKNOWN',
    ]);
  });

  it('a catalog file with the bytes of a published base model is judged by the publisher’s licence', async () => {
    const worker = await startTestWorker(api.db.url);
    const reupload = await publishedVersion(api, creator);
    await worker.close();
    await api.db.query(`UPDATE catalog.model_file SET sha256 = $2, file_name = 'dev.safetensors' WHERE id = $1`, [
      reupload.fileId,
      FLUX_DEV,
    ]);
    const ui = {
      nodes: [
        {
          id: 1,
          type: 'UNETLoader',
          widgets_values: ['dev.safetensors', 'default'],
          properties: { models: [{ name: 'dev.safetensors', directory: 'diffusion_models', hash: FLUX_DEV }] },
        },
      ],
      links: [],
    };
    const rollup = await check(Buffer.from(JSON.stringify(ui)), 'COMMERCIAL', buyer);
    expect(rollup.lines[0]).toMatchObject({ status: 'NOT_ALLOWED', resolved: null, offer: null });
    expect(rollup.missingTotals).toEqual([]);
  });

  it('admins teach it a new published file; others cannot; bad entries get typed errors and change nothing', async () => {
    const admin = await world(api).staff('admin');
    const as = (user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
      gql<Record<string, { id: string; license: { name: string } }>>(api.server, query, variables, user?.accessToken);
    const UPSERT = `mutation($i: KnownModelFileInput!) { upsertKnownModelFile(input: $i) { id fileName sha256 license { name nonCommercial } } }`;
    const entry = {
      fileName: 'hidream_i1_full_fp16.safetensors',
      kind: 'diffusion_model',
      title: 'HiDream-I1 Full',
      licenseName: 'MIT License',
      licenseUrl: 'https://opensource.org/license/mit',
      nonCommercial: false,
      sourceUrl: 'https://huggingface.co/Comfy-Org/HiDream-I1_ComfyUI',
    };
    const graph = apiPrompt({ '1': ['UNETLoader', 'hidream_i1_full_fp16.safetensors'] });
    expect((await check(graph, 'COMMERCIAL')).verdict).toBe('UNVERIFIED');
    const count = async () =>
      (await api.db.query(`SELECT count(*)::int AS n FROM catalog.known_model_file`))[0]!.n as number;
    const before = await count();

    expect(errorCode(await as(buyer, UPSERT, { i: entry }))).toBe('FORBIDDEN');
    expect(errorCode(await as(undefined, UPSERT, { i: entry }))).toBe('UNAUTHENTICATED');
    for (const [change, code] of [
      [{ fileName: 'unet/x.safetensors' }, 'INVALID_FILE_NAME'],
      [{ fileName: 'x\u0000.safetensors' }, 'INVALID_TEXT'],
      [{ sha256: 'xyz' }, 'INVALID_SHA256'],
      [{ kind: 'spaceship' }, 'INVALID_KIND'],
      [{ licenseName: null }, 'KNOWN_FILE_LICENSE_MISSING'],
      [{ licenseUrl: 'javascript:alert(1)' }, 'INVALID_URL'],
      [{ sourceUrl: 'http://insecure.test/x' }, 'INVALID_URL'],
      [{ baseModelId: 'sd-9000' }, 'UNKNOWN_BASE_MODEL'],
      [{ sha256: FLUX_DEV }, 'KNOWN_FILE_EXISTS'],
      [{ id: '0190a5b0-0000-7000-8000-000000000001' }, 'KNOWN_FILE_NOT_FOUND'],
    ] as const)
      expect({ change, code: errorCode(await as(admin, UPSERT, { i: { ...entry, ...change } })) }).toEqual({
        change,
        code,
      });
    expect(await count()).toBe(before);

    const added = (await as(admin, UPSERT, { i: entry })).data!['upsertKnownModelFile']!;
    expect(added).toMatchObject({ sha256: null, license: { name: 'MIT License' } });
    const now = await check(graph, 'COMMERCIAL');
    expect(now).toMatchObject({ verdict: 'COVERED' });
    expect(now.lines[0]!.published).toMatchObject({
      title: 'HiDream-I1 Full',
      license: { url: 'https://opensource.org/license/mit' },
    });
    // The public list shows it with the seeded files; removing it makes the file unknown again.
    const listed = await gql<{ knownModelFiles: { fileName: string; license: { name: string } }[] }>(
      api.server,
      `{ knownModelFiles { fileName license { name } } }`,
    );
    expect(listed.data!.knownModelFiles.map((f) => f.fileName)).toEqual(
      expect.arrayContaining([
        'flux1-dev.safetensors',
        'sd_xl_base_1.0.safetensors',
        'hidream_i1_full_fp16.safetensors',
      ]),
    );
    const DELETE = `mutation($id: UUID!) { deleteKnownModelFile(id: $id) }`;
    expect((await as(admin, DELETE, { id: added.id })).data).toEqual({ deleteKnownModelFile: true });
    expect(errorCode(await as(admin, DELETE, { id: added.id }))).toBe('KNOWN_FILE_NOT_FOUND');
    expect((await check(graph, 'COMMERCIAL')).verdict).toBe('UNVERIFIED');
  });

  it('answers bad requests with typed errors (never 201, never 500)', async () => {
    const graph = apiPrompt({ '1': ['UNETLoader', 'flux1-dev.safetensors'] });
    const post = (purpose: string, body: Buffer, type: string) =>
      request(api.server).post(`/api/v1/license-check?purpose=${purpose}`).set('content-type', type).send(body);
    expect((await post('RESALE', graph, 'application/octet-stream').expect(400)).body.error.code).toBe(
      'INVALID_PURPOSE',
    );
    expect(
      (await post('COMMERCIAL', Buffer.from('[1,2'), 'application/octet-stream').expect(400)).body.error.code,
    ).toMatch(/^WORKFLOW_/);
    expect((await post('COMMERCIAL', Buffer.from('{}'), 'text/plain').expect(415)).body.error.code).toBeTruthy();
    // The purpose defaults to commercial use, in any case.
    expect((await post('commercial', graph, 'application/octet-stream').expect(200)).body.verdict).toBe('NOT_COVERED');
  });
});
