import { Clock } from '@lookbook/core';
import { FakeClock, newTestService } from '@lookbook/testing';
import type { BaseModelEntity } from './base-model.entity';
import { BaseModelRepository } from './base-model.repository';
import type { KnownModelFileEntity } from './known-model-file.entity';
import { KnownModelFileRepository } from './known-model-file.repository';
import type { KnownModelFileInput } from './known-model-file.service';
import { identifyKnownFiles, KnownModelFileService, licenseOf } from './known-model-file.service';

const now = new Date('2026-09-01T09:00:00.000Z');
const base = (id: string, licenseName: string, nonCommercial: boolean): BaseModelEntity => ({
  id,
  name: id.toUpperCase(),
  ecosystem: 'Flux',
  licenseName,
  licenseUrl: `https://example.test/${id}`,
  licenseConditions: nonCommercial ? 'Ask first.' : null,
  nonCommercial,
  sortOrder: 1,
  updatedAt: now,
});
const DEV = base('flux.1-d', 'FLUX.1 [dev] Non-Commercial License', true);
const SCHNELL = base('flux.1-s', 'Apache License 2.0', false);
const file = (change: Partial<KnownModelFileEntity>): KnownModelFileEntity => ({
  id: change.sha256 ?? change.fileName ?? 'x',
  fileName: 'flux1-dev.safetensors',
  sha256: null,
  kind: 'diffusion_model',
  title: 'FLUX.1 [dev]',
  baseModelId: DEV.id,
  baseModel: DEV,
  licenseName: null,
  licenseUrl: null,
  licenseConditions: null,
  nonCommercial: null,
  sourceUrl: 'https://huggingface.co/black-forest-labs/FLUX.1-dev',
  updatedAt: now,
  ...change,
});
const H = (c: string) => c.repeat(64);

describe('which well-known file a workflow loads', () => {
  const rows = [
    file({ sha256: H('d') }),
    file({
      fileName: 'ae.safetensors',
      sha256: H('a'),
      kind: 'vae',
      title: 'FLUX.1 AE',
      baseModelId: SCHNELL.id,
      baseModel: SCHNELL,
    }),
    file({
      fileName: 'clip_l.safetensors',
      sha256: H('c'),
      kind: 'text_encoder',
      title: 'CLIP-L',
      baseModelId: null,
      baseModel: null,
      licenseName: 'MIT License',
      nonCommercial: false,
    }),
    // Two files published under one name and different licences.
    file({ fileName: 'model.safetensors', sha256: H('1'), title: 'A', baseModelId: SCHNELL.id, baseModel: SCHNELL }),
    file({ fileName: 'model.safetensors', sha256: H('2'), title: 'B' }),
  ];

  it('is decided by a stated SHA-256 alone, whatever the name; without one, by file name in any folder or case', () => {
    const [hashed, renamed, wrongHash, named, nested] = identifyKnownFiles(
      [
        { sha256: H('d'), name: 'flux1-dev.safetensors' },
        { sha256: H('a'), name: 'my-vae.safetensors' },
        { sha256: H('e'), name: 'flux1-dev.safetensors' }, // a fine-tune saved under the famous name
        { sha256: null, name: 'FLUX1-DEV.safetensors' },
        { sha256: null, name: 'text_encoders/sub\\clip_l.safetensors' },
      ],
      rows,
    );
    expect(hashed).toMatchObject({
      matchedBy: 'SHA256',
      candidates: 1,
      title: 'FLUX.1 [dev]',
      baseModelName: 'FLUX.1-D',
    });
    expect(renamed).toMatchObject({
      matchedBy: 'SHA256',
      fileName: 'ae.safetensors',
      license: { name: 'Apache License 2.0' },
    });
    expect(wrongHash).toBeNull();
    expect(named).toMatchObject({ matchedBy: 'FILE_NAME', licensesAgree: true, license: { nonCommercial: true } });
    expect(nested).toMatchObject({ matchedBy: 'FILE_NAME', baseModelId: null, license: { name: 'MIT License' } });
  });

  it('says when files of one name disagree on commercial use, naming the stricter licence', () => {
    const [ambiguous] = identifyKnownFiles([{ sha256: null, name: 'model.safetensors' }], rows);
    expect(ambiguous).toMatchObject({
      candidates: 2,
      licensesAgree: false,
      title: 'B',
      license: { name: 'FLUX.1 [dev] Non-Commercial License', nonCommercial: true },
    });
    expect(identifyKnownFiles([{ sha256: null, name: 'nothing.safetensors' }], rows)).toEqual([null]);
  });

  it('reads a file’s own licence before its base model’s', () => {
    expect(licenseOf(rows[2]!)).toEqual({ name: 'MIT License', url: null, conditions: null, nonCommercial: false });
    expect(licenseOf(rows[0]!)).toEqual({
      name: 'FLUX.1 [dev] Non-Commercial License',
      url: 'https://example.test/flux.1-d',
      conditions: 'Ask first.',
      nonCommercial: true,
    });
    // A file whose base model cannot be read (never with the table's checks) reads as restrictive.
    expect(licenseOf(file({ baseModel: null })).nonCommercial).toBe(true);
  });
});

describe('KnownModelFileService', () => {
  const input: KnownModelFileInput = {
    fileName: 'flux1-krea-dev.safetensors',
    sha256: H('F'),
    kind: 'diffusion_model',
    title: 'FLUX.1 Krea [dev]',
    baseModelId: 'flux.1-d',
    sourceUrl: 'https://huggingface.co/black-forest-labs/FLUX.1-Krea-dev',
  };
  const setUp = () => {
    const t = newTestService(KnownModelFileService, [[Clock, new FakeClock(now)]]);
    t.mock(BaseModelRepository).byId.mockImplementation((id: string) => Promise.resolve(id === DEV.id ? DEV : null));
    t.mock(KnownModelFileRepository).save.mockResolvedValue(undefined);
    t.mock(KnownModelFileRepository).byId.mockImplementation((id: string) =>
      Promise.resolve(id === 'known' ? file({}) : null),
    );
    return t;
  };

  it('looks up a whole workflow in one read: hashes where stated, lower-cased file names otherwise', async () => {
    const { sut, mock } = setUp();
    mock(KnownModelFileRepository).matching.mockResolvedValue([file({ sha256: H('d') })]);
    const refs = [
      { sha256: H('d'), name: 'a.safetensors' },
      { sha256: null, name: 'unet/Flux1-Dev.safetensors' },
      { sha256: null, name: 'flux1-dev.safetensors' },
    ];
    const found = await sut.identify(refs);
    expect(mock(KnownModelFileRepository).matching).toHaveBeenCalledWith([H('d')], ['flux1-dev.safetensors']);
    expect(found.map((f) => f?.matchedBy)).toEqual(['SHA256', 'FILE_NAME', 'FILE_NAME']);
  });

  it('adds an entry with normalised fields, under its base model or with a licence of its own', async () => {
    const { sut, mock } = setUp();
    await sut.upsert({ ...input, fileName: ' flux1-krea-dev.safetensors ', title: ' FLUX.1 Krea [dev] ' });
    expect(mock(KnownModelFileRepository).save).toHaveBeenCalledWith(
      expect.objectContaining({
        fileName: 'flux1-krea-dev.safetensors',
        sha256: H('f'),
        title: 'FLUX.1 Krea [dev]',
        licenseName: null,
        nonCommercial: null,
        updatedAt: now,
      }),
    );
    await sut.upsert({
      ...input,
      baseModelId: null,
      sha256: null,
      licenseName: 'Apache License 2.0',
      licenseUrl: 'https://www.apache.org/licenses/LICENSE-2.0',
      nonCommercial: false,
    });
    expect(mock(KnownModelFileRepository).save).toHaveBeenLastCalledWith(
      expect.objectContaining({
        sha256: null,
        baseModelId: null,
        licenseName: 'Apache License 2.0',
        nonCommercial: false,
      }),
    );
  });

  it.each<[string, Partial<KnownModelFileInput>, string]>([
    ['a folder in the name', { fileName: 'unet/flux.safetensors' }, 'INVALID_FILE_NAME'],
    ['a blank name', { fileName: ' ' }, 'INVALID_FILE_NAME'],
    ['a NUL in the name', { fileName: 'a\u0000.safetensors' }, 'INVALID_TEXT'],
    ['a short hash', { sha256: 'abc' }, 'INVALID_SHA256'],
    ['an unknown kind', { kind: 'spaceship' }, 'INVALID_KIND'],
    ['no licence and no base model', { baseModelId: null }, 'KNOWN_FILE_LICENSE_MISSING'],
    ['a licence name without its commercial fact', { licenseName: 'MIT License' }, 'KNOWN_FILE_LICENSE_MISSING'],
    ['a licence link without a licence', { licenseUrl: 'https://example.test/l' }, 'KNOWN_FILE_LICENSE_MISSING'],
    ['an unknown base model', { baseModelId: 'sd-9' }, 'UNKNOWN_BASE_MODEL'],
    ['a plain-http source', { sourceUrl: 'http://example.test/x' }, 'INVALID_URL'],
    ['a source that is no address', { sourceUrl: 'not a url' }, 'INVALID_URL'],
    [
      'a licence link with a space',
      { baseModelId: null, licenseName: 'X', nonCommercial: false, licenseUrl: 'https://a.test/b c' },
      'INVALID_URL',
    ],
    ['an id that is not an entry', { id: '00000000-0000-4000-8000-000000000009' }, 'KNOWN_FILE_NOT_FOUND'],
  ])('refuses %s with a typed error and saves nothing', async (_case, change, code) => {
    const { sut, mock } = setUp();
    await expect(sut.upsert({ ...input, ...change })).rejects.toMatchObject({ code });
    expect(mock(KnownModelFileRepository).save).not.toHaveBeenCalled();
  });

  it('removes an entry, or says it is not there', async () => {
    const { sut, mock } = setUp();
    mock(KnownModelFileRepository).remove.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    await expect(sut.remove('known')).resolves.toBeUndefined();
    await expect(sut.remove('gone')).rejects.toMatchObject({ code: 'KNOWN_FILE_NOT_FOUND' });
  });
});
