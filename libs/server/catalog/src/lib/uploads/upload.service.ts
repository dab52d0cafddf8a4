import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, JobQueue, Transactions } from '@lookbook/core';
import { choosePartSize, newId } from '@lookbook/kernel';
import type { ObjectStorage, UploadedPart } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import { CatalogErrors } from '../catalog.errors';
import { CatalogTasks } from '../catalog.tasks';
import { ModelFileRepository } from '../files/model-file.repository';
import { UploadRepository } from './upload.repository';
import type { FileRole, ModelFileEntity, Precision } from '../files/model-file.entity';
import type { UploadEntity } from './upload.entity';
import { ModelVersionService } from '../versions/model-version.service';
import { normaliseFileName } from './file-name';

export const MAX_FILE_BYTES = 20 * 1024 ** 3;
const PART_URL_TTL_SECONDS = 15 * 60;
const UPLOAD_TTL_MS = 24 * 3600 * 1000;
const MAX_FILES_PER_VERSION = 20;

export interface CreateUploadInput {
  fileName: string;
  size: number;
  sha256?: string | null;
  role?: FileRole | null;
  precision?: Precision | null;
}

export interface PartUrl {
  partNumber: number;
  url: string;
  expiresAt: Date;
}

@Injectable()
export class UploadService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly uploads: UploadRepository,
    private readonly files: ModelFileRepository,
    private readonly versions: ModelVersionService,
    private readonly transactions: Transactions,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Validates everything, opens the multipart upload in storage, then records file + upload in one transaction. */
  async create(
    actor: Actor,
    versionId: string,
    input: CreateUploadInput,
  ): Promise<{ file: ModelFileEntity; upload: UploadEntity }> {
    await this.versions.ownedDraft(actor, versionId);
    const fileName = normaliseFileName(input.fileName);
    if (!Number.isSafeInteger(input.size) || input.size < 1 || input.size > MAX_FILE_BYTES)
      throw CatalogErrors.invalidFileSize(MAX_FILE_BYTES);
    const sha256 = input.sha256?.trim().toLowerCase() || null;
    if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) throw CatalogErrors.invalidSha256();

    const now = this.clock.now();
    const uploadId = newId();
    const bucket = this.config.storage.weightsBucket;
    const stagingKey = `staging/${uploadId}`;
    const partSize = choosePartSize(input.size);
    const storageUploadId = await this.storage.createMultipartUpload(bucket, stagingKey, 'application/octet-stream');
    const file: ModelFileEntity = {
      id: newId(),
      versionId,
      role: input.role ?? 'MODEL',
      fileName,
      format: 'SAFETENSORS',
      precision: input.precision ?? null,
      declaredSize: input.size,
      declaredSha256: sha256,
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
    };
    const upload: UploadEntity = {
      id: uploadId,
      fileId: file.id,
      ownerId: actor.userId,
      bucket,
      stagingKey,
      storageUploadId,
      partSize,
      partCount: Math.ceil(input.size / partSize),
      status: 'UPLOADING',
      expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.transactions.run(async (manager) => {
        await this.versions.assertDraftLocked(manager, versionId);
        if ((await this.files.countOfVersion(versionId, manager)) >= MAX_FILES_PER_VERSION)
          throw CatalogErrors.tooManyFiles();
        await this.uploads.insertWithFile(file, upload, manager);
      });
    } catch (error) {
      // No row points at it, so drop the storage side too.
      await this.storage.abortMultipartUpload(bucket, stagingKey, storageUploadId).catch(() => undefined);
      throw error;
    }
    return { file, upload };
  }

  /** Part URLs are minted on request, for the parts asked, valid 15 minutes: a stalled client asks again. */
  async partUrls(actor: Actor, uploadId: string, partNumbers: number[]): Promise<PartUrl[]> {
    const upload = await this.openUpload(actor, uploadId);
    const unique = [...new Set(partNumbers)];
    if (
      !unique.length ||
      unique.length > 100 ||
      unique.some((n) => !Number.isInteger(n) || n < 1 || n > upload.partCount)
    ) {
      throw CatalogErrors.invalidPartNumbers(upload.partCount);
    }
    const expiresAt = new Date(this.clock.now().getTime() + PART_URL_TTL_SECONDS * 1000);
    return Promise.all(
      unique.map(async (partNumber) => ({
        partNumber,
        url: await this.storage.presignUploadPart(
          upload.bucket,
          upload.stagingKey,
          upload.storageUploadId!,
          partNumber,
          PART_URL_TTL_SECONDS,
        ),
        expiresAt,
      })),
    );
  }

  /** What storage has received so far: the client resumes by sending the rest. */
  async uploadedParts(actor: Actor, uploadId: string): Promise<UploadedPart[]> {
    const upload = await this.openUpload(actor, uploadId);
    return (await this.storage.listParts(upload.bucket, upload.stagingKey, upload.storageUploadId!)) ?? [];
  }

  /**
   * Completes only when every part is there with the expected size; otherwise UPLOAD_INCOMPLETE and nothing changes,
   * so the client can fix it and complete again. The ingest job is enqueued in the same transaction that marks it done.
   */
  async complete(actor: Actor, uploadId: string): Promise<ModelFileEntity> {
    await this.openUpload(actor, uploadId);
    // The upload row stays locked while storage completes, so a double click waits and then finds it COMPLETED,
    // instead of racing a second CompleteMultipartUpload against the first.
    return this.transactions.run(async (manager) => {
      const upload = await this.uploads.forUpdate(manager, uploadId);
      if (!upload || upload.status !== 'UPLOADING' || !upload.storageUploadId) throw CatalogErrors.uploadNotOpen();
      const file = (await this.files.byId(upload.fileId))!;
      const parts = await this.storage.listParts(upload.bucket, upload.stagingKey, upload.storageUploadId);
      if (!parts) {
        // Storage finished an earlier attempt whose commit then failed: the assembled object is there, finish our side.
        // Otherwise the upload was aborted in storage.
        if (!(await this.storage.headObject(upload.bucket, upload.stagingKey))) throw CatalogErrors.uploadNotOpen();
        return this.markCompleted(manager, upload.id, file);
      }
      const missing: string[] = [];
      for (let n = 1; n <= upload.partCount; n += 1) {
        const part = parts.find((p) => p.partNumber === n);
        const expected =
          n < upload.partCount ? upload.partSize : file.declaredSize - upload.partSize * (upload.partCount - 1);
        if (!part) missing.push(`part ${n} missing`);
        else if (part.size !== expected) missing.push(`part ${n} has ${part.size} bytes, expected ${expected}`);
      }
      if (parts.some((p) => p.partNumber > upload.partCount)) missing.push('parts beyond the declared size');
      if (missing.length) throw CatalogErrors.uploadIncomplete(missing.slice(0, 20));

      await this.storage.completeMultipartUpload(upload.bucket, upload.stagingKey, upload.storageUploadId, parts);
      return this.markCompleted(manager, upload.id, file);
    });
  }

  private async markCompleted(
    manager: EntityManager,
    uploadId: string,
    file: ModelFileEntity,
  ): Promise<ModelFileEntity> {
    const now = this.clock.now();
    await this.uploads.update(uploadId, { status: 'COMPLETED', updatedAt: now }, manager);
    await this.files.update(file.id, { scanStatus: 'PENDING', updatedAt: now }, manager);
    await this.jobs.enqueue(manager, CatalogTasks.ingestModelFile, { fileId: file.id });
    return { ...file, scanStatus: 'PENDING' as const, updatedAt: now };
  }

  /**
   * For command-line tools: the request body streams through the API into the same multipart upload, one part in
   * memory at a time, then completes exactly like a browser upload. More bytes than declared stop the transfer.
   */
  async streamContent(actor: Actor, uploadId: string, body: AsyncIterable<Buffer>): Promise<ModelFileEntity> {
    const upload = await this.openUpload(actor, uploadId);
    const file = (await this.files.byId(upload.fileId))!;
    let buffered: Buffer[] = [];
    let bufferedBytes = 0;
    let total = 0;
    let partNumber = 0;
    const flush = async () => {
      if (!bufferedBytes) return;
      partNumber += 1;
      const part = Buffer.concat(buffered, bufferedBytes);
      buffered = [];
      bufferedBytes = 0;
      await this.storage.uploadPart(upload.bucket, upload.stagingKey, upload.storageUploadId!, partNumber, part);
    };
    for await (const chunk of body) {
      total += chunk.length;
      if (total > file.declaredSize)
        throw CatalogErrors.uploadIncomplete([`more than the declared ${file.declaredSize} bytes`]);
      let rest = chunk;
      while (bufferedBytes + rest.length >= upload.partSize) {
        const take = upload.partSize - bufferedBytes;
        buffered.push(rest.subarray(0, take));
        bufferedBytes += take;
        rest = rest.subarray(take);
        await flush();
      }
      if (rest.length) {
        buffered.push(rest);
        bufferedBytes += rest.length;
      }
    }
    await flush();
    return this.complete(actor, uploadId);
  }

  async abort(actor: Actor, uploadId: string): Promise<void> {
    const upload = await this.openUpload(actor, uploadId);
    await this.abortUpload(upload, 'aborted by the uploader');
  }

  /** Abandoned uploads: abort in storage, mark aborted, reject the file. Idempotent. */
  async abortUpload(upload: UploadEntity, why: string): Promise<void> {
    await this.storage.abortMultipartUpload(upload.bucket, upload.stagingKey, upload.storageUploadId!);
    const now = this.clock.now();
    await this.transactions.run(async (manager) => {
      await this.uploads.update(upload.id, { status: 'ABORTED', updatedAt: now }, manager);
      await this.files.update(
        upload.fileId,
        { scanStatus: 'REJECTED', rejectionReason: 'UPLOAD_ABORTED', rejectionMessage: why, updatedAt: now },
        manager,
      );
    });
  }

  async sweepExpired(limit = 100): Promise<number> {
    const expired = await this.uploads.expired(this.clock.now(), limit);
    for (const upload of expired) await this.abortUpload(upload, 'the upload was not completed within 24 hours');
    return expired.length;
  }

  private async openUpload(actor: Actor, uploadId: string): Promise<UploadEntity> {
    const upload = await this.uploads.byId(uploadId);
    if (!upload || upload.ownerId !== actor.userId) throw CatalogErrors.uploadNotFound();
    if (upload.status !== 'UPLOADING' || !upload.storageUploadId) throw CatalogErrors.uploadNotOpen();
    return upload;
  }
}
