import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { Clock } from '@lookbook/core';
import { ConflictError, DomainError, NotFoundError } from '@lookbook/kernel';
import { PublicMedia } from '@lookbook/storage';
import { anActor, FakeClock, newTestService, pngWithText, TEST_MANAGER } from '@lookbook/testing';
import { ModelVersionService } from '../versions/model-version.service';
import { SampleImageRepository } from './sample-image.repository';
import { MAX_IMAGE_BYTES, prepareImage, SampleImageService, sniffImageType } from './sample-image.service';

const now = new Date('2026-09-01T10:00:00.000Z');
const owner = anActor('ada');
const VERSION = 'v1';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
const png = (width = 64, height = 48) => solid(width, height).png().toBuffer();
const jpeg = (width = 64, height = 48) => solid(width, height).jpeg().toBuffer();
const webp = (width = 64, height = 48) => solid(width, height).webp().toBuffer();
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1');

/** A PNG whose header claims `width` × `height`: nothing is decoded before the pixel cap refuses it. */
async function pixelBomb(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(1, 1));
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)) >>> 0, 29);
  return bytes;
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('sniffing an image’s type from its bytes', () => {
  it.each<[string, () => Promise<Buffer>, string]>([
    ['a PNG', () => png(), 'image/png'],
    ['a JPEG', () => jpeg(), 'image/jpeg'],
    ['a WebP', () => webp(), 'image/webp'],
  ])('knows %s', async (_name, make, type) => {
    expect(sniffImageType(await make())).toBe(type);
  });

  it.each<[string, Buffer]>([
    ['a GIF', GIF],
    ['nothing', Buffer.alloc(0)],
    ['a PNG signature cut short', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['a RIFF that is not WebP', Buffer.from('RIFF\0\0\0\0WAVEfmt ', 'latin1')],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('knows no type for %s', (_name, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('preparing an image for public serving', () => {
  it.each<[string, string, () => Promise<Buffer> | Buffer, string | undefined]>([
    ['empty bytes', 'IMAGE_TOO_LARGE', () => Buffer.alloc(0), 'image/png'],
    ['bytes over the size cap', 'IMAGE_TOO_LARGE', () => Buffer.alloc(MAX_IMAGE_BYTES + 1), 'image/png'],
    ['a GIF', 'IMAGE_TYPE_UNSUPPORTED', () => GIF, 'image/gif'],
    ['a PNG sent as a JPEG', 'IMAGE_TYPE_MISMATCH', () => png(), 'image/jpeg'],
    ['a JPEG sent as a WebP', 'IMAGE_TYPE_MISMATCH', () => jpeg(), 'IMAGE/WEBP'],
    ['a truncated PNG', 'IMAGE_UNREADABLE', async () => (await png(200, 200)).subarray(0, 60), 'image/png'],
    ['a header claiming 100 megapixels', 'IMAGE_TOO_LARGE', () => pixelBomb(10_000, 10_000), 'image/png'],
  ])('refuses %s (%s)', async (_name, code, make, declared) => {
    expect(await codeOf(prepareImage(await make(), declared))).toBe(code);
  });

  it.each([[undefined], ['application/octet-stream'], ['image/png; charset=binary'], [' Image/PNG ']])(
    'trusts the bytes when the declared type is %j',
    async (declared) => {
      expect((await prepareImage(await png(), declared)).type).toBe('image/png');
    },
  );

  it.each<[string, () => Promise<Buffer>, string]>([
    ['PNG', () => png(), 'png'],
    ['JPEG', () => jpeg(), 'jpg'],
    ['WebP', () => webp(), 'webp'],
  ])('keeps a %s as its own type, under its content key', async (_name, make, extension) => {
    const prepared = await prepareImage(await make(), undefined);
    expect(prepared.extension).toBe(extension);
    expect(prepared.storageKey).toBe(PublicMedia.keyFor(prepared.original.data, prepared.extension));
    expect(prepared.animated).toBe(false);
    expect([prepared.width, prepared.height]).toEqual([64, 48]);
  });

  it('keys another domain’s media apart', async () => {
    const bytes = await png();
    const plain = await prepareImage(bytes, undefined);
    const templates = await prepareImage(bytes, undefined, 'templates');
    expect(templates.storageKey).not.toBe(plain.storageKey);
    expect(templates.storageKey).toBe(PublicMedia.keyFor(templates.original.data, 'png', 'templates'));
  });

  it('drops camera metadata and applies the EXIF orientation', async () => {
    const photo = await solid(40, 20)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Camera Co', Model: 'GPS Cam' } } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const prepared = await prepareImage(photo, 'image/jpeg');
    const meta = await sharp(prepared.original.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect([prepared.width, prepared.height]).toEqual([20, 40]);
  });

  it.each<[number, number[]]>([
    [200, [200]],
    [320, [320]],
    [1000, [320, 640]],
    [1500, [320, 640, 1280]],
  ])('renders WebP thumbnails of a %p px wide image, never enlarged: %j', async (width, widths) => {
    const prepared = await prepareImage(await png(width, 100), undefined);
    expect(prepared.thumbnails.map((t) => t.width)).toEqual(widths);
    for (const thumb of prepared.thumbnails) {
      expect(sniffImageType(thumb.data)).toBe('image/webp');
      expect(thumb.key).toBe(PublicMedia.keyFor(thumb.data, 'webp'));
    }
    expect(prepared.placeholder).toMatch(/^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{20,40}$/);
  });
});

describe('adding a sample image to a version', () => {
  function setUp({ count = 0, linked = [] as string[] } = {}) {
    const { sut, mock } = newTestService(SampleImageService, [[Clock, new FakeClock(now)]]);
    const media = mock(PublicMedia);
    media.put.mockImplementation((bytes: Buffer, extension) => Promise.resolve(PublicMedia.keyFor(bytes, extension)));
    media.delete.mockResolvedValue(undefined);
    const versions = mock(ModelVersionService);
    versions.ownedDraft.mockResolvedValue({} as never);
    versions.assertDraftLocked.mockResolvedValue(undefined);
    const images = mock(SampleImageRepository);
    images.countForVersion.mockResolvedValue(count);
    images.versionsByFileHashes.mockResolvedValue(linked);
    images.insert.mockResolvedValue(undefined);
    images.unreferencedMediaKeys.mockImplementation((keys) => Promise.resolve([...keys]));
    return { sut, media, versions, images };
  }
  const A1111 = [
    'ink wash mountains <lora:inkwash_v2:0.8>',
    'Steps: 28, Sampler: Euler, CFG scale: 6.5, Seed: 1, Size: 64x48, Model hash: 31e35c80fc, Model: sdxl, Lora hashes: "inkwash_v2: 9f8e7d6c5b"',
  ].join('\n');

  it('stores the image and its thumbnails, and records it with its generation info', async () => {
    const { sut, media, images, versions } = setUp();
    const image = await sut.add(owner, VERSION, await png(700, 400), 'image/png');
    expect(versions.ownedDraft).toHaveBeenCalledWith(owner, VERSION);
    expect(image).toMatchObject({
      versionId: VERSION,
      contentType: 'image/png',
      width: 700,
      height: 400,
      createdAt: now,
    });
    expect(image.thumbnails.map((t) => t.width)).toEqual([320, 640]);
    expect(image.generation).toBeNull();
    expect(media.put.mock.calls.map(([, extension]) => extension)).toEqual(['png', 'webp', 'webp']);
    expect(media.put.mock.calls.map(([bytes, extension]) => PublicMedia.keyFor(bytes, extension))).toEqual([
      image.storageKey,
      ...image.thumbnails.map((t) => t.key),
    ]);
    expect(images.insert).toHaveBeenCalledWith(image, [], expect.any(Function));
    expect(media.delete).not.toHaveBeenCalled();
  });

  it('credits the catalog versions whose files the generation info names, but not the version itself', async () => {
    const { sut, images } = setUp({ linked: ['other-version', VERSION] });
    const image = await sut.add(owner, VERSION, await pngWithText(64, 48, { parameters: A1111 }), undefined);
    expect(images.versionsByFileHashes).toHaveBeenCalledWith(['31e35c80fc', '9f8e7d6c5b']);
    expect(images.insert).toHaveBeenCalledWith(image, ['other-version'], expect.any(Function));
    expect(image.generation).toMatchObject({ tool: 'a1111', steps: 28 });
  });

  it('re-checks under the version lock that it is still a draft', async () => {
    const { sut, images, versions } = setUp();
    await sut.add(owner, VERSION, await png(), undefined);
    const precondition = images.insert.mock.calls[0]![2];
    await precondition(TEST_MANAGER);
    expect(versions.assertDraftLocked).toHaveBeenCalledWith(TEST_MANAGER, VERSION);
  });

  it('refuses someone else’s or a published version before reading the image', async () => {
    const { sut, versions, media, images } = setUp();
    versions.ownedDraft.mockRejectedValue(new NotFoundError('VERSION_NOT_FOUND', 'x'));
    expect(await codeOf(sut.add(anActor('eve'), VERSION, await png(), undefined))).toBe('VERSION_NOT_FOUND');
    expect(images.countForVersion).not.toHaveBeenCalled();
    expect(media.put).not.toHaveBeenCalled();
  });

  it.each([
    [29, 'ok'],
    [30, 'TOO_MANY_IMAGES'],
    [31, 'TOO_MANY_IMAGES'],
  ])('with %p images already: %s', async (count, outcome) => {
    const { sut, media, images } = setUp({ count });
    expect(await codeOf(sut.add(owner, VERSION, await png(), undefined))).toBe(outcome);
    expect(images.insert).toHaveBeenCalledTimes(outcome === 'ok' ? 1 : 0);
    if (outcome !== 'ok') expect(media.put).not.toHaveBeenCalled();
  });

  it('stores nothing for an image it cannot use', async () => {
    const { sut, media, images } = setUp();
    expect(await codeOf(sut.add(owner, VERSION, GIF, 'image/gif'))).toBe('IMAGE_TYPE_UNSUPPORTED');
    expect(media.put).not.toHaveBeenCalled();
    expect(images.insert).not.toHaveBeenCalled();
  });

  it('removes what it stored when the record is refused, except media another image still names', async () => {
    const { sut, media, images } = setUp();
    images.insert.mockRejectedValue(new ConflictError('VERSION_PUBLISHED', 'published meanwhile'));
    images.unreferencedMediaKeys.mockImplementation((keys) => Promise.resolve(keys.slice(1)));
    expect(await codeOf(sut.add(owner, VERSION, await png(700, 400), undefined))).toBe('VERSION_PUBLISHED');
    const stored = media.put.mock.calls.map(([bytes, extension]) => PublicMedia.keyFor(bytes, extension));
    expect(images.unreferencedMediaKeys).toHaveBeenCalledWith(stored);
    expect(media.delete.mock.calls.map(([key]) => key)).toEqual(stored.slice(1));
  });

  it('cleans up after a storage failure halfway, and still reports the failure', async () => {
    const { sut, media, images } = setUp();
    media.put.mockImplementationOnce((bytes: Buffer, ext) => Promise.resolve(PublicMedia.keyFor(bytes, ext)));
    media.put.mockRejectedValueOnce(new Error('S3 down'));
    expect(await codeOf(sut.add(owner, VERSION, await png(700, 400), undefined))).toBe('Error: S3 down');
    expect(images.insert).not.toHaveBeenCalled();
    expect(media.delete).toHaveBeenCalledTimes(1);
  });

  it('reports the original failure even when the clean-up fails too', async () => {
    const { sut, media, images } = setUp();
    images.insert.mockRejectedValue(new Error('insert failed'));
    images.unreferencedMediaKeys.mockRejectedValue(new Error('db down'));
    expect(await codeOf(sut.add(owner, VERSION, await png(), undefined))).toBe('Error: insert failed');
    expect(media.delete).not.toHaveBeenCalled();
  });
});
