import { choosePartSize } from '@lookbook/kernel';
import { normaliseFileName } from './file-name';

const MIB = 1024 * 1024;

describe('choosePartSize', () => {
  it.each([
    [1, 8 * MIB],
    [10 * 1000 * 1000, 8 * MIB],
    [1024 ** 3, 8 * MIB],
    [10 * 1000 ** 3, 10 * MIB],
    [20 * 1024 ** 3, 21 * MIB],
  ])('%d bytes → %d-byte parts', (size, part) => {
    expect(choosePartSize(size)).toBe(part);
  });

  it('keeps every upload within S3 limits (≥ 5 MiB parts, ≤ 1,000 parts)', () => {
    for (const size of [1, 5 * MIB, 8 * MIB + 1, 999 * MIB, 10 * 1024 ** 3, 20 * 1024 ** 3]) {
      const part = choosePartSize(size);
      expect(part).toBeGreaterThanOrEqual(5 * MIB);
      expect(part % MIB).toBe(0);
      expect(Math.ceil(size / part)).toBeLessThanOrEqual(1000);
    }
  });
});

describe('normaliseFileName', () => {
  it('keeps ordinary and non-Latin names', () => {
    expect(normaliseFileName('  ink wash v1.safetensors ')).toBe('ink wash v1.safetensors');
    expect(normaliseFileName('水墨画_v2.SAFETENSORS')).toBe('水墨画_v2.SAFETENSORS');
  });
  it.each([
    'a/b.safetensors',
    'a\\b.safetensors',
    '.hidden.safetensors',
    'x\u0007.safetensors',
    'x\u2066.safetensors',
    'model.bin',
    '',
  ])('refuses %j', (name) =>
    expect(() => normaliseFileName(name)).toThrow(expect.objectContaining({ code: 'INVALID_FILE_NAME' })),
  );
});
