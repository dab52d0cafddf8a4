import { Injectable } from '@nestjs/common';
import { encode as encodeBlurhash } from 'blurhash';
import sharp from 'sharp';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { newId, sanitizeJson, ValidationError } from '@lookbook/kernel';
import type { MediaExtension } from '@lookbook/storage';
import { PublicMedia } from '@lookbook/storage';
import type { ImageType, SampleImageEntity } from './sample-image.entity';
import { ModelVersionService } from '../versions/model-version.service';
import { readEmbeddedTexts } from './embedded-text';
import { parseGenerationInfo } from './generation-metadata';
import { SampleImageRepository } from './sample-image.repository';

export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Checked from the header before any pixel is decoded: a 1 KB "pixel bomb" cannot claim gigapixels. */
export const MAX_IMAGE_PIXELS = 40_000_000;
const THUMBNAIL_WIDTHS = [320, 640, 1280];
/** BlurHash components (x by y, chosen by aspect) over a ≤32 px rendition: ~30 characters, decoded by the client. */
const PLACEHOLDER_SIZE = 32;
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

const EXTENSION: Record<ImageType, MediaExtension> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** A compact placeholder the client paints before the image arrives. */
async function placeholderOf(image: Buffer): Promise<string> {
  const { data, info } = await sharp(image)
    .resize(PLACEHOLDER_SIZE, PLACEHOLDER_SIZE, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const wide = info.width >= info.height;
  return encodeBlurhash(new Uint8ClampedArray(data), info.width, info.height, wide ? 4 : 3, wide ? 3 : 4);
}

/** An image made ready for public serving: re-encoded without metadata, WebP thumbnails, a placeholder. */
export interface PreparedImage {
  type: ImageType;
  extension: MediaExtension;
  animated: boolean;
  original: { data: Buffer; info: sharp.OutputInfo };
  /** The original's public key (in `namespace`, when given). */
  storageKey: string;
  thumbnails: { width: number; height: number; key: string; data: Buffer }[];
  placeholder: string;
  width: number;
  height: number;
}

/**
 * Sniffs an image, caps its pixels before decoding, auto-orients it, re-encodes it without any metadata (so camera
 * EXIF and GPS never reach the public file) and renders WebP thumbnails and a BlurHash. Typed errors for anything
 * that is not a readable PNG, JPEG or WebP within the limits. `namespace` keys another domain's media apart.
 */
export async function prepareImage(
  bytes: Buffer,
  declaredType: string | undefined,
  namespace?: string,
): Promise<PreparedImage> {
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

  let original: { data: Buffer; info: sharp.OutputInfo };
  const renditions: { data: Buffer; info: sharp.OutputInfo }[] = [];
  let placeholder: string;
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
      renditions.push(
        await sharp(original.data)
          .resize({ width, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true }),
      );
    }
    placeholder = await placeholderOf(renditions[0]!.data);
  } catch {
    throw ImageErrors.corrupt();
  }
  return {
    type,
    extension: EXTENSION[type],
    animated,
    original,
    storageKey: PublicMedia.keyFor(original.data, EXTENSION[type], namespace),
    thumbnails: renditions.map(({ data, info }) => ({
      width: info.width,
      height: info.height,
      key: PublicMedia.keyFor(data, 'webp', namespace),
      data,
    })),
    placeholder,
    width: original.info.width,
    height: animated ? (original.info.pageHeight ?? original.info.height) : original.info.height,
  };
}

@Injectable()
export class SampleImageService {
  constructor(
    private readonly media: PublicMedia,
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
    const { type, extension, original, storageKey, thumbnails, placeholder, width, height } = await prepareImage(
      bytes,
      declaredType,
    );
    const generation = parseGenerationInfo(await readEmbeddedTexts(bytes));
    const image: SampleImageEntity = {
      id: newId(),
      versionId,
      contentType: type,
      width,
      height,
      byteSize: original.data.length,
      storageKey,
      thumbnails: thumbnails.map(({ width, height, key }) => ({ width, height, key })),
      placeholder,
      generation: generation && sanitizeJson(generation),
      createdAt: this.clock.now(),
    };
    const stored: string[] = [];
    try {
      stored.push(await this.media.put(original.data, extension));
      for (const thumb of thumbnails) stored.push(await this.media.put(thumb.data, 'webp'));
      const hashes = (generation?.resources ?? []).map((r) => r.hash).filter((h): h is string => !!h);
      const linked = (await this.images.versionsByFileHashes(hashes)).filter((v) => v !== versionId);
      await this.images.insert(image, linked, (manager) => this.versions.assertDraftLocked(manager, versionId));
    } catch (error) {
      // Keys are content addresses another image may share: remove only those no image names, so a refused or
      // failed upload leaves nothing behind and breaks nobody else's picture.
      const orphans = await this.images.unreferencedMediaKeys(stored).catch(() => []);
      await Promise.all(orphans.map((key) => this.media.delete(key).catch(() => undefined)));
      throw error;
    }
    return image;
  }
}
