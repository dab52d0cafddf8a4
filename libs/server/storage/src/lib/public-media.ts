import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import type { ObjectStorage } from './object-storage';
import { OBJECT_STORAGE } from './object-storage';

/** Public objects live under this prefix of the media bucket; a CDN (MEDIA_PUBLIC_URL) serves exactly that prefix. */
export const PUBLIC_MEDIA_PREFIX = 'media/';
/** Where a taken-down model's media waits for a restore: same bucket, outside what the CDN and /media serve. */
export const WITHHELD_MEDIA_PREFIX = 'withheld/';

export const MEDIA_TYPES = { webp: 'image/webp', png: 'image/png', jpg: 'image/jpeg' } as const;
export type MediaExtension = keyof typeof MEDIA_TYPES;

/** `<sha256>.<ext>`: the only names /media serves. */
export const MEDIA_NAME = /^[0-9a-f]{64}\.(webp|png|jpg)$/;

/**
 * Public media (sample images, thumbnails; later avatars and covers): content-addressed keys, so a URL names one set
 * of bytes forever and every cache may keep it forever. URLs are plain strings from the key — no signing, so a page
 * of cards costs no crypto. Private bytes (model files) never come here: they leave through presigned URLs only.
 */
@Injectable()
export class PublicMedia {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * The content key of bytes. A `namespace` (another domain's media) hashes it in too, so two domains never share a
   * key: each counts its own references, and withholding one's media never hides the other's.
   */
  static keyFor(bytes: Buffer, extension: MediaExtension, namespace?: string): string {
    const hash = createHash('sha256');
    if (namespace) hash.update(`${namespace}\0`);
    return `${PUBLIC_MEDIA_PREFIX}${hash.update(bytes).digest('hex')}.${extension}`;
  }

  /** The stable URL of a public key (`media/<name>` → `MEDIA_PUBLIC_URL/<name>`). */
  url(key: string): string {
    const name = key.startsWith(PUBLIC_MEDIA_PREFIX) ? key.slice(PUBLIC_MEDIA_PREFIX.length) : key;
    return `${this.config.storage.mediaPublicUrl}/${name}`;
  }

  /** Stores bytes under their content key (writing the same bytes twice is harmless) and returns the key. */
  async put(bytes: Buffer, extension: MediaExtension, namespace?: string): Promise<string> {
    const key = PublicMedia.keyFor(bytes, extension, namespace);
    await this.storage.putObject(this.bucket, key, bytes, bytes.length, MEDIA_TYPES[extension]);
    return key;
  }

  async delete(key: string): Promise<void> {
    await this.storage.deleteObject(this.bucket, key);
  }

  /** Takes a key out of public serving (kept aside for a restore). Idempotent. */
  async withhold(key: string): Promise<void> {
    await this.move(key, WITHHELD_MEDIA_PREFIX + key.slice(PUBLIC_MEDIA_PREFIX.length));
  }

  /** Puts a withheld key back. Idempotent. */
  async restore(key: string): Promise<void> {
    await this.move(WITHHELD_MEDIA_PREFIX + key.slice(PUBLIC_MEDIA_PREFIX.length), key);
  }

  /** Size and type of a public object by name, or null (unknown name, never stored, or withheld). */
  async head(name: string): Promise<{ size: number; contentType: string } | null> {
    if (!MEDIA_NAME.test(name)) return null;
    const info = await this.storage.headObject(this.bucket, PUBLIC_MEDIA_PREFIX + name);
    return info && { size: info.size, contentType: MEDIA_TYPES[name.split('.')[1] as MediaExtension] };
  }

  open(name: string, range?: { start: number; end: number }): Promise<Readable> {
    return this.storage.getObject(this.bucket, PUBLIC_MEDIA_PREFIX + name, range);
  }

  private get bucket(): string {
    return this.config.storage.mediaBucket;
  }

  private async move(from: string, to: string): Promise<void> {
    if (!(await this.storage.headObject(this.bucket, from))) return;
    await this.storage.copyObject(this.bucket, from, this.bucket, to);
    await this.storage.deleteObject(this.bucket, from);
  }
}
