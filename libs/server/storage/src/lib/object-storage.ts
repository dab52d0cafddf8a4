import type { Readable } from 'node:stream';

export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
}

export interface ObjectInfo {
  size: number;
  etag: string;
  contentType: string | undefined;
}

export interface PresignedGetOptions {
  ttlSeconds: number;
  /** Sets Content-Disposition so browsers save under this name. */
  downloadName?: string;
  contentType?: string;
}

/**
 * The object storage port (S3 semantics). Production: any S3 API. Embedded default: s3rver on 127.0.0.1 — the same
 * adapter either way. s3rver does not verify signatures, so authorization never relies on the storage server: bytes
 * leave only through short-lived URLs minted after our own checks.
 */
export interface ObjectStorage {
  createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string>;
  presignUploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    ttlSeconds: number,
  ): Promise<string>;
  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: Buffer): Promise<UploadedPart>;
  listParts(bucket: string, key: string, uploadId: string): Promise<UploadedPart[] | null>;
  completeMultipartUpload(bucket: string, key: string, uploadId: string, parts: UploadedPart[]): Promise<void>;
  abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<void>;
  putObject(bucket: string, key: string, body: Readable | Buffer, size: number, contentType: string): Promise<void>;
  getObject(bucket: string, key: string, range?: { start: number; end: number }): Promise<Readable>;
  headObject(bucket: string, key: string): Promise<ObjectInfo | null>;
  copyObject(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<void>;
  presignGet(bucket: string, key: string, options: PresignedGetOptions): Promise<string>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/** Raised by adapters for storage faults; callers treat it as "try again", never as a verdict on the bytes. */
export class StorageUnavailableError extends Error {}
