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

  const image = (versionId: string): SampleImageEntity => ({
    id: randomUUID(),
    versionId,
    contentType: 'image/png',
    width: 1024,
    height: 1024,
    byteSize: 2048,
    storageKey: `samples/${randomUUID()}.png`,
    thumbnails: [{ width: 320, key: 'samples/t.webp' }],
    generation: null,
    createdAt: new Date(),
  });

  it('stores an image with the versions it credits, only if the precondition holds', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const credited = (await bed.seed.publishedVersion()).versionId;
    const kept = image(versionId);
    await samples.insert(kept, [credited, credited], () => Promise.resolve());
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
});
