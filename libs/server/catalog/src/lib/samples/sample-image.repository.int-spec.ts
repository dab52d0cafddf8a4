import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { SampleImageEntity } from './sample-image.entity';
import { SampleImageRepository } from './sample-image.repository';

describe('SampleImageRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let samples: SampleImageRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([SampleImageEntity]);
    samples = new SampleImageRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const key = (ext = 'webp') => `media/${randomUUID().replace(/-/g, '').padEnd(64, '0')}.${ext}`;
  const image = (versionId: string, keys: { original?: string; thumbnail?: string } = {}): SampleImageEntity => ({
    id: randomUUID(),
    versionId,
    contentType: 'image/png',
    width: 1024,
    height: 1024,
    byteSize: 2048,
    storageKey: keys.original ?? key('png'),
    thumbnails: [{ width: 320, height: 320, key: keys.thumbnail ?? key() }],
    placeholder: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
    generation: null,
    createdAt: new Date(),
  });
  const none = () => Promise.resolve();

  it('stores an image with the versions it credits, only if the precondition holds', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const credited = (await bed.seed.publishedVersion()).versionId;
    const kept = image(versionId);
    await samples.insert(kept, [credited, credited], none);
    await expect(
      samples.insert(image(versionId), [credited], () => Promise.reject(new Error('version was published meanwhile'))),
    ).rejects.toThrow('published meanwhile');
    expect(await samples.countForVersion(versionId)).toBe(1);
    expect(await samples.linkedVersions([kept.id])).toEqual([{ imageId: kept.id, versionId: credited }]);
    expect((await samples.forVersions([versionId]))[0]).toMatchObject({ thumbnails: kept.thumbnails });
  });

  it('credits only published versions of published models whose READY file matches a hash', async () => {
    const shown = await bed.seed.publishedVersion();
    const { sha256, autov2 } = await bed.seed.file(shown.versionId);
    const owner = (await bed.seed.user()).id;
    const draftModel = await bed.seed.model(owner, { status: 'DRAFT' });
    const hidden = await bed.seed.version(draftModel);
    await bed.seed.file(hidden, { sha256: 'e'.repeat(64), autov2: 'e'.repeat(10) });
    expect(await samples.versionsByFileHashes([autov2])).toEqual([shown.versionId]);
    expect(await samples.versionsByFileHashes([sha256, 'e'.repeat(10)])).toEqual([shown.versionId]);
    expect(await samples.versionsByFileHashes([])).toEqual([]);
  });

  it('finds media keys no image names (as original or thumbnail), so a failed upload deletes only those', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const named = image(versionId);
    await samples.insert(named, [], none);
    const loose = key();
    expect(
      (await samples.unreferencedMediaKeys([named.storageKey, named.thumbnails[0]!.key, loose, loose])).sort(),
    ).toEqual([loose]);
    expect(await samples.unreferencedMediaKeys([])).toEqual([]);
  });

  it("lists a model's media keys and which a model that is not taken down shares", async () => {
    const mine = await bed.seed.publishedVersion();
    const other = await bed.seed.publishedVersion();
    const shared = key();
    const own = image(mine.versionId, { thumbnail: shared });
    await samples.insert(own, [], none);
    await samples.insert(image(other.versionId, { original: shared }), [], none);
    const keys = async () =>
      Object.fromEntries((await samples.mediaKeysOfModel(mine.modelId)).map((k) => [k.key, k.sharedWithVisible]));
    expect(await keys()).toEqual({ [own.storageKey]: false, [shared]: true });
    // Once the other model is taken down too, nothing visible needs the shared key any more.
    await bed.dataSource.query(`UPDATE catalog.style_model SET status = 'TAKEN_DOWN' WHERE id = $1`, [other.modelId]);
    expect(await keys()).toEqual({ [own.storageKey]: false, [shared]: false });
  });
});
