import { Readable } from 'node:stream';
import { buildSafetensors } from '@lookbook/testing';
import type { ObjectStorage } from '@lookbook/storage';
import type { ModelFileRepository } from '../files/model-file.repository';
import type { UploadRepository } from '../uploads/upload.repository';
import type { ModelFileEntity } from '../files/model-file.entity';
import type { UploadEntity } from '../uploads/upload.entity';
import { contentKey, IngestModelFileJob, MAX_COPY_BYTES } from './ingest-model-file.job';

const bytes = buildSafetensors([{ name: 'w', dtype: 'F32', shape: [4] }]);

function setup(fileOverrides: Partial<ModelFileEntity> = {}, copyLimit?: number) {
  const file = {
    id: 'f1',
    scanStatus: 'PENDING',
    declaredSize: bytes.length,
    declaredSha256: null,
    precision: null,
    storageKey: null,
    ...fileOverrides,
  } as ModelFileEntity;
  const upload = {
    id: 'u1',
    fileId: 'f1',
    bucket: 'weights',
    stagingKey: 'staging/u1',
    status: 'COMPLETED',
  } as UploadEntity;
  const updates: Partial<ModelFileEntity>[] = [];
  const storage = {
    getObject: jest.fn(async () => Readable.from([bytes])),
    headObject: jest.fn(async () => null),
    copyObject: jest.fn(async () => undefined),
    deleteObject: jest.fn(async () => undefined),
  } as unknown as jest.Mocked<ObjectStorage>;
  const files = {
    byId: jest.fn(async () => file),
    isBlocked: jest.fn(async () => false),
    update: jest.fn(async (_id: string, changes: Partial<ModelFileEntity>) => void updates.push(changes)),
  } as unknown as ModelFileRepository;
  const uploads = { ofFile: jest.fn(async () => upload) } as unknown as UploadRepository;
  const clock = { now: () => new Date('2026-11-25T00:00:00Z') };
  return { job: new IngestModelFileJob(storage, files, uploads, clock, copyLimit), storage, updates, file, upload };
}

describe('IngestModelFileJob storage placement', () => {
  it('copies verified bytes to their content key, then drops the staged object', async () => {
    const { job, storage, updates } = setup();
    await job.handle({ fileId: 'f1' });
    const sha = updates[0]!.sha256!;
    expect(storage.copyObject).toHaveBeenCalledWith('weights', 'staging/u1', 'weights', contentKey(sha));
    expect(updates[0]).toMatchObject({ scanStatus: 'READY', storageKey: contentKey(sha) });
    expect(storage.deleteObject).toHaveBeenCalledWith('weights', 'staging/u1');
  });

  it('keeps files over the 5 GiB CopyObject limit where they were uploaded', async () => {
    expect(MAX_COPY_BYTES).toBe(5 * 1024 ** 3);
    const { job, storage, updates } = setup({}, bytes.length - 1); // a limit below the file stands in for 5 GiB
    await job.handle({ fileId: 'f1' });
    expect(storage.copyObject).not.toHaveBeenCalled();
    expect(storage.deleteObject).not.toHaveBeenCalled();
    expect(updates[0]).toMatchObject({ scanStatus: 'READY', storageKey: 'staging/u1' });
  });

  it('on a retry of a decided file only finishes the clean-up, never deleting the stored object', async () => {
    const decided = setup({ scanStatus: 'READY', storageKey: 'models/sha256/aa/bb/x.safetensors' });
    await decided.job.handle({ fileId: 'f1' });
    expect(decided.storage.deleteObject).toHaveBeenCalledWith('weights', 'staging/u1');
    expect(decided.storage.getObject).not.toHaveBeenCalled();
    const large = setup({ scanStatus: 'READY', storageKey: 'staging/u1' });
    await large.job.handle({ fileId: 'f1' });
    expect(large.storage.deleteObject).not.toHaveBeenCalled();
  });
});
