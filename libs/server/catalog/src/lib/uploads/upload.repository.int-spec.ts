import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { ModelFileEntity } from '../files/model-file.entity';
import { UploadEntity } from './upload.entity';
import { UploadRepository } from './upload.repository';

describe('UploadRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let uploads: UploadRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([UploadEntity, ModelFileEntity]);
    uploads = new UploadRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  async function start(expiresAt: Date, fileName = 'model.safetensors') {
    const { ownerId, versionId } = await bed.seed.publishedVersion();
    const now = new Date();
    const file = {
      id: randomUUID(),
      versionId,
      role: 'MODEL',
      fileName,
      format: 'SAFETENSORS',
      precision: null,
      declaredSize: 1024,
      declaredSha256: null,
      sizeBytes: null,
      sha256: null,
      autov2: null,
      crc32: null,
      scanStatus: 'UPLOADING',
      rejectionReason: null,
      rejectionMessage: null,
      storageKey: null,
      tensorCount: null,
      headerMetadata: null,
      trainingMetadata: null,
      createdAt: now,
      updatedAt: now,
    } satisfies ModelFileEntity;
    const upload: UploadEntity = {
      id: randomUUID(),
      fileId: file.id,
      ownerId,
      bucket: 'lookbook',
      stagingKey: `staging/${file.id}`,
      storageUploadId: 'mpu-1',
      partSize: 8 * 1024 * 1024,
      partCount: 1,
      status: 'UPLOADING',
      expiresAt,
      createdAt: now,
      updatedAt: now,
    };
    await bed.dataSource.transaction((m) => uploads.insertWithFile(file, upload, m));
    return { file, upload };
  }

  it('stores a file and its upload together — neither without the other', async () => {
    const { file, upload } = await start(new Date(Date.now() + 3_600_000));
    expect(await uploads.ofFile(file.id)).toMatchObject({ id: upload.id, status: 'UPLOADING' });
    await expect(start(new Date(), '')).rejects.toThrow(/check constraint/); // an invalid file name: nothing stored
    expect(
      await bed.db.query(
        `SELECT count(*)::int AS n FROM catalog.upload u LEFT JOIN catalog.model_file f ON f.id = u.file_id WHERE f.id IS NULL`,
      ),
    ).toEqual([{ n: 0 }]);
  });

  it('lists abandoned uploads, soonest expired first, up to the limit', async () => {
    const now = new Date();
    const older = await start(new Date(now.getTime() - 7_200_000));
    const newer = await start(new Date(now.getTime() - 3_600_000));
    const live = await start(new Date(now.getTime() + 3_600_000));
    const expired = (await uploads.expired(now, 100)).map((u) => u.id);
    expect(expired.indexOf(older.upload.id)).toBeLessThan(expired.indexOf(newer.upload.id));
    expect(expired).not.toContain(live.upload.id);
    expect(await uploads.expired(now, 1)).toHaveLength(1);
    await uploads.update(older.upload.id, { status: 'ABORTED' });
    expect((await uploads.expired(now, 100)).map((u) => u.id)).not.toContain(older.upload.id);
  });
});
