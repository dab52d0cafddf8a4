import type { Actor } from '@lookbook/core';
import { APP_CONFIG, Clock, JobQueue, Transactions } from '@lookbook/core';
import { ConflictError, DomainError, NotFoundError } from '@lookbook/kernel';
import type { ObjectStorage, UploadedPart } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import { CatalogTasks } from '../catalog.tasks';
import type { ModelFileEntity } from '../files/model-file.entity';
import { ModelFileRepository } from '../files/model-file.repository';
import { ModelVersionService } from '../versions/model-version.service';
import type { UploadEntity } from './upload.entity';
import { UploadRepository } from './upload.repository';
import type { CreateUploadInput } from './upload.service';
import { MAX_FILE_BYTES, UploadService } from './upload.service';

const now = new Date('2026-10-01T08:00:00.000Z');
const MIB = 1024 * 1024;
const OWNER = 'ada';
const owner = anActor(OWNER);
const SHA = 'c'.repeat(64);

const anUpload = (change: Partial<UploadEntity> = {}): UploadEntity => ({
  id: 'u1',
  fileId: 'f1',
  ownerId: OWNER,
  bucket: 'weights',
  stagingKey: 'staging/u1',
  storageUploadId: 's3-upload-1',
  partSize: 4,
  partCount: 3,
  status: 'UPLOADING',
  expiresAt: new Date(now.getTime() + 3600_000),
  createdAt: now,
  updatedAt: now,
  ...change,
});
/** The file of `anUpload()`: 10 bytes, so parts of 4, 4 and 2. */
const aFile = (change: Partial<ModelFileEntity> = {}) =>
  ({ id: 'f1', versionId: 'v1', declaredSize: 10, scanStatus: 'UPLOADING', ...change }) as ModelFileEntity;
const part = (partNumber: number, size: number): UploadedPart => ({ partNumber, size, etag: `e${partNumber}` });

interface World {
  upload?: UploadEntity | null;
  file?: ModelFileEntity;
  filesInVersion?: number;
}

function setUp({ upload = anUpload(), file = aFile(), filesInVersion = 0 }: World = {}) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(UploadService, [
    [APP_CONFIG, testConfig({ S3_WEIGHTS_BUCKET: 'weights' })],
    [Transactions, transactions],
    [Clock, new FakeClock(now)],
  ]);
  const storage = mock<ObjectStorage>(OBJECT_STORAGE);
  storage.createMultipartUpload.mockResolvedValue('s3-upload-new');
  storage.abortMultipartUpload.mockResolvedValue(undefined);
  storage.completeMultipartUpload.mockResolvedValue(undefined);
  storage.uploadPart.mockResolvedValue(undefined as never);
  storage.presignUploadPart.mockImplementation((_b, _k, _u, n: number, ttl: number) =>
    Promise.resolve(`https://s3/part/${n}?ttl=${ttl}`),
  );
  const uploads = mock(UploadRepository);
  uploads.byId.mockResolvedValue(upload);
  uploads.forUpdate.mockResolvedValue(upload);
  uploads.insertWithFile.mockResolvedValue(undefined);
  uploads.update.mockResolvedValue(undefined);
  const files = mock(ModelFileRepository);
  files.byId.mockResolvedValue(file);
  files.countOfVersion.mockResolvedValue(filesInVersion);
  files.update.mockResolvedValue(undefined);
  const versions = mock(ModelVersionService);
  versions.ownedDraft.mockImplementation((actor: Actor) =>
    actor.userId === OWNER ? Promise.resolve({} as never) : Promise.reject(new NotFoundError('VERSION_NOT_FOUND', 'x')),
  );
  versions.assertDraftLocked.mockResolvedValue(undefined);
  const jobs = mock(JobQueue);
  jobs.enqueue.mockResolvedValue(undefined as never);
  return { sut, storage, uploads, files, versions, jobs, transactions };
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
const input = (change: Partial<CreateUploadInput> = {}): CreateUploadInput => ({
  fileName: 'ink-wash.safetensors',
  size: 100 * MIB,
  ...change,
});

describe('opening an upload', () => {
  it('opens a multipart upload in staging and records the file and upload together', async () => {
    const { sut, storage, uploads, versions } = setUp();
    const { file, upload } = await sut.create(
      owner,
      'v1',
      input({ sha256: ` ${SHA.toUpperCase()} `, precision: 'FP16' }),
    );
    expect(storage.createMultipartUpload).toHaveBeenCalledWith(
      'weights',
      `staging/${upload.id}`,
      'application/octet-stream',
    );
    expect(file).toMatchObject({
      versionId: 'v1',
      role: 'MODEL',
      fileName: 'ink-wash.safetensors',
      format: 'SAFETENSORS',
      precision: 'FP16',
      declaredSize: 100 * MIB,
      declaredSha256: SHA,
      scanStatus: 'UPLOADING',
      storageKey: null,
      sha256: null,
      createdAt: now,
    });
    expect(upload).toMatchObject({
      fileId: file.id,
      ownerId: OWNER,
      bucket: 'weights',
      storageUploadId: 's3-upload-new',
      partSize: 8 * MIB,
      partCount: 13,
      status: 'UPLOADING',
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
    });
    expect(uploads.insertWithFile).toHaveBeenCalledWith(file, upload, TEST_MANAGER);
    expect(versions.assertDraftLocked).toHaveBeenCalledWith(TEST_MANAGER, 'v1');
  });

  it.each<[number, number, number]>([
    [1, 8 * MIB, 1],
    [8 * MIB, 8 * MIB, 1],
    [8 * MIB + 1, 8 * MIB, 2],
    [MAX_FILE_BYTES, 21 * MIB, Math.ceil(MAX_FILE_BYTES / (21 * MIB))],
  ])('splits %p bytes into parts of %p (%p parts, at most 1000)', async (size, partSize, partCount) => {
    const { sut } = setUp();
    const { upload } = await sut.create(owner, 'v1', input({ size }));
    expect([upload.partSize, upload.partCount]).toEqual([partSize, partCount]);
    expect(upload.partCount).toBeLessThanOrEqual(1000);
  });

  it.each<[string, string, Partial<CreateUploadInput>]>([
    ['a size of 0', 'INVALID_FILE_SIZE', { size: 0 }],
    ['a negative size', 'INVALID_FILE_SIZE', { size: -1 }],
    ['a fractional size', 'INVALID_FILE_SIZE', { size: 10.5 }],
    ['a size over 20 GiB', 'INVALID_FILE_SIZE', { size: MAX_FILE_BYTES + 1 }],
    ['a hash that is not SHA-256', 'INVALID_SHA256', { sha256: 'abc' }],
    ['a hash with a non-hex character', 'INVALID_SHA256', { sha256: `${'c'.repeat(63)}g` }],
    ['a path in the name', 'INVALID_FILE_NAME', { fileName: '../etc/ink.safetensors' }],
    ['a hidden file name', 'INVALID_FILE_NAME', { fileName: '.ink.safetensors' }],
    ['another extension', 'INVALID_FILE_NAME', { fileName: 'ink.ckpt' }],
    ['a disguised extension', 'INVALID_FILE_NAME', { fileName: 'ink\u202Esrotnesefas.exe' }],
  ])('refuses %s (%s) before opening anything in storage', async (_name, code, change) => {
    const { sut, storage, uploads } = setUp();
    expect(await codeOf(sut.create(owner, 'v1', input(change)))).toBe(code);
    expect(storage.createMultipartUpload).not.toHaveBeenCalled();
    expect(uploads.insertWithFile).not.toHaveBeenCalled();
  });

  it('answers someone else’s version as not found, before anything else', async () => {
    const { sut, storage } = setUp();
    expect(await codeOf(sut.create(anActor('eve'), 'v1', input()))).toBe('VERSION_NOT_FOUND');
    expect(storage.createMultipartUpload).not.toHaveBeenCalled();
  });

  it('treats an empty hash as none', async () => {
    const { sut } = setUp();
    const { file } = await sut.create(owner, 'v1', input({ sha256: '  ' }));
    expect(file.declaredSha256).toBeNull();
  });

  it.each([
    [19, 'ok'],
    [20, 'TOO_MANY_FILES'],
  ])(
    'with %p files in the version: %s; a refused upload is aborted in storage too',
    async (filesInVersion, outcome) => {
      const { sut, storage, uploads } = setUp({ filesInVersion });
      expect(await codeOf(sut.create(owner, 'v1', input()))).toBe(outcome);
      expect(uploads.insertWithFile).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
      expect(storage.abortMultipartUpload).toHaveBeenCalledTimes(outcome === 'ok' ? 0 : 1);
    },
  );

  it('aborts the storage side when the version was published meanwhile', async () => {
    const { sut, storage, versions, uploads } = setUp();
    versions.assertDraftLocked.mockRejectedValue(new ConflictError('VERSION_PUBLISHED', 'published'));
    expect(await codeOf(sut.create(owner, 'v1', input()))).toBe('VERSION_PUBLISHED');
    expect(uploads.insertWithFile).not.toHaveBeenCalled();
    const key = storage.createMultipartUpload.mock.calls[0]![1];
    expect(storage.abortMultipartUpload).toHaveBeenCalledWith('weights', key, 's3-upload-new');
  });
});

describe('uploading parts', () => {
  it('mints 15-minute URLs for the parts asked, once each', async () => {
    const { sut, storage } = setUp();
    const urls = await sut.partUrls(owner, 'u1', [2, 1, 2]);
    expect(urls).toEqual([
      { partNumber: 2, url: 'https://s3/part/2?ttl=900', expiresAt: new Date(now.getTime() + 900_000) },
      { partNumber: 1, url: 'https://s3/part/1?ttl=900', expiresAt: new Date(now.getTime() + 900_000) },
    ]);
    expect(storage.presignUploadPart).toHaveBeenCalledWith('weights', 'staging/u1', 's3-upload-1', 2, 900);
  });

  it.each<[string, number[]]>([
    ['no parts', []],
    ['part 0', [0]],
    ['a part beyond the last', [1, 4]],
    ['a fractional part', [1.5]],
    ['more than 100 parts', Array.from({ length: 101 }, (_, i) => i + 1)],
  ])('refuses %s (INVALID_PART_NUMBERS)', async (_name, parts) => {
    const { sut, storage } = setUp({ upload: anUpload({ partCount: parts.length > 100 ? 200 : 3 }) });
    expect(await codeOf(sut.partUrls(owner, 'u1', parts))).toBe('INVALID_PART_NUMBERS');
    expect(storage.presignUploadPart).not.toHaveBeenCalled();
  });

  it.each<[string, string, Actor, UploadEntity | null]>([
    ['someone else’s upload', 'UPLOAD_NOT_FOUND', anActor('eve'), anUpload()],
    ['a missing upload', 'UPLOAD_NOT_FOUND', owner, null],
    ['a completed upload', 'UPLOAD_NOT_OPEN', owner, anUpload({ status: 'COMPLETED' })],
    ['an aborted upload', 'UPLOAD_NOT_OPEN', owner, anUpload({ status: 'ABORTED' })],
    ['an upload without a storage id', 'UPLOAD_NOT_OPEN', owner, anUpload({ storageUploadId: null })],
  ])('refuses part URLs, parts and abort for %s (%s)', async (_name, code, actor, upload) => {
    const { sut, storage } = setUp({ upload });
    expect(await codeOf(sut.partUrls(actor, 'u1', [1]))).toBe(code);
    expect(await codeOf(sut.uploadedParts(actor, 'u1'))).toBe(code);
    expect(await codeOf(sut.abort(actor, 'u1'))).toBe(code);
    expect(storage.presignUploadPart).not.toHaveBeenCalled();
    expect(storage.abortMultipartUpload).not.toHaveBeenCalled();
  });

  it('lists what storage has, or nothing when storage knows no such upload', async () => {
    const { sut, storage } = setUp();
    storage.listParts.mockResolvedValueOnce([part(1, 4)]).mockResolvedValueOnce(null);
    await expect(sut.uploadedParts(owner, 'u1')).resolves.toEqual([part(1, 4)]);
    await expect(sut.uploadedParts(owner, 'u1')).resolves.toEqual([]);
  });
});

describe('completing an upload', () => {
  it('completes when every part is there with its size, and queues the ingest in the same transaction', async () => {
    const { sut, storage, uploads, files, jobs, transactions } = setUp();
    const parts = [part(1, 4), part(2, 4), part(3, 2)];
    storage.listParts.mockResolvedValue(parts);
    const file = await sut.complete(owner, 'u1');
    expect(file).toMatchObject({ id: 'f1', scanStatus: 'PENDING', updatedAt: now });
    expect(storage.completeMultipartUpload).toHaveBeenCalledWith('weights', 'staging/u1', 's3-upload-1', parts);
    expect(uploads.forUpdate).toHaveBeenCalledWith(TEST_MANAGER, 'u1');
    expect(uploads.update).toHaveBeenCalledWith('u1', { status: 'COMPLETED', updatedAt: now }, TEST_MANAGER);
    expect(files.update).toHaveBeenCalledWith('f1', { scanStatus: 'PENDING', updatedAt: now }, TEST_MANAGER);
    expect(jobs.enqueue).toHaveBeenCalledWith(TEST_MANAGER, CatalogTasks.ingestModelFile, { fileId: 'f1' });
    expect(transactions.count).toBe(1);
  });

  it.each<[string, UploadedPart[], string[]]>([
    ['a missing part', [part(1, 4), part(3, 2)], ['part 2 missing']],
    ['no parts at all', [], ['part 1 missing', 'part 2 missing', 'part 3 missing']],
    ['a short middle part', [part(1, 4), part(2, 3), part(3, 2)], ['part 2 has 3 bytes, expected 4']],
    ['a last part too long', [part(1, 4), part(2, 4), part(3, 4)], ['part 3 has 4 bytes, expected 2']],
    [
      'a part beyond the declared size',
      [part(1, 4), part(2, 4), part(3, 2), part(4, 1)],
      ['parts beyond the declared size'],
    ],
  ])('refuses %s (UPLOAD_INCOMPLETE) and changes nothing', async (_name, parts, problems) => {
    const { sut, storage, uploads, files, jobs } = setUp();
    storage.listParts.mockResolvedValue(parts);
    const error = (await sut.complete(owner, 'u1').catch((e: unknown) => e)) as DomainError;
    expect(error.code).toBe('UPLOAD_INCOMPLETE');
    expect(JSON.stringify(error.details)).toContain(problems[0]);
    for (const problem of problems) expect(JSON.stringify(error.details)).toContain(problem);
    expect(storage.completeMultipartUpload).not.toHaveBeenCalled();
    expect(uploads.update).not.toHaveBeenCalled();
    expect(files.update).not.toHaveBeenCalled();
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('finishes its side when storage completed an earlier attempt whose commit failed', async () => {
    const { sut, storage, jobs } = setUp();
    storage.listParts.mockResolvedValue(null);
    storage.headObject.mockResolvedValue({ size: 10 } as never);
    await expect(sut.complete(owner, 'u1')).resolves.toMatchObject({ scanStatus: 'PENDING' });
    expect(storage.completeMultipartUpload).not.toHaveBeenCalled();
    expect(jobs.enqueue).toHaveBeenCalledTimes(1);
  });

  it('refuses an upload storage no longer has (aborted there)', async () => {
    const { sut, storage, jobs } = setUp();
    storage.listParts.mockResolvedValue(null);
    storage.headObject.mockResolvedValue(null);
    expect(await codeOf(sut.complete(owner, 'u1'))).toBe('UPLOAD_NOT_OPEN');
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it('lets a double click find the upload completed under the lock, and complete nothing twice', async () => {
    const { sut, uploads, storage } = setUp();
    uploads.forUpdate.mockResolvedValue(anUpload({ status: 'COMPLETED' }));
    expect(await codeOf(sut.complete(owner, 'u1'))).toBe('UPLOAD_NOT_OPEN');
    expect(storage.listParts).not.toHaveBeenCalled();
  });
});

describe('streaming an upload through the API', () => {
  async function* chunks(...sizes: number[]): AsyncIterable<Buffer> {
    let byte = 0;
    for (const size of sizes) yield Buffer.from(Array.from({ length: size }, () => byte++ % 256));
  }

  it.each<[string, number[]]>([
    ['one chunk', [10]],
    ['byte by byte', Array.from({ length: 10 }, () => 1)],
    ['chunks across part boundaries', [3, 6, 1]],
    ['a chunk of exactly a part', [4, 4, 2]],
  ])('cuts %s into parts of the upload’s size, in order, then completes', async (_name, sizes) => {
    const { sut, storage } = setUp();
    storage.listParts.mockResolvedValue([part(1, 4), part(2, 4), part(3, 2)]);
    await sut.streamContent(owner, 'u1', chunks(...sizes));
    const sent = storage.uploadPart.mock.calls.map(([, , , n, data]) => [n, [...data]]);
    expect(sent).toEqual([
      [1, [0, 1, 2, 3]],
      [2, [4, 5, 6, 7]],
      [3, [8, 9]],
    ]);
    expect(storage.completeMultipartUpload).toHaveBeenCalledTimes(1);
  });

  it('stops at the first byte beyond the declared size', async () => {
    const { sut, storage } = setUp();
    expect(await codeOf(sut.streamContent(owner, 'u1', chunks(4, 4, 3)))).toBe('UPLOAD_INCOMPLETE');
    expect(storage.uploadPart).toHaveBeenCalledTimes(2);
    expect(storage.completeMultipartUpload).not.toHaveBeenCalled();
  });

  it('reports a short body as incomplete at completion', async () => {
    const { sut, storage } = setUp();
    storage.listParts.mockResolvedValue([part(1, 4), part(2, 3)]);
    expect(await codeOf(sut.streamContent(owner, 'u1', chunks(7)))).toBe('UPLOAD_INCOMPLETE');
    expect(storage.completeMultipartUpload).not.toHaveBeenCalled();
  });

  it('refuses someone else’s upload before reading the body', async () => {
    const { sut, storage } = setUp();
    expect(await codeOf(sut.streamContent(anActor('eve'), 'u1', chunks(10)))).toBe('UPLOAD_NOT_FOUND');
    expect(storage.uploadPart).not.toHaveBeenCalled();
  });
});

describe('aborting uploads', () => {
  it('aborts in storage, marks the upload aborted and rejects its file with the reason', async () => {
    const { sut, storage, uploads, files } = setUp();
    await sut.abort(owner, 'u1');
    expect(storage.abortMultipartUpload).toHaveBeenCalledWith('weights', 'staging/u1', 's3-upload-1');
    expect(uploads.update).toHaveBeenCalledWith('u1', { status: 'ABORTED', updatedAt: now }, TEST_MANAGER);
    expect(files.update).toHaveBeenCalledWith(
      'f1',
      {
        scanStatus: 'REJECTED',
        rejectionReason: 'UPLOAD_ABORTED',
        rejectionMessage: 'aborted by the uploader',
        updatedAt: now,
      },
      TEST_MANAGER,
    );
  });

  it('changes no rows when storage refuses the abort (the sweep tries again)', async () => {
    const { sut, storage, uploads } = setUp();
    storage.abortMultipartUpload.mockRejectedValue(new Error('storage down'));
    expect(await codeOf(sut.abort(owner, 'u1'))).toBe('Error: storage down');
    expect(uploads.update).not.toHaveBeenCalled();
  });

  it.each([[0], [1], [3]])('sweeps %p expired uploads with the expiry reason', async (count) => {
    const { sut, uploads, files } = setUp();
    uploads.expired.mockResolvedValue(
      Array.from({ length: count }, (_, i) => anUpload({ id: `u${i}`, fileId: `f${i}` })),
    );
    await expect(sut.sweepExpired(50)).resolves.toBe(count);
    expect(uploads.expired).toHaveBeenCalledWith(now, 50);
    expect(files.update).toHaveBeenCalledTimes(count);
    for (const [, changes] of files.update.mock.calls)
      expect(changes.rejectionMessage).toBe('the upload was not completed within 24 hours');
  });
});
