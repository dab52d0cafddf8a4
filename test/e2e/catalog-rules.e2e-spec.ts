import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { buildSafetensors, errorCode, gql, OFFERS, pngWithText, setOffers, signUpUser } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { world } from './support/world';

/** Catalog rules enforced through the API: every bad input gets a typed error and changes nothing. */
describe('catalog rules', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let moderator: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api.db.url);
    creator = await signUpUser(api.server);
    moderator = await world(api).staff('moderator');
    stranger = await signUpUser(api.server);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);

  async function draft(input: Record<string, unknown> = {}) {
    const model = await as<{ createStyleModel: { id: string } }>(
      creator,
      `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`,
      {
        i: { name: `Rules ${Math.random()}`, type: 'LORA', baseModelId: 'sd-1.5', maturity: 'SFW', ...input },
      },
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      creator,
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      {
        m: model.data!.createStyleModel.id,
      },
    );
    return { modelId: model.data!.createStyleModel.id, versionId: version.data!.createModelVersion.id };
  }

  async function published() {
    const ids = await draft();
    const file = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [16] }], { fill: 'random' });
    const created = await as<{ createModelFileUpload: { upload: { id: string } } }>(
      creator,
      `mutation($v: UUID!, $s: SafeInt!) { createModelFileUpload(versionId: $v, input: { fileName: "w.safetensors", size: $s }) { upload { id } } }`,
      { v: ids.versionId, s: file.length },
    );
    await request(api.server)
      .put(`/api/v1/uploads/${created.data!.createModelFileUpload.upload.id}/content`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .send(file);
    await request(api.server)
      .post(`/api/v1/model-versions/${ids.versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(await pngWithText(64, 64));
    for (let i = 0; i < 100; i += 1) {
      const rows = await api.db.query<{ scan_status: string }>(
        'SELECT scan_status FROM catalog.model_file WHERE version_id = $1',
        [ids.versionId],
      );
      if (rows[0]?.scan_status === 'READY') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await setOffers(api.server, creator.accessToken, ids.versionId, [OFFERS.personal]);
    const result = await as(creator, `mutation($v: UUID!) { publishModelVersion(id: $v) { id } }`, {
      v: ids.versionId,
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return ids;
  }

  const CREATE_UPLOAD = `mutation($v: UUID!, $i: CreateUploadInput!) { createModelFileUpload(versionId: $v, input: $i) { upload { id partCount } } }`;

  it.each([
    [{ fileName: 'a.safetensors', size: 0 }, 'INVALID_FILE_SIZE'],
    [{ fileName: 'a.safetensors', size: 21 * 1024 ** 3 }, 'INVALID_FILE_SIZE'],
    [{ fileName: 'a.safetensors', size: 10.5 }, 'BAD_USER_INPUT'], // SafeInt: a fraction never reaches the service
    [{ fileName: 'a.safetensors', size: 10, sha256: 'abc' }, 'INVALID_SHA256'],
  ])('refuses the upload %j and creates nothing', async (input, code) => {
    const { versionId } = await draft();
    expect(errorCode(await as(creator, CREATE_UPLOAD, { v: versionId, i: input }))).toBe(code);
    expect(await api.db.query('SELECT id FROM catalog.model_file WHERE version_id = $1', [versionId])).toEqual([]);
  });

  it('hands out part URLs only for parts of the upload, at most 100 at a time', async () => {
    const { versionId } = await draft();
    const created = await as<{ createModelFileUpload: { upload: { id: string; partCount: number } } }>(
      creator,
      CREATE_UPLOAD,
      {
        v: versionId,
        i: { fileName: 'a.safetensors', size: 20 * 1024 * 1024 },
      },
    );
    const { id, partCount } = created.data!.createModelFileUpload.upload;
    expect(partCount).toBe(3);
    const URLS = `mutation($u: UUID!, $p: [Int!]!) { requestUploadPartUrls(uploadId: $u, partNumbers: $p) { partNumber } }`;
    for (const parts of [[0], [4], [-1], [], Array.from({ length: 101 }, (_, n) => n + 1)]) {
      expect(errorCode(await as(creator, URLS, { u: id, p: parts }))).toBe('INVALID_PART_NUMBERS');
    }
    const ok = await as<{ requestUploadPartUrls: { partNumber: number }[] }>(creator, URLS, { u: id, p: [3, 1, 1] });
    expect(ok.data!.requestUploadPartUrls.map((p) => p.partNumber)).toEqual([3, 1]);
    expect(errorCode(await as(stranger, URLS, { u: id, p: [1] }))).toBe('UPLOAD_NOT_FOUND');
  });

  it.each([
    [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'INVALID_TAGS'],
    [{ tags: ['x'.repeat(41)] }, 'INVALID_TAGS'],
    [{ slug: 'Not A Slug' }, 'INVALID_SLUG'],
    [{ name: '   ' }, 'INVALID_NAME'],
    [{ baseModelId: 'sd-9000' }, 'UNKNOWN_BASE_MODEL'],
    [{ description: 'x'.repeat(50_001) }, 'INVALID_DESCRIPTION'],
  ])('refuses the model %#', async (override, code) => {
    const before = (await api.db.query('SELECT id FROM catalog.style_model')).length;
    const response = await as(creator, `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`, {
      i: { name: 'Valid name', type: 'LORA', baseModelId: 'sd-1.5', maturity: 'SFW', ...override },
    });
    expect(errorCode(response)).toBe(code);
    expect((await api.db.query('SELECT id FROM catalog.style_model')).length).toBe(before);
  });

  it('refuses a second model with the same slug for one creator', async () => {
    const input = {
      name: 'Same slug',
      type: 'LORA',
      baseModelId: 'sd-1.5',
      maturity: 'SFW',
      slug: `same-${Date.now()}`,
    };
    const create = `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`;
    expect((await as(creator, create, { i: input })).errors).toBeUndefined();
    expect(errorCode(await as(creator, create, { i: input }))).toBe('SLUG_TAKEN');
    expect((await as(stranger, create, { i: input })).errors).toBeUndefined(); // slugs are per creator
  });

  it.each([
    [[{ key: 'nested', value: 'x'.repeat(201) }], 'INVALID_SETTINGS'],
    [[{ key: '1bad', value: 'x' }], 'INVALID_SETTINGS'],
  ])('refuses recommended settings %#', async (settings, code) => {
    const { modelId } = await draft();
    const response = await as(
      creator,
      `mutation($m: UUID!, $s: [KeyValueInput!]) { createModelVersion(modelId: $m, input: { name: "v2", recommendedSettings: $s }) { id } }`,
      {
        m: modelId,
        s: settings,
      },
    );
    expect(errorCode(response)).toBe(code);
  });

  it('accepts a published version of another model as a parent, and nothing else', async () => {
    const parent = await published();
    const { modelId, versionId: draftVersionId } = await draft();
    const CREATE = `mutation($m: UUID!, $n: String!, $p: [VersionParentInput!]) {
      createModelVersion(modelId: $m, input: { name: $n, parents: $p }) { id parents { versionId relation } } }`;
    for (const parents of [
      [{ versionId: draftVersionId, relation: 'MERGE' }], // same model (and a draft)
      [{ versionId: (await draft()).versionId, relation: 'MERGE' }], // a draft of another model
      [
        { versionId: parent.versionId, relation: 'MERGE' },
        { versionId: parent.versionId, relation: 'FINETUNE' },
      ], // twice
    ]) {
      expect(errorCode(await as(creator, CREATE, { m: modelId, p: parents, n: `v-${Math.random()}` }))).toBe(
        'INVALID_PARENT',
      );
    }
    const ok = await as<{ createModelVersion: { parents: unknown[] } }>(creator, CREATE, {
      m: modelId,
      p: [{ versionId: parent.versionId, relation: 'FINETUNE' }],
      n: 'child',
    });
    expect(ok.data!.createModelVersion.parents).toEqual([{ versionId: parent.versionId, relation: 'FINETUNE' }]);
  });

  it('freezes a published version: no edits, files or images', async () => {
    const { versionId } = await published();
    expect(
      errorCode(
        await as(creator, `mutation($v: UUID!) { updateModelVersion(id: $v, input: { changelog: "x" }) { id } }`, {
          v: versionId,
        }),
      ),
    ).toBe('VERSION_PUBLISHED');
    expect(
      errorCode(await as(creator, CREATE_UPLOAD, { v: versionId, i: { fileName: 'late.safetensors', size: 10 } })),
    ).toBe('VERSION_PUBLISHED');
    const image = await request(api.server)
      .post(`/api/v1/model-versions/${versionId}/sample-images`)
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(await pngWithText(32, 32));
    expect(image.body.error.code).toBe('VERSION_PUBLISHED');
  });

  it('lets nothing land on a version that is being published (the version row lock)', async () => {
    const { versionId } = await draft();
    // Stand in for publishModelVersion mid-transaction: hold the version row lock, then publish and commit.
    await api.db.query('BEGIN');
    await api.db.query('SELECT id FROM catalog.model_version WHERE id = $1 FOR UPDATE', [versionId]);
    const upload = as(creator, CREATE_UPLOAD, { v: versionId, i: { fileName: 'racing.safetensors', size: 10 } });
    const image = pngWithText(32, 32).then((png) =>
      request(api.server)
        .post(`/api/v1/model-versions/${versionId}/sample-images`)
        .set('authorization', `Bearer ${creator.accessToken}`)
        .set('content-type', 'image/png')
        .send(png),
    );
    await new Promise((r) => setTimeout(r, 500)); // both requests pass their early check and wait on the lock
    await api.db.query(`UPDATE catalog.model_version SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
      versionId,
    ]);
    await api.db.query('COMMIT');
    expect(errorCode(await upload)).toBe('VERSION_PUBLISHED');
    expect((await image).body.error.code).toBe('VERSION_PUBLISHED');
    expect(await api.db.query('SELECT id FROM catalog.model_file WHERE version_id = $1', [versionId])).toEqual([]);
    expect(await api.db.query('SELECT id FROM catalog.sample_image WHERE version_id = $1', [versionId])).toEqual([]);
  });

  it('moves models through the status machine by the API, with moderators in charge of takedowns', async () => {
    const STATUS = `mutation($m: UUID!, $s: ModelStatus!) { changeStyleModelStatus(id: $m, status: $s) { status } }`;
    const empty = await draft();
    expect(errorCode(await as(creator, STATUS, { m: empty.modelId, s: 'PUBLISHED' }))).toBe(
      'MODEL_NEEDS_PUBLISHED_VERSION',
    );
    const { modelId } = await published();
    expect(errorCode(await as(creator, STATUS, { m: modelId, s: 'TAKEN_DOWN' }))).toBe('INVALID_STATUS_TRANSITION');
    expect(errorCode(await as(stranger, STATUS, { m: modelId, s: 'UNPUBLISHED' }))).toBe('MODEL_NOT_FOUND');

    expect(
      (await as<{ changeStyleModelStatus: { status: string } }>(moderator, STATUS, { m: modelId, s: 'TAKEN_DOWN' }))
        .data!.changeStyleModelStatus.status,
    ).toBe('TAKEN_DOWN');
    expect(errorCode(await as(undefined, `query($m: UUID!) { styleModel(id: $m) { id } }`, { m: modelId }))).toBe(
      'MODEL_NOT_FOUND',
    );
    expect(errorCode(await as(creator, STATUS, { m: modelId, s: 'UNPUBLISHED' }))).toBe('INVALID_STATUS_TRANSITION');
    expect(
      errorCode(
        await as(creator, `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "sneaky" }) { id } }`, {
          m: modelId,
        }),
      ),
    ).toBe('INVALID_STATUS_TRANSITION');
    expect(
      (await as<{ changeStyleModelStatus: { status: string } }>(moderator, STATUS, { m: modelId, s: 'UNPUBLISHED' }))
        .data!.changeStyleModelStatus.status,
    ).toBe('UNPUBLISHED');
    expect(
      (await as<{ changeStyleModelStatus: { status: string } }>(creator, STATUS, { m: modelId, s: 'PUBLISHED' })).data!
        .changeStyleModelStatus.status,
    ).toBe('PUBLISHED');
  });
});
