import { Clock } from '@lookbook/core';
import { DomainError } from '@lookbook/kernel';
import { FakeClock, newTestService } from '@lookbook/testing';
import type { BaseModelEntity } from './base-model.entity';
import { BaseModelRepository } from './base-model.repository';
import { BaseModelService } from './base-model.service';

const now = new Date('2026-02-01T08:00:00.000Z');
type Input = Parameters<BaseModelService['upsert']>[0];

const input = (change: Partial<Input> = {}): Input => ({
  id: 'sdxl-1.0',
  name: 'SDXL 1.0',
  ecosystem: 'SDXL',
  licenseName: 'CreativeML Open RAIL++-M',
  nonCommercial: false,
  ...change,
});
const stored = (change: Partial<BaseModelEntity> = {}): BaseModelEntity => ({
  ...input(),
  licenseUrl: 'https://example.com/licence',
  licenseConditions: 'Use-based restrictions apply',
  sortOrder: 10,
  updatedAt: new Date('2025-01-01T00:00:00.000Z'),
  ...change,
});

function setUp(current: BaseModelEntity | null = null) {
  const { sut, mock } = newTestService(BaseModelService, [[Clock, new FakeClock(now)]]);
  const baseModels = mock(BaseModelRepository);
  baseModels.byId.mockResolvedValue(current);
  baseModels.save.mockResolvedValue(undefined);
  return { sut, baseModels };
}
const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('adding and replacing base models', () => {
  it('adds a base model with its labels trimmed, the default sort order and no licence link or note', async () => {
    const { sut, baseModels } = setUp(null);
    const model = await sut.upsert(input({ name: '  SDXL 1.0 ', licenseName: ' RAIL++ ' }));
    expect(model).toEqual({
      id: 'sdxl-1.0',
      name: 'SDXL 1.0',
      ecosystem: 'SDXL',
      licenseName: 'RAIL++',
      nonCommercial: false,
      licenseUrl: null,
      licenseConditions: null,
      sortOrder: 100,
      updatedAt: now,
    });
    expect(baseModels.save).toHaveBeenCalledWith(model);
    expect(baseModels.byId).toHaveBeenCalledWith('sdxl-1.0');
  });

  it.each<[string, Partial<Input>, Partial<BaseModelEntity>]>([
    ['left out: the current link and note are kept', {}, stored()],
    [
      'null: they are cleared',
      { licenseUrl: null, licenseConditions: null },
      { licenseUrl: null, licenseConditions: null },
    ],
    [
      'empty: they are cleared',
      { licenseUrl: '', licenseConditions: '' },
      { licenseUrl: null, licenseConditions: null },
    ],
    [
      'given: they replace the current ones',
      { licenseUrl: ' https://flux.example/licence ', licenseConditions: ' No commercial use ' },
      { licenseUrl: 'https://flux.example/licence', licenseConditions: 'No commercial use' },
    ],
  ])('replaces a base model; licence link and note %s', async (_name, change, expected) => {
    const { sut } = setUp(stored());
    const model = await sut.upsert(input(change));
    expect({ licenseUrl: model.licenseUrl, licenseConditions: model.licenseConditions }).toEqual({
      licenseUrl: expected.licenseUrl,
      licenseConditions: expected.licenseConditions,
    });
  });

  it.each<[number | null | undefined, number]>([
    [undefined, 100],
    [null, 100],
    [0, 0],
    [5, 5],
  ])('uses the sort order %p as %p', async (sortOrder, expected) => {
    const { sut } = setUp(null);
    expect((await sut.upsert(input({ sortOrder }))).sortOrder).toBe(expected);
  });

  it.each([['SDXL'], ['-sdxl'], ['s'], ['sd xl'], ['sdxl_1'], ['a'.repeat(41)], ['']])(
    'refuses the id %j (UNKNOWN_BASE_MODEL) without reading or writing',
    async (id) => {
      const { sut, baseModels } = setUp();
      expect(await codeOf(sut.upsert(input({ id })))).toBe('UNKNOWN_BASE_MODEL');
      expect(baseModels.byId).not.toHaveBeenCalled();
      expect(baseModels.save).not.toHaveBeenCalled();
    },
  );

  it.each([['sd'], ['flux.1-dev'], ['a'.repeat(40)], ['0x']])('accepts the id %j', async (id) => {
    const { sut, baseModels } = setUp();
    await sut.upsert(input({ id }));
    expect(baseModels.save).toHaveBeenCalledWith(expect.objectContaining({ id }));
  });

  it.each<[string, string, Partial<Input>]>([
    ['an empty name', 'INVALID_LABEL', { name: '  ' }],
    ['a name of 81 characters', 'INVALID_LABEL', { name: 'n'.repeat(81) }],
    ['an ecosystem on two lines', 'INVALID_TEXT', { ecosystem: 'SD\nXL' }],
    ['an empty licence name', 'INVALID_LABEL', { licenseName: '' }],
    ['an http licence link', 'INVALID_URL', { licenseUrl: 'http://example.com/licence' }],
    ['a licence link that is no URL', 'INVALID_URL', { licenseUrl: 'see the readme' }],
    ['a javascript: licence link', 'INVALID_URL', { licenseUrl: 'javascript:alert(1)' }],
    ['a licence link over 500 characters', 'INVALID_URL', { licenseUrl: `https://e.com/${'a'.repeat(490)}` }],
    ['a licence note over 300 characters', 'INVALID_CONDITIONS', { licenseConditions: 'c'.repeat(301) }],
  ])('refuses %s (%s) and saves nothing', async (_name, code, change) => {
    const { sut, baseModels } = setUp(stored());
    expect(await codeOf(sut.upsert(input(change)))).toBe(code);
    expect(baseModels.save).not.toHaveBeenCalled();
  });

  it('lists every base model', async () => {
    const { sut, baseModels } = setUp();
    baseModels.all.mockResolvedValue([stored(), stored({ id: 'flux-1' })]);
    expect((await sut.list()).map((b) => b.id)).toEqual(['sdxl-1.0', 'flux-1']);
  });
});
