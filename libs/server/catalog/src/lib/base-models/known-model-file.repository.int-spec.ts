import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { newId } from '@lookbook/kernel';
import { BaseModelEntity } from './base-model.entity';
import { KnownModelFileEntity } from './known-model-file.entity';
import { KnownModelFileRepository } from './known-model-file.repository';
import { identifyKnownFiles, licenseOf } from './known-model-file.service';

const FLUX_DEV = '4610115bb0c89560703c892c59ac2742fa821e60ef5871b33493ba544683abd7';
const AE = 'afc8e28272cd15db3919bacdb6918ce9c1ed22e96cb12c4d5ed0fba823529e38';

describe('KnownModelFileRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let files: KnownModelFileRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([BaseModelEntity, KnownModelFileEntity]);
    files = new KnownModelFileRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('holds the seeded base-model files with their base models, in base-model order, encoders last', async () => {
    const all = await files.all();
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all[0]!.baseModel!.id).toBe('sd-1.5');
    expect(all.at(-1)!.baseModel).toBeNull();
    const dev = all.find((f) => f.sha256 === FLUX_DEV)!;
    expect(dev).toMatchObject({ fileName: 'flux1-dev.safetensors', kind: 'diffusion_model', licenseName: null });
    expect(licenseOf(dev)).toEqual({
      name: 'FLUX.1 [dev] Non-Commercial License',
      url: 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
      conditions: 'Using the model commercially needs a licence from Black Forest Labs.',
      nonCommercial: true,
    });
    // Text encoders carry their own licences; the FLUX.1 autoencoder is the Apache-2.0 [schnell] release.
    expect(licenseOf(all.find((f) => f.fileName === 't5xxl_fp16.safetensors')!)).toMatchObject({
      name: 'Apache License 2.0',
      nonCommercial: false,
    });
    expect(licenseOf(all.find((f) => f.sha256 === AE)!)).toMatchObject({ name: 'Apache License 2.0' });
    // Every hash is lower-case hex, listed once; every name-only row is the only one of its name.
    const hashes = all.flatMap((f) => (f.sha256 ? [f.sha256] : []));
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(all.filter((f) => !f.sha256).map((f) => f.fileName)).toEqual(
      expect.arrayContaining(['Illustrious-XL-v0.1.safetensors', 't5xxl_fp8_e4m3fn_scaled.safetensors']),
    );
  });

  it('finds by SHA-256 or by lower-cased name in one statement, and identifies each reference', async () => {
    const rows = await files.matching([FLUX_DEV], ['flux1-dev-fp8.safetensors', 'clip_l.safetensors']);
    expect(rows.map((r) => r.fileName).sort()).toEqual([
      'clip_l.safetensors',
      'flux1-dev-fp8.safetensors', // Comfy-Org's checkpoint and Kijai's diffusion model
      'flux1-dev-fp8.safetensors',
      'flux1-dev.safetensors',
    ]);
    expect(await files.matching([], [])).toEqual([]);
    const [byHash, byName, twoOfAName, unknownHash] = identifyKnownFiles(
      [
        { sha256: FLUX_DEV, name: 'renamed.safetensors' },
        { sha256: null, name: 'text_encoders\\CLIP_L.safetensors' },
        { sha256: null, name: 'flux1-dev-fp8.safetensors' },
        { sha256: 'f'.repeat(64), name: 'flux1-dev.safetensors' },
      ],
      rows,
    );
    expect(byHash).toMatchObject({ matchedBy: 'SHA256', title: 'FLUX.1 [dev]', baseModelName: 'Flux.1 D' });
    expect(byName).toMatchObject({ matchedBy: 'FILE_NAME', candidates: 1, license: { name: 'MIT License' } });
    expect(twoOfAName).toMatchObject({ matchedBy: 'FILE_NAME', candidates: 2, licensesAgree: true });
    expect(unknownHash).toBeNull();
  });

  it('saves, changes and removes an entry; a hash or a name-only entry listed twice is refused', async () => {
    const id = newId();
    const entry = {
      id,
      fileName: 'qwen_image_fp8_e4m3fn.safetensors',
      sha256: 'b'.repeat(64),
      kind: 'diffusion_model',
      title: 'Qwen-Image fp8',
      baseModelId: null,
      licenseName: 'Apache License 2.0',
      licenseUrl: 'https://www.apache.org/licenses/LICENSE-2.0',
      licenseConditions: null,
      nonCommercial: false,
      sourceUrl: 'https://huggingface.co/Comfy-Org/Qwen-Image_ComfyUI',
      updatedAt: new Date('2026-09-01T00:00:00.000Z'),
    };
    await files.save(entry);
    await files.save({ ...entry, title: 'Qwen-Image (fp8)' });
    expect(await files.byId(id)).toMatchObject({ title: 'Qwen-Image (fp8)', baseModel: null });
    await expect(files.save({ ...entry, id: newId() })).rejects.toMatchObject({ code: 'KNOWN_FILE_EXISTS' });
    const nameOnly = { ...entry, id: newId(), sha256: null, fileName: 'Illustrious-XL-v0.1.safetensors' };
    await expect(files.save(nameOnly)).rejects.toMatchObject({ code: 'KNOWN_FILE_EXISTS' });
    const orphan = { ...entry, id: newId(), sha256: 'c'.repeat(64), baseModelId: 'nope' };
    await expect(files.save(orphan)).rejects.toMatchObject({ code: 'UNKNOWN_BASE_MODEL' });
    expect(await files.remove(id)).toBe(true);
    expect(await files.remove(id)).toBe(false);
    expect(await files.byId(id)).toBeNull();
  });
});
