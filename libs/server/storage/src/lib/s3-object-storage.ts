import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectInfo, ObjectStorage, PresignedGetOptions, UploadedPart } from './object-storage';
import { StorageUnavailableError } from './object-storage';

export interface S3Settings {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 ||
    error.name === 'NoSuchKey' ||
    error.name === 'NoSuchUpload' ||
    error.name === 'NotFound');

export class S3ObjectStorage implements ObjectStorage {
  private readonly client: S3Client;

  constructor(settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // With the SDK's default (WHEN_SUPPORTED), streamed bodies are sent aws-chunked with trailing checksums, which
      // s3rver stores verbatim inside the object. Checksums only where the API requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string> {
    const out = await this.call(() =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType })),
    );
    if (!out.UploadId) throw new StorageUnavailableError('storage returned no upload id');
    return out.UploadId;
  }

  presignUploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    ttlSeconds: number,
  ): Promise<string> {
    return getSignedUrl(
      this.client,
      new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }),
      { expiresIn: ttlSeconds },
    );
  }

  async uploadPart(
    bucket: string,
    key: string,
    uploadId: string,
    partNumber: number,
    body: Buffer,
  ): Promise<UploadedPart> {
    const out = await this.call(() =>
      this.client.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          PartNumber: partNumber,
          Body: body,
          ContentLength: body.length,
        }),
      ),
    );
    return { partNumber, etag: out.ETag ?? '', size: body.length };
  }

  async listParts(bucket: string, key: string, uploadId: string): Promise<UploadedPart[] | null> {
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    try {
      for (;;) {
        const out = await this.client.send(
          new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }),
        );
        for (const part of out.Parts ?? []) {
          parts.push({ partNumber: part.PartNumber ?? 0, etag: part.ETag ?? '', size: part.Size ?? 0 });
        }
        if (!out.IsTruncated) break;
        marker = out.NextPartNumberMarker;
      }
    } catch (error) {
      if (isNotFound(error)) return null;
      throw this.unavailable(error);
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeMultipartUpload(bucket: string, key: string, uploadId: string, parts: UploadedPart[]): Promise<void> {
    await this.call(() =>
      this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      ),
    );
  }

  async abortMultipartUpload(bucket: string, key: string, uploadId: string): Promise<void> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }));
    } catch (error) {
      if (!isNotFound(error)) throw this.unavailable(error);
    }
  }

  async putObject(
    bucket: string,
    key: string,
    body: Readable | Buffer,
    size: number,
    contentType: string,
  ): Promise<void> {
    await this.call(() =>
      this.client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: size, ContentType: contentType }),
      ),
    );
  }

  async getObject(bucket: string, key: string, range?: { start: number; end: number }): Promise<Readable> {
    const out = await this.call(() =>
      this.client.send(
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      ),
    );
    return out.Body as Readable;
  }

  async headObject(bucket: string, key: string): Promise<ObjectInfo | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: out.ContentLength ?? 0, etag: out.ETag ?? '', contentType: out.ContentType };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw this.unavailable(error);
    }
  }

  async copyObject(fromBucket: string, fromKey: string, toBucket: string, toKey: string): Promise<void> {
    await this.call(() =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: toBucket,
          Key: toKey,
          // Encode each segment but keep the slashes: S3 (and s3rver) split the source on them.
          CopySource: `${fromBucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
        }),
      ),
    );
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
  }

  presignGet(bucket: string, key: string, options: PresignedGetOptions): Promise<string> {
    const disposition = options.downloadName
      ? `attachment; filename*=UTF-8''${encodeURIComponent(options.downloadName)}`
      : undefined;
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ResponseContentDisposition: disposition,
        ResponseContentType: options.contentType,
      }),
      { expiresIn: options.ttlSeconds },
    );
  }

  destroy(): void {
    this.client.destroy();
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): Error {
    if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode ?? 500) < 500 && !isNotFound(error)) {
      return error; // a client error is a bug or a bad request, not an outage
    }
    if (isNotFound(error)) return error as Error;
    const message = error instanceof Error ? error.message : String(error);
    return new StorageUnavailableError(`storage unavailable: ${message}`, { cause: error });
  }
}
