import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { Clock, JobTask } from '@lookbook/core';
import { sanitizeJson } from '@lookbook/kernel';
import type { ObjectStorage } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import { CatalogTasks } from '../catalog.tasks';
import { ModelFileRepository } from '../files/model-file.repository';
import { UploadRepository } from '../uploads/upload.repository';
import { inspectModelFile } from './inspect-model-file';
import { extractTrainingMetadata } from './training-metadata';

/** S3's limit for a single CopyObject. */
export const MAX_COPY_BYTES = 5 * 1024 ** 3;
/** Injection token for the largest object copied to its content key (defaults to S3's limit). */
export const COPY_LIMIT_BYTES = Symbol('COPY_LIMIT_BYTES');

/** Where verified bytes live: named by their SHA-256, so identical uploads share one object. */
export const contentKey = (sha256: string) =>
  `models/sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.safetensors`;

/**
 * Streams the uploaded object once (hashes + safetensors validation), then either stores it under its content key and
 * marks the file READY, or marks it REJECTED with a typed reason. Idempotent: a retry after a crash re-reads the staged
 * object; a file already decided is left alone. Storage faults throw, so the queue retries with backoff.
 */
@Injectable()
@JobTask(CatalogTasks.ingestModelFile)
export class IngestModelFileJob implements JobHandler<PayloadOf<typeof CatalogTasks.ingestModelFile>> {
  private readonly log = new Logger(IngestModelFileJob.name);

  constructor(
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly files: ModelFileRepository,
    private readonly uploads: UploadRepository,
    private readonly clock: Clock,
    @Optional() @Inject(COPY_LIMIT_BYTES) private readonly copyLimitBytes: number = MAX_COPY_BYTES,
  ) {}

  async handle({ fileId }: { fileId: string }): Promise<void> {
    const file = await this.files.byId(fileId);
    const upload = file ? await this.uploads.ofFile(fileId) : null;
    if (!file || !upload) return;
    if (file.scanStatus !== 'PENDING') {
      // Decided already (a retry after a crash between the row update and the clean-up): just finish the clean-up.
      if (upload.status === 'COMPLETED' && file.storageKey !== upload.stagingKey) {
        await this.storage.deleteObject(upload.bucket, upload.stagingKey);
      }
      return;
    }

    const stream = await this.storage.getObject(upload.bucket, upload.stagingKey);
    const result = await inspectModelFile(stream, {
      declaredSize: file.declaredSize,
      declaredSha256: file.declaredSha256 ?? undefined,
    });
    stream.destroy();
    const now = this.clock.now();
    if (!result.ok) {
      await this.files.update(fileId, {
        scanStatus: 'REJECTED',
        rejectionReason: result.reason,
        rejectionMessage: result.message,
        sizeBytes: result.size,
        updatedAt: now,
      });
      await this.storage.deleteObject(upload.bucket, upload.stagingKey);
      this.log.log(`file ${fileId} rejected: ${result.reason}`);
      return;
    }
    if (await this.files.isBlocked(result.sha256)) {
      await this.files.update(fileId, {
        scanStatus: 'REJECTED',
        rejectionReason: 'BLOCKED_HASH',
        rejectionMessage: 'These exact bytes have been removed from Lookbook and cannot be uploaded again',
        sha256: result.sha256,
        sizeBytes: result.size,
        updatedAt: now,
      });
      await this.storage.deleteObject(upload.bucket, upload.stagingKey);
      return;
    }
    // S3 CopyObject stops at 5 GiB: larger files stay where they were uploaded (stored correctly, not de-duplicated).
    const copyable = result.size <= this.copyLimitBytes;
    const key = copyable ? contentKey(result.sha256) : upload.stagingKey;
    if (copyable && !(await this.storage.headObject(upload.bucket, key))) {
      await this.storage.copyObject(upload.bucket, upload.stagingKey, upload.bucket, key);
    }
    // Header strings are the uploader's text: cleaned like any text read out of a file (Postgres refuses NUL).
    const metadata = sanitizeJson(result.header.metadata);
    // The row points at the object only after the object exists, so no row ever names a missing object.
    await this.files.update(fileId, {
      scanStatus: 'READY',
      sha256: result.sha256,
      autov2: result.autoV2,
      crc32: result.crc32,
      sizeBytes: result.size,
      storageKey: key,
      tensorCount: result.header.tensors.length,
      headerMetadata: metadata,
      trainingMetadata: extractTrainingMetadata(metadata),
      precision: file.precision ?? precisionOf(result.header.tensors.map((t) => t.dtype)),
      updatedAt: now,
    });
    if (copyable) await this.storage.deleteObject(upload.bucket, upload.stagingKey);
  }
}

function precisionOf(dtypes: string[]): 'FP32' | 'FP16' | 'BF16' | 'FP8' | 'MIXED' | 'OTHER' {
  const floats = new Set(dtypes.filter((d) => /^(F|BF)/.test(d)));
  if (floats.size === 0) return 'OTHER';
  if (floats.size > 1) return 'MIXED';
  const only = [...floats][0]!;
  return only === 'F32'
    ? 'FP32'
    : only === 'F16'
      ? 'FP16'
      : only === 'BF16'
        ? 'BF16'
        : only.startsWith('F8')
          ? 'FP8'
          : 'OTHER';
}
