import { createHash, randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import exifr from 'exifr';
import sharp from 'sharp';
import request from 'supertest';
import {
  buildSafetensors,
  errorCode,
  gql,
  OFFERS,
  pixelBombPng,
  pngWithText,
  setOffers,
  signUpUser,
} from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { mediaBytes } from './support/media';
import { startTestWorker } from './support/test-worker';
import { world } from './support/world';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sniffJpeg = (data: Buffer) => data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;

const CREATE_MODEL = `mutation($input: CreateStyleModelInput!) { createStyleModel(input: $input) { id slug status } }`;
const CREATE_VERSION = `mutation($modelId: UUID!, $input: CreateModelVersionInput!) { createModelVersion(modelId: $modelId, input: $input) { id status } }`;
const CREATE_UPLOAD = `mutation($versionId: UUID!, $input: CreateUploadInput!) {
  createModelFileUpload(versionId: $versionId, input: $input) { file { id scanStatus } upload { id partSize partCount } } }`;
const PART_URLS = `mutation($uploadId: UUID!, $parts: [Int!]!) { requestUploadPartUrls(uploadId: $uploadId, partNumbers: $parts) { partNumber url } }`;
const COMPLETE = `mutation($uploadId: UUID!) { completeModelFileUpload(uploadId: $uploadId) { id scanStatus } }`;
const VERSION = `query($id: UUID!) { modelVersion(id: $id) { id status downloadCount
  files { id fileName scanStatus rejectionReason sha256 autoV2 crc32 sizeBytes tensorCount precision
    headerMetadata { key value } trainingMetadata { trainer networkDim networkAlpha topTags { tag count } } }
  sampleImages { id width height url thumbnails { width url } generation { tool prompt steps cfgScale seed resources { kind name hash } } linkedVersionIds } } }`;

type VersionView = {
  modelVersion: {
    status: string;
    downloadCount: number;
    files: {
      id: string;
      scanStatus: string;
      rejectionReason: string | null;
      sha256: string;
      autoV2: string;
      sizeBytes: number;
      tensorCount: number;
      precision: string;
      headerMetadata: { key: string; value: string }[];
      trainingMetadata: { trainer: string; networkDim: number; topTags: { tag: string }[] } | null;
    }[];
    sampleImages: {
      url: string;
      thumbnails: { width: number; url: string }[];
      generation: { tool: string; steps: number; resources: { hash: string | null }[] } | null;
      linkedVersionIds: string[];
    }[];
  };
};

describe('catalog: upload → ingest → publish → look up → download', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api.db.url);
    creator = await signUpUser(api.server);
    stranger = await signUpUser(api.server);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);

  async function draftVersion(owner = creator) {
    const model = await as<{ createStyleModel: { id: string } }>(owner, CREATE_MODEL, {
      input: {
        name: `Ink Wash ${randomBytes(3).toString('hex')}`,
        type: 'LORA',
        baseModelId: 'sdxl-1.0',
        maturity: 'SFW',
        tags: ['Ink', 'landscape'],
      },
    });
    const version = await as<{ createModelVersion: { id: string } }>(owner, CREATE_VERSION, {
      modelId: model.data!.createStyleModel.id,
      input: {
        name: 'v1',
        triggerWords: ['inkwash style'],
        recommendedSettings: [{ key: 'weight', value: '0.8' }],
      },
    });
    return { modelId: model.data!.createStyleModel.id, versionId: version.data!.createModelVersion.id };
  }

  async function startUpload(versionId: string, bytes: Buffer, extra: Record<string, unknown> = {}, owner = creator) {
    const created = await as<{
      createModelFileUpload: { file: { id: string }; upload: { id: string; partSize: number; partCount: number } };
    }>(owner, CREATE_UPLOAD, {
      versionId,
      input: { fileName: 'ink_wash_v1.safetensors', size: bytes.length, ...extra },
    });
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return created.data.createModelFileUpload;
  }

  async function putPart(uploadId: string, partNumber: number, body: Buffer) {
    const urls = await as<{ requestUploadPartUrls: { url: string }[] }>(creator, PART_URLS, {
      uploadId,
      parts: [partNumber],
    });
    const response = await fetch(urls.data!.requestUploadPartUrls[0]!.url, { method: 'PUT', body });
    expect(response.status).toBe(200);
  }

  async function settled(versionId: string, viewer = creator): Promise<VersionView['modelVersion']> {
    for (let i = 0; i < 100; i += 1) {
      const view = await as<VersionView>(viewer, VERSION, { id: versionId });
      const files = view.data!.modelVersion.files;
      if (files.every((f) => f.scanStatus === 'READY' || f.scanStatus === 'REJECTED')) return view.data!.modelVersion;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('ingest did not finish');
  }

  async function uploadWhole(versionId: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
    const { upload } = await startUpload(versionId, bytes, extra);
    const response = await request(api.server)
      .put(`/api/v1/uploads/${upload.id}/content`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .send(bytes);
    return response;
  }

  const lora = buildSafetensors(
    [
      { name: 'lora_unet_down.lora_down.weight', dtype: 'F16', shape: [2048, 1024] },
      { name: 'lora_unet_down.lora_up.weight', dtype: 'F16', shape: [2048, 1536] },
      { name: 'lora_unet_down.alpha', dtype: 'F16', shape: [] },
    ],
    {
      fill: 'random',
      metadata: {
        ss_network_module: 'networks.lora',
        ss_network_dim: '16',
        ss_network_alpha: '8',
        ss_tag_frequency: JSON.stringify({ '10_ink': { 'inkwash style': 40, mountain: 12 } }),
      },
    },
  );

  it('runs the creator journey end to end', async () => {
    const { modelId, versionId } = await draftVersion();
    expect(lora.length).toBeGreaterThan(8 * 1024 * 1024); // two parts
    const { file, upload } = await startUpload(versionId, lora, { sha256: sha256(lora).toUpperCase() });
    expect(upload.partCount).toBe(2);

    // Part 1 arrives, the client "crashes", asks what storage has, and is told part 2 is missing on completion.
    await putPart(upload.id, 1, lora.subarray(0, upload.partSize));
    const parts = await as<{ uploadedParts: { partNumber: number; size: number }[] }>(
      creator,
      `query($id: UUID!) { uploadedParts(uploadId: $id) { partNumber size } }`,
      { id: upload.id },
    );
    expect(parts.data!.uploadedParts).toEqual([{ partNumber: 1, size: upload.partSize }]);
    const early = await as(creator, COMPLETE, { uploadId: upload.id });
    expect(errorCode(early)).toBe('UPLOAD_INCOMPLETE');
    expect(early.errors![0]!.extensions!['missing']).toEqual(['part 2 missing']);
    expect(
      (
        await api.db.query<{ scan_status: string }>('SELECT scan_status FROM catalog.model_file WHERE id = $1', [
          file.id,
        ])
      )[0]!.scan_status,
    ).toBe('UPLOADING');

    await putPart(upload.id, 2, lora.subarray(upload.partSize));
    const completed = await as<{ completeModelFileUpload: { scanStatus: string } }>(creator, COMPLETE, {
      uploadId: upload.id,
    });
    expect(completed.data!.completeModelFileUpload.scanStatus).toBe('PENDING');

    const view = await settled(versionId);
    const ready = view.files[0]!;
    expect(ready).toMatchObject({
      scanStatus: 'READY',
      sha256: sha256(lora),
      autoV2: sha256(lora).slice(0, 10),
      sizeBytes: lora.length,
      tensorCount: 3,
      precision: 'FP16',
    });
    expect(ready.headerMetadata).toContainEqual({ key: 'ss_network_dim', value: '16' });
    expect(ready.trainingMetadata).toMatchObject({
      trainer: 'kohya-ss',
      networkDim: 16,
      topTags: [{ tag: 'inkwash style' }, { tag: 'mountain' }],
    });

    // Publishing needs a sample image.
    expect(
      errorCode(await as(creator, `mutation($id: UUID!) { publishModelVersion(id: $id) { id } }`, { id: versionId })),
    ).toBe('PUBLISH_NEEDS_SAMPLE_IMAGE');
    const png = await pngWithText(900, 600, {
      parameters: `inkwash mountains <lora:ink:0.8>\nNegative prompt: blurry\nSteps: 24, Sampler: Euler a, CFG scale: 6, Seed: 42, Size: 900x600, Lora hashes: "ink: ${sha256(lora).slice(0, 10)}"`,
    });
    const sample = await request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(png);
    expect(sample.status).toBe(201);
    expect(sample.body.generation).toMatchObject({ tool: 'a1111', steps: 24, cfgScale: 6, seed: '42' });

    // …and an explicit licence offer: there is no default licence.
    expect(
      errorCode(await as(creator, `mutation($id: UUID!) { publishModelVersion(id: $id) { id } }`, { id: versionId })),
    ).toBe('PUBLISH_NEEDS_LICENSE_OFFER');
    await setOffers(api.server, creator.accessToken, versionId, [OFFERS.personal, OFFERS.commercial]);
    const published = await as<{ publishModelVersion: { status: string } }>(
      creator,
      `mutation($id: UUID!) { publishModelVersion(id: $id) { status } }`,
      { id: versionId },
    );
    expect(published.data!.publishModelVersion.status).toBe('PUBLISHED');
    const model = await as<{ styleModel: { status: string; tags: string[]; owner: { handle: string } } }>(
      undefined,
      `query($id: UUID!) { styleModel(id: $id) { status tags owner { handle } } }`,
      { id: modelId },
    );
    expect(model.data!.styleModel).toEqual({
      status: 'PUBLISHED',
      tags: ['ink', 'landscape'],
      owner: { handle: creator.handle },
    });

    // The thumbnail is a real WebP without the original metadata.
    const publicView = await settled(versionId, stranger);
    const thumb = await mediaBytes(api, publicView.sampleImages[0]!.thumbnails[0]!.url);
    expect(thumb.toString('latin1', 8, 12)).toBe('WEBP');
    const original = await mediaBytes(api, publicView.sampleImages[0]!.url);
    expect(original.includes(Buffer.from('Lora hashes'))).toBe(false);

    // Anyone can look it up by hash, either kind, any case.
    for (const hash of [sha256(lora).toUpperCase(), sha256(lora).slice(0, 10)]) {
      const found = await request(api.server).get(`/api/v1/model-versions/by-hash/${hash}`);
      expect(found.status).toBe(200);
      expect(found.body.matches[0]).toMatchObject({
        modelId,
        versionId,
        access: 'LICENSED',
        triggerWords: ['inkwash style'],
      });
    }
    expect((await request(api.server).get(`/api/v1/model-versions/by-hash/${'0'.repeat(64)}`)).body).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String) },
    });
    expect((await request(api.server).get('/api/v1/model-versions/by-hash/not-a-hash')).status).toBe(400);

    // A licensed file: anonymous → 401, a stranger → 403 LICENSE_REQUIRED, the owner → 302 to the exact bytes.
    const path = `/api/v1/model-files/${ready.id}/download`;
    expect((await request(api.server).get(path)).body.error.code).toBe('UNAUTHENTICATED');
    const refused = await request(api.server).get(path).set('authorization', `Bearer ${stranger.accessToken}`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'LICENSE_REQUIRED']);
    const redirect = await request(api.server).get(path).set('authorization', `Bearer ${creator.accessToken}`);
    expect(redirect.status).toBe(302);
    expect(new URL(redirect.headers['location'] as string).searchParams.get('X-Amz-Expires')).toBe('300');
    const bytes = Buffer.from(await (await fetch(redirect.headers['location'] as string)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(lora));
    const resumed = await fetch(redirect.headers['location'] as string, {
      headers: { range: `bytes=${lora.length - 100}-` },
    });
    expect(resumed.status).toBe(206);
    expect(Buffer.from(await resumed.arrayBuffer()).equals(lora.subarray(lora.length - 100))).toBe(true);
    expect((await settled(versionId)).downloadCount).toBe(1);
  });

  it('lets anyone download a FREE published version, and links sample images to resources by hash', async () => {
    const { versionId } = await draftVersion(creator);
    const free = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [64] }], { fill: 'random' });
    expect((await uploadWhole(versionId, free)).status).toBe(200);
    const [file] = (await settled(versionId)).files;
    // A second model credits this one through a hash in its sample image.
    const other = await draftVersion();
    const linkedPng = await pngWithText(400, 400, { parameters: `a\nSteps: 5, Lora hashes: "free: ${file!.autoV2}"` });
    await request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(await pngWithText(300, 300));
    await setOffers(api.server, creator.accessToken, versionId, [OFFERS.free]);
    await as(creator, `mutation($id: UUID!) { publishModelVersion(id: $id) { id } }`, { id: versionId });
    await request(api.server)
      .post(`/api/v1/model-versions/${other.versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(linkedPng);
    const otherView = await as<VersionView>(creator, VERSION, { id: other.versionId });
    expect(otherView.data!.modelVersion.sampleImages[0]!.linkedVersionIds).toEqual([versionId]);

    const link = await as<{ requestModelFileDownload: { url: string; sha256: string } }>(
      undefined,
      `mutation($id: UUID!) { requestModelFileDownload(fileId: $id) { url sha256 } }`,
      { id: file!.id },
    );
    expect(link.data!.requestModelFileDownload.sha256).toBe(sha256(free));
    expect(sha256(Buffer.from(await (await fetch(link.data!.requestModelFileDownload.url)).arrayBuffer()))).toBe(
      sha256(free),
    );
  });

  it('rejects pickles and malformed files by content, stores identical bytes once, and refuses blocked hashes', async () => {
    const { versionId } = await draftVersion();
    const pickle = Buffer.concat([Buffer.from([0x80, 0x02, 0x7d, 0x71, 0x00]), randomBytes(2000)]);
    await uploadWhole(versionId, pickle);
    const malformed = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4] }]);
    malformed.writeBigUInt64LE(5000n); // header length beyond the end of the file
    await uploadWhole(versionId, malformed);
    const view = await settled(versionId);
    expect(view.files.map((f) => f.rejectionReason).sort()).toEqual(['HEADER_BEYOND_EOF', 'PICKLE_FORMAT']);
    expect(
      errorCode(await as(creator, `mutation($id: UUID!) { publishModelVersion(id: $id) { id } }`, { id: versionId })),
    ).toBe('PUBLISH_NEEDS_READY_FILES');

    const same = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [32] }], { fill: 'random' });
    const a = await draftVersion();
    const b = await draftVersion();
    await uploadWhole(a.versionId, same);
    await uploadWhole(b.versionId, same);
    await settled(a.versionId);
    await settled(b.versionId);
    const keys = await api.db.query<{ storage_key: string }>(
      `SELECT DISTINCT storage_key FROM catalog.model_file WHERE sha256 = $1`,
      [sha256(same)],
    );
    expect(keys).toEqual([
      {
        storage_key: `models/sha256/${sha256(same).slice(0, 2)}/${sha256(same).slice(2, 4)}/${sha256(same)}.safetensors`,
      },
    ]);

    const admin = await world(api).staff('moderator');
    const banned = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [16] }], { fill: 'random' });
    expect(
      (
        await as(admin, `mutation($h: String!) { blockFileHash(sha256: $h, reason: "DMCA takedown 2026-114") }`, {
          h: sha256(banned),
        })
      ).errors,
    ).toBeUndefined();
    expect(
      errorCode(
        await as(creator, `mutation($h: String!) { blockFileHash(sha256: $h, reason: "x") }`, { h: sha256(banned) }),
      ),
    ).toBe('FORBIDDEN');
    const c = await draftVersion();
    await uploadWhole(c.versionId, banned);
    expect((await settled(c.versionId)).files[0]!.rejectionReason).toBe('BLOCKED_HASH');
  });

  it('rejects a declared size or hash that the bytes do not match', async () => {
    const { versionId } = await draftVersion();
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [8] }], { fill: 'random' });
    await uploadWhole(versionId, file, { sha256: sha256(Buffer.from('something else')) });
    expect((await settled(versionId)).files[0]!.rejectionReason).toBe('DECLARED_SHA256_MISMATCH');
    const { upload } = await startUpload(versionId, file, { size: file.length + 10 });
    const response = await request(api.server)
      .put(`/api/v1/uploads/${upload.id}/content`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .send(file);
    expect(response.body.error.code).toBe('UPLOAD_INCOMPLETE');
  });

  it.each([
    ['../../etc/passwd.safetensors', 'INVALID_FILE_NAME'],
    ['model\u0000.safetensors', 'INVALID_TEXT'], // refused at the edge by the text rules
    ['evil\u202Esrotnesefas.exe', 'INVALID_TEXT'],
    ['model\u200E.safetensors', 'INVALID_FILE_NAME'], // a bidi mark: fine in text, never in a file name
    [`${'a'.repeat(250)}.safetensors`, 'INVALID_FILE_NAME'],
    ['model.ckpt', 'INVALID_FILE_NAME'],
    ['C:\\models\\x.safetensors', 'INVALID_FILE_NAME'],
  ])('refuses the file name %j and creates nothing', async (fileName, code) => {
    const { versionId } = await draftVersion();
    const before = (await api.db.query('SELECT id FROM catalog.model_file')).length;
    const response = await as(creator, CREATE_UPLOAD, { versionId, input: { fileName, size: 100 } });
    expect(errorCode(response)).toBe(code);
    expect((await api.db.query('SELECT id FROM catalog.model_file')).length).toBe(before);
  });

  it('refuses hostile and mislabelled images', async () => {
    const { versionId } = await draftVersion();
    const post = (body: Buffer, type: string) =>
      request(api.server)
        .post(`/api/v1/model-versions/${versionId}/sample-images`)
        .set('authorization', `Bearer ${creator.accessToken}`)
        .set('content-type', type)
        .send(body);
    expect((await post(await pixelBombPng(), 'image/png')).body.error.code).toBe('IMAGE_TOO_LARGE');
    expect((await post(await pngWithText(10, 10), 'image/jpeg')).body.error.code).toBe('IMAGE_TYPE_MISMATCH');
    expect((await post(Buffer.from('<svg onload=alert(1)>'), 'image/png')).body.error.code).toBe(
      'IMAGE_TYPE_UNSUPPORTED',
    );
    expect(
      (
        await post(
          Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]),
          'image/png',
        )
      ).body.error.code,
    ).toBe('IMAGE_UNREADABLE');
    expect((await api.db.query('SELECT id FROM catalog.sample_image WHERE version_id = $1', [versionId])).length).toBe(
      0,
    );
  });

  it('strips location EXIF from JPEGs but keeps their generation info as fields', async () => {
    const { versionId } = await draftVersion();
    const jpeg = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'TestCam' },
        IFD2: { UserComment: 'portrait of a fox\nSteps: 30, Sampler: Euler, CFG scale: 5, Seed: 9, Size: 96x64' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
      })
      .toBuffer();
    expect((await exifr.gps(jpeg))?.latitude).toBeCloseTo(51.5); // the upload really carries a location
    const response = await request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/jpeg')
      .send(jpeg);
    expect(response.status).toBe(201);
    expect(response.body.generation).toMatchObject({
      tool: 'a1111',
      prompt: 'portrait of a fox',
      steps: 30,
      seed: '9',
    });
    const stored = await mediaBytes(api, response.body.url as string);
    expect(sniffJpeg(stored)).toBe(true);
    expect(await exifr.gps(stored)).toBeUndefined();
    expect(stored.includes(Buffer.from('TestCam'))).toBe(false);
  });

  it('lets only admins edit base models', async () => {
    const UPSERT = `mutation { upsertBaseModel(input: { id: "hidream-i1", name: "HiDream I1", ecosystem: "HiDream", licenseName: "MIT", nonCommercial: false }) { id } }`;
    expect(errorCode(await as(creator, UPSERT))).toBe('FORBIDDEN');
    const admin = await world(api).staff('admin');
    expect((await as(admin, UPSERT)).errors).toBeUndefined();
    const list = await as<{ baseModels: { id: string; nonCommercial: boolean }[] }>(
      undefined,
      `{ baseModels { id nonCommercial } }`,
    );
    expect(list.data!.baseModels.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'sd-1.5',
        'sdxl-1.0',
        'pony',
        'illustrious',
        'flux.1-d',
        'flux.1-s',
        'sd-3.5',
        'other',
        'hidream-i1',
      ]),
    );
    expect(list.data!.baseModels.find((b) => b.id === 'flux.1-d')!.nonCommercial).toBe(true);
  });

  it("hides other users' drafts and files, and refuses their writes", async () => {
    const { modelId, versionId } = await draftVersion();
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [8] }], { fill: 'random' });
    await uploadWhole(versionId, file);
    const [ready] = (await settled(versionId)).files;
    const missing = '01900000-0000-7000-8000-000000000000';
    expect(errorCode(await as(stranger, `query($id: UUID!) { styleModel(id: $id) { id } }`, { id: modelId }))).toBe(
      'MODEL_NOT_FOUND',
    );
    expect(errorCode(await as(stranger, `query($id: UUID!) { styleModel(id: $id) { id } }`, { id: missing }))).toBe(
      'MODEL_NOT_FOUND',
    );
    expect(errorCode(await as(stranger, `query($id: UUID!) { modelVersion(id: $id) { id } }`, { id: versionId }))).toBe(
      'VERSION_NOT_FOUND',
    );
    expect(
      errorCode(
        await as(stranger, `mutation($id: UUID!) { requestModelFileDownload(fileId: $id) { url } }`, { id: ready!.id }),
      ),
    ).toBe('FILE_NOT_FOUND');
    expect(
      (
        await request(api.server)
          .get(`/api/v1/model-files/${ready!.id}/download`)
          .set('authorization', `Bearer ${stranger.accessToken}`)
      ).status,
    ).toBe(404);
    expect(
      errorCode(await as(stranger, CREATE_UPLOAD, { versionId, input: { fileName: 'x.safetensors', size: 10 } })),
    ).toBe('VERSION_NOT_FOUND');
    expect(
      errorCode(
        await as(stranger, `mutation($id: UUID!) { updateStyleModel(id: $id, input: { name: "mine now" }) { id } }`, {
          id: modelId,
        }),
      ),
    ).toBe('MODEL_NOT_FOUND');
    const list = await as<{ styleModels: { nodes: { id: string }[] } }>(
      stranger,
      `{ styleModels(first: 100) { nodes { id } } }`,
    );
    expect(list.data!.styleModels.nodes.map((n) => n.id)).not.toContain(modelId);
  });

  it('completes once when the client double-clicks', async () => {
    const { versionId } = await draftVersion();
    const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [128] }], { fill: 'random' });
    const { upload, file } = await startUpload(versionId, bytes);
    await putPart(upload.id, 1, bytes);
    const results = await Promise.all([
      as(creator, COMPLETE, { uploadId: upload.id }),
      as(creator, COMPLETE, { uploadId: upload.id }),
    ]);
    expect(results.map((r) => errorCode(r) ?? 'OK').sort()).toEqual(['OK', 'UPLOAD_NOT_OPEN']);
    const jobs = await api.db.query(`SELECT id FROM graphile_worker._private_jobs WHERE key = $1`, [
      `ingest:${file.id}`,
    ]);
    expect(jobs.length).toBeLessThanOrEqual(1);
    expect((await settled(versionId)).files[0]!.scanStatus).toBe('READY');
  });

  it('aborts an upload: storage parts are dropped and the file is rejected', async () => {
    const { versionId } = await draftVersion();
    const { upload, file } = await startUpload(versionId, lora);
    await putPart(upload.id, 1, lora.subarray(0, upload.partSize));
    expect(
      (
        await as<{ abortModelFileUpload: boolean }>(
          creator,
          `mutation($id: UUID!) { abortModelFileUpload(uploadId: $id) }`,
          { id: upload.id },
        )
      ).data!.abortModelFileUpload,
    ).toBe(true);
    expect(
      errorCode(
        await as(creator, `query($id: UUID!) { uploadedParts(uploadId: $id) { partNumber } }`, { id: upload.id }),
      ),
    ).toBe('UPLOAD_NOT_OPEN');
    const [row] = await api.db.query<{ scan_status: string; rejection_reason: string }>(
      'SELECT scan_status, rejection_reason FROM catalog.model_file WHERE id = $1',
      [file.id],
    );
    expect(row).toEqual({ scan_status: 'REJECTED', rejection_reason: 'UPLOAD_ABORTED' });
  });
});
