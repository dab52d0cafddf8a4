import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import type { OfferInput, TestUser } from '@lookbook/testing';
import { buildSafetensors, gql, OFFERS, pngWithText, setOffers } from '@lookbook/testing';
import type { TestApi } from './test-api';

export interface VersionOptions {
  baseModelId?: string;
  parents?: { versionId: string; relation: string }[];
  /** Offers set before publishing (none: publish without any, which must fail). */
  offers?: OfferInput[];
  /** Add the version to this model of the creator's (default: a new model). */
  modelId?: string;
  /** The version's name (default `v1`). */
  versionName?: string;
  /** A new model's name and tags (default: a random name, no tags). */
  name?: string;
  tags?: string[];
}

export interface ReadyVersion {
  modelId: string;
  versionId: string;
  fileId: string;
  sha256: string;
  /** Live offer ids by tier. */
  offers: Record<string, { id: string; termsSha256: string }>;
}

const gqlOrThrow = async <T>(api: TestApi, user: TestUser, query: string, variables: Record<string, unknown>) => {
  const result = await gql<T>(api.server, query, variables, user.accessToken);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
};

/**
 * A draft version with one READY model file and a sample image — everything publishing needs except what the test
 * is about (offers). Needs a worker running against the API's database for the ingest.
 */
export async function readyDraft(api: TestApi, creator: TestUser, options: VersionOptions = {}): Promise<ReadyVersion> {
  const model = options.modelId ? { id: options.modelId } : await newModel(api, creator, options);
  const { createModelVersion: version } = await gqlOrThrow<{ createModelVersion: { id: string } }>(
    api,
    creator,
    `mutation($m: UUID!, $i: CreateModelVersionInput!) { createModelVersion(modelId: $m, input: $i) { id } }`,
    { m: model.id, i: { name: options.versionName ?? 'v1', parents: options.parents ?? [] } },
  );
  return uploadAndOffer(api, creator, model.id, version.id, options);
}

async function newModel(api: TestApi, creator: TestUser, options: VersionOptions): Promise<{ id: string }> {
  const { createStyleModel: model } = await gqlOrThrow<{ createStyleModel: { id: string } }>(
    api,
    creator,
    `mutation($i: CreateStyleModelInput!) { createStyleModel(input: $i) { id } }`,
    {
      i: {
        name: options.name ?? `Look ${randomBytes(4).toString('hex')}`,
        ...(options.tags ? { tags: options.tags } : {}),
        type: 'LORA',
        baseModelId: options.baseModelId ?? 'sdxl-1.0',
        maturity: 'SFW',
      },
    },
  );
  return model;
}

async function uploadAndOffer(
  api: TestApi,
  creator: TestUser,
  modelId: string,
  versionId: string,
  options: VersionOptions,
): Promise<ReadyVersion> {
  const version = { id: versionId };
  const model = { id: modelId };
  const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [32] }], { fill: 'random' });
  const { createModelFileUpload: created } = await gqlOrThrow<{
    createModelFileUpload: { file: { id: string }; upload: { id: string } };
  }>(
    api,
    creator,
    `mutation($v: UUID!, $s: SafeInt!) { createModelFileUpload(versionId: $v, input: { fileName: "look.safetensors", size: $s }) { file { id } upload { id } } }`,
    { v: version.id, s: bytes.length },
  );
  await request(api.server)
    .put(`/api/v1/uploads/${created.upload.id}/content`)
    .set('authorization', `Bearer ${creator.accessToken}`)
    .set('content-type', 'application/octet-stream')
    .send(bytes)
    .expect(200);
  await request(api.server)
    .post(`/api/v1/model-versions/${version.id}/sample-images`)
    .set('authorization', `Bearer ${creator.accessToken}`)
    .set('content-type', 'image/png')
    .send(await pngWithText(64, 64))
    .expect(201);
  for (let i = 0; ; i += 1) {
    const [row] = await api.db.query<{ scan_status: string }>(
      `SELECT scan_status FROM catalog.model_file WHERE id = $1`,
      [created.file.id],
    );
    if (row?.scan_status === 'READY') break;
    if (i > 150) throw new Error(`ingest did not finish: ${row?.scan_status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const offers = options.offers?.length
    ? await setOffers(api.server, creator.accessToken, version.id, options.offers)
    : {};
  return {
    modelId: model.id,
    versionId: version.id,
    fileId: created.file.id,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    offers,
  };
}

export const PUBLISH = `mutation($v: UUID!) { publishModelVersion(id: $v) { id status } }`;

/** A published version with the given offers (default: personal and commercial). */
export async function publishedVersion(
  api: TestApi,
  creator: TestUser,
  options: VersionOptions = {},
): Promise<ReadyVersion> {
  const ready = await readyDraft(api, creator, { offers: [OFFERS.personal, OFFERS.commercial], ...options });
  await gqlOrThrow(api, creator, PUBLISH, { v: ready.versionId });
  return ready;
}
