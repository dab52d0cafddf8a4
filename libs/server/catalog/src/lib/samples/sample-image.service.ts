import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock } from '@lookbook/core';
import { newId, sanitizeJson, ValidationError } from '@lookbook/kernel';
import type { ObjectStorage } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import type { ImageType, SampleImageEntity } from './sample-image.entity';
import { ModelVersionService } from '../versions/model-version.service';
import { readEmbeddedTexts } from './embedded-text';
import { parseGenerationInfo } from './generation-metadata';
import { SampleImageRepository } from './sample-image.repository';

export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Checked from the header before any pixel is decoded: a 1 KB "pixel bomb" cannot claim gigapixels. */
export const MAX_IMAGE_PIXELS = 40_000_000;
const THUMBNAIL_WIDTHS = [320, 640, 1280];
const MAX_IMAGES_PER_VERSION = 30;

const ImageErrors = {
  unsupported: () => new ValidationError('IMAGE_TYPE_UNSUPPORTED', 'Sample images must be PNG, JPEG or WebP'),
  mislabelled: (declared: string, actual: string) =>
    new ValidationError('IMAGE_TYPE_MISMATCH', `The file says ${declared} but its content is ${actual}`),
  tooLarge: () =>
    new ValidationError(
      'IMAGE_TOO_LARGE',
      `A sample image is at most ${MAX_IMAGE_BYTES} bytes and ${MAX_IMAGE_PIXELS} pixels`,
    ),
  corrupt: () => new ValidationError('IMAGE_UNREADABLE', 'The image could not be decoded'),
  tooMany: () =>
    new ValidationError('TOO_MANY_IMAGES', `A version has at most ${MAX_IMAGES_PER_VERSION} sample images`),
};

/** Content sniffing: the bytes decide the type, never the name or the Content-Type header. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 8 && bytes.readBigUInt64BE(0) === 0x89504e470d0a1a0an) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

const EXTENSION: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

@Injectable()
export class SampleImageService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly versions: ModelVersionService,
    private readonly images: SampleImageRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds a sample image to a draft version: sniff, cap pixels before decoding, auto-orient, re-encode without any
   * metadata (so camera EXIF and GPS never reach the public file), WebP thumbnails, generation info parsed into
   * fields, and resources found by hash credited to their catalog versions.
   */
  async add(
    actor: Actor,
    versionId: string,
    bytes: Buffer,
    declaredType: string | undefined,
  ): Promise<SampleImageEntity> {
    await this.versions.ownedDraft(actor, versionId);
    if ((await this.images.countForVersion(versionId)) >= MAX_IMAGES_PER_VERSION) throw ImageErrors.tooMany();
    if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) throw ImageErrors.tooLarge();
    const type = sniffImageType(bytes);
    if (!type) throw ImageErrors.unsupported();
    const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
    if (declared && declared !== 'application/octet-stream' && declared !== type)
      throw ImageErrors.mislabelled(declared, type);

    const input = (animated = false) =>
      sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true, animated });
    let meta: sharp.Metadata;
    try {
      meta = await input().metadata();
    } catch (error) {
      // sharp refuses to even read the header of an image over limitInputPixels.
      if (/pixel limit/i.test((error as Error).message)) throw ImageErrors.tooLarge();
      throw ImageErrors.corrupt();
    }
    if (!meta.width || !meta.height) throw ImageErrors.corrupt();
    // Every frame counts: an animation of many small frames is as costly as one large image.
    if (meta.width * meta.height * (meta.pages ?? 1) > MAX_IMAGE_PIXELS) throw ImageErrors.tooLarge();
    const animated = type === 'image/webp' && (meta.pages ?? 1) > 1;
    const generation = parseGenerationInfo(await readEmbeddedTexts(bytes));

    const id = newId();
    const prefix = `samples/${versionId}/${id}`;
    let original: { data: Buffer; info: sharp.OutputInfo };
    const thumbnails: { width: number; key: string; data: Buffer }[] = [];
    try {
      // rotate() applies EXIF orientation; output carries no metadata unless asked (we never ask). Animated WebP keeps
      // every frame; thumbnails show the first.
      const oriented = input(animated).rotate();
      original = await (
        type === 'image/png'
          ? oriented.png()
          : type === 'image/jpeg'
            ? oriented.jpeg({ quality: 92 })
            : oriented.webp({ quality: 92 })
      ).toBuffer({
        resolveWithObject: true,
      });
      for (const width of THUMBNAIL_WIDTHS.filter((w) => w < original.info.width || w === THUMBNAIL_WIDTHS[0])) {
        const data = await sharp(original.data)
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer();
        thumbnails.push({ width, key: `${prefix}/w${width}.webp`, data });
      }
    } catch {
      throw ImageErrors.corrupt();
    }
    const bucket = this.config.storage.mediaBucket;
    const originalKey = `${prefix}/original.${EXTENSION[type]}`;
    const image: SampleImageEntity = {
      id,
      versionId,
      contentType: type,
      width: original.info.width,
      height: animated ? (original.info.pageHeight ?? original.info.height) : original.info.height,
      byteSize: original.data.length,
      storageKey: originalKey,
      thumbnails: thumbnails.map(({ width, key }) => ({ width, key })),
      generation: generation && sanitizeJson(generation),
      createdAt: this.clock.now(),
    };
    const stored: string[] = [];
    try {
      await this.storage.putObject(bucket, originalKey, original.data, original.data.length, type);
      stored.push(originalKey);
      for (const thumb of thumbnails) {
        await this.storage.putObject(bucket, thumb.key, thumb.data, thumb.data.length, 'image/webp');
        stored.push(thumb.key);
      }
      const hashes = (generation?.resources ?? []).map((r) => r.hash).filter((h): h is string => !!h);
      const linked = (await this.images.versionsByFileHashes(hashes)).filter((v) => v !== versionId);
      await this.images.insert(image, linked, (manager) => this.versions.assertDraftLocked(manager, versionId));
    } catch (error) {
      // No row names these objects: remove them, so a refused or failed upload leaves nothing behind in storage.
      await Promise.all(stored.map((key) => this.storage.deleteObject(bucket, key).catch(() => undefined)));
      throw error;
    }
    return image;
  }

  /** Presigned media URLs for display (media bucket, 1 hour): the original and every thumbnail. */
  async urls(image: SampleImageEntity): Promise<{ original: string; thumbnails: { width: number; url: string }[] }> {
    const url = (key: string) => this.storage.presignGet(this.config.storage.mediaBucket, key, { ttlSeconds: 3600 });
    return {
      original: await url(image.storageKey),
      thumbnails: await Promise.all(image.thumbnails.map(async (t) => ({ width: t.width, url: await url(t.key) }))),
    };
  }
}
