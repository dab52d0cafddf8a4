import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { BaseModelEntity } from './base-model.entity';
import { BaseModelRepository } from './base-model.repository';

describe('BaseModelRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let baseModels: BaseModelRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([BaseModelEntity]);
    baseModels = new BaseModelRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  it('lists the seeded base models in their display order, ending with Other', async () => {
    const all = await baseModels.all();
    expect(all.map((b) => b.id).slice(0, 2)).toEqual(['sd-1.5', 'sdxl-1.0']);
    expect(all.at(-1)!.id).toBe('other');
    expect(await baseModels.byId('flux.1-d')).toMatchObject({
      nonCommercial: true,
      licenseName: 'FLUX.1 [dev] Non-Commercial License',
      licenseUrl: 'https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md',
    });
    expect(await baseModels.byId('other')).toMatchObject({ licenseUrl: null, licenseConditions: null });
    expect(await baseModels.byId('nope')).toBeNull();
  });

  it('saves a new base model or changes an existing one', async () => {
    const at = new Date('2026-09-01T00:00:00.000Z');
    await baseModels.save({
      id: 'qwen-image',
      name: 'Qwen Image',
      ecosystem: 'Qwen',
      licenseName: 'Apache License 2.0',
      licenseUrl: 'https://www.apache.org/licenses/LICENSE-2.0',
      licenseConditions: null,
      nonCommercial: false,
      sortOrder: 80,
      updatedAt: at,
    });
    await baseModels.save({ ...(await baseModels.byId('qwen-image'))!, sortOrder: 5 });
    expect((await baseModels.all()).map((b) => b.id)[0]).toBe('qwen-image');
  });
});
