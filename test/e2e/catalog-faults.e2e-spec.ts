import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { TestUser } from '@lookbook/testing';
import {
  buildSafetensors,
  errorCode,
  FakeClock,
  gql,
  signUpUser,
  TcpProxy,
  testStorageSettings,
} from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { SweepUploadsJob } from '@lookbook/catalog/testing';
import { S3ObjectStorage } from '@lookbook/storage';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('catalog under storage faults', () => {
  const clock = new FakeClock(new Date());
  let proxy: TcpProxy;
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;

  beforeAll(async () => {
    const endpoint = testStorageSettings().endpoint;
    proxy = new TcpProxy('127.0.0.1', Number(new URL(endpoint).port));
    await proxy.start();
    const viaProxy = () => `http://127.0.0.1:${proxy.port}`;
    api = await startTestApi({ clock, storageVia: viaProxy });
    worker = await startTestWorker(api.db.url, { clock, storageEndpoint: viaProxy() });
    creator = await signUpUser(api.server);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await proxy.stop();
  });

  const as = <T>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, creator.accessToken);

  async function draftUpload(bytes: Buffer) {
    const model = await as<{ createStyleModel: { id: string } }>(
      `mutation { createStyleModel(input: { name: "Fault ${Math.random()}", type: LORA, baseModelId: "sd-1.5", maturity: SFW }) { id } }`,
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: model.data!.createStyleModel.id },
    );
    const created = await as<{ createModelFileUpload: { file: { id: string }; upload: { id: string } } }>(
      `mutation($v: UUID!, $size: SafeInt!) { createModelFileUpload(versionId: $v, input: { fileName: "f.safetensors", size: $size }) { file { id } upload { id } } }`,
      { v: version.data!.createModelVersion.id, size: bytes.length },
    );
    const parts = await as<{ requestUploadPartUrls: { url: string }[] }>(
      `mutation($u: UUID!) { requestUploadPartUrls(uploadId: $u, partNumbers: [1]) { url } }`,
      { u: created.data!.createModelFileUpload.upload.id },
    );
    return { ...created.data!.createModelFileUpload, partUrl: parts.data!.requestUploadPartUrls[0]!.url };
  }

  const fileRow = async (id: string) =>
    (
      await api.db.query<{ scan_status: string; storage_key: string | null; sha256: string | null }>(
        'SELECT scan_status, storage_key, sha256 FROM catalog.model_file WHERE id = $1',
        [id],
      )
    )[0]!;

  it('a storage outage while starting an upload leaves no rows behind', async () => {
    const model = await as<{ createStyleModel: { id: string } }>(
      `mutation { createStyleModel(input: { name: "Outage", type: LORA, baseModelId: "sd-1.5", maturity: SFW }) { id } }`,
    );
    const version = await as<{ createModelVersion: { id: string } }>(
      `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1" }) { id } }`,
      { m: model.data!.createStyleModel.id },
    );
    const before = (await api.db.query('SELECT id FROM catalog.model_file')).length;
    await proxy.cut();
    const response = await as(
      `mutation($v: UUID!) { createModelFileUpload(versionId: $v, input: { fileName: "f.safetensors", size: 10 }) { file { id } } }`,
      { v: version.data!.createModelVersion.id },
    );
    await proxy.restore();
    expect(errorCode(response)).toBe('SERVICE_UNAVAILABLE');
    expect((await api.db.query('SELECT id FROM catalog.model_file')).length).toBe(before);
  });

  it('completing during an outage fails cleanly and succeeds when storage is back', async () => {
    const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [256] }], { fill: 'random' });
    const { upload, file, partUrl } = await draftUpload(bytes);
    expect((await fetch(partUrl, { method: 'PUT', body: bytes })).status).toBe(200);
    await proxy.cut();
    const failed = await as(`mutation($u: UUID!) { completeModelFileUpload(uploadId: $u) { id } }`, { u: upload.id });
    expect(errorCode(failed)).toBe('SERVICE_UNAVAILABLE');
    expect(await fileRow(file.id)).toMatchObject({ scan_status: 'UPLOADING', storage_key: null });
    await proxy.restore();
    const done = await as<{ completeModelFileUpload: { scanStatus: string } }>(
      `mutation($u: UUID!) { completeModelFileUpload(uploadId: $u) { scanStatus } }`,
      { u: upload.id },
    );
    expect(done.data!.completeModelFileUpload.scanStatus).toBe('PENDING');
    for (let i = 0; i < 100 && (await fileRow(file.id)).scan_status === 'PENDING'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await fileRow(file.id)).toMatchObject({ scan_status: 'READY', sha256: sha256(bytes) });
  });

  it('an outage during ingest is retried; the row never points at a missing object', async () => {
    const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [512] }], { fill: 'random' });
    const { upload, file, partUrl } = await draftUpload(bytes);
    await fetch(partUrl, { method: 'PUT', body: bytes });
    await proxy.cut();
    // Completing needs storage too, so complete first through a brief window, then cut before the worker reads.
    await proxy.restore();
    await as(`mutation($u: UUID!) { completeModelFileUpload(uploadId: $u) { id } }`, { u: upload.id });
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 1500)); // the worker picks the job up and fails against the dead storage
    const during = await fileRow(file.id);
    expect(during.storage_key).toBeNull();
    const [job] = await api.db.query<{ attempts: number; last_error: string | null }>(
      `SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE key = $1`,
      [`ingest:${file.id}`],
    );
    expect(job!.attempts).toBeGreaterThanOrEqual(1);
    await proxy.restore();
    // Let the retry run now instead of waiting out the backoff.
    await api.db.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [`ingest:${file.id}`]);
    for (let i = 0; i < 100 && (await fileRow(file.id)).scan_status === 'PENDING'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await fileRow(file.id)).toMatchObject({ scan_status: 'READY', sha256: sha256(bytes) });
  });

  it('recovers when storage completed an upload but the database commit was lost', async () => {
    const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [96] }], { fill: 'random' });
    const { upload, file, partUrl } = await draftUpload(bytes);
    await fetch(partUrl, { method: 'PUT', body: bytes });
    // Storage finishes the multipart upload, then the process dies before committing: simulate by completing directly.
    const [row] = await api.db.query<{ bucket: string; staging_key: string; storage_upload_id: string }>(
      'SELECT bucket, staging_key, storage_upload_id FROM catalog.upload WHERE id = $1',
      [upload.id],
    );
    const storage = new S3ObjectStorage({ ...testStorageSettings() });
    await storage.completeMultipartUpload(
      row!.bucket,
      row!.staging_key,
      row!.storage_upload_id,
      (await storage.listParts(row!.bucket, row!.staging_key, row!.storage_upload_id))!,
    );
    storage.destroy();
    const retried = await as<{ completeModelFileUpload: { scanStatus: string } }>(
      `mutation($u: UUID!) { completeModelFileUpload(uploadId: $u) { scanStatus } }`,
      { u: upload.id },
    );
    expect(retried.data!.completeModelFileUpload.scanStatus).toBe('PENDING');
    for (let i = 0; i < 100 && (await fileRow(file.id)).scan_status === 'PENDING'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await fileRow(file.id)).toMatchObject({ scan_status: 'READY', sha256: sha256(bytes) });
  });

  it('sweeps uploads abandoned for a day: parts dropped, file rejected', async () => {
    const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [64] }], { fill: 'random' });
    const { upload, file, partUrl } = await draftUpload(bytes);
    await fetch(partUrl, { method: 'PUT', body: bytes });
    clock.advance(25 * 3600 * 1000);
    await worker.get(SweepUploadsJob).handle();
    expect(await fileRow(file.id)).toMatchObject({ scan_status: 'REJECTED' });
    const [row] = await api.db.query<{ status: string }>('SELECT status FROM catalog.upload WHERE id = $1', [
      upload.id,
    ]);
    expect(row!.status).toBe('ABORTED');
  });
});
