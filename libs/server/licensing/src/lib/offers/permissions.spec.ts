import type { Permissions } from './permissions';
import { licenseText, termsHash, validatePermissions } from './permissions';

const base: Permissions = {
  commercialUse: 'SELL_GENERATED_IMAGES',
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: true,
  creditLine: ' Ink Wash by Ada ',
  seats: null,
  revenueCap: null,
  printRunCap: null,
};

describe('licence permissions', () => {
  it('normalises and accepts a coherent set', () => {
    expect(validatePermissions('COMMERCIAL', base).creditLine).toBe('Ink Wash by Ada');
  });

  it.each<[string, Parameters<typeof validatePermissions>[0], Partial<Permissions>]>([
    ['personal with commercial use', 'PERSONAL', {}],
    ['free with commercial use', 'FREE', {}],
    ['commercial without commercial use', 'COMMERCIAL', { commercialUse: 'NONE' }],
    ['credit required without a line', 'COMMERCIAL', { creditLine: '  ' }],
    [
      'licence change without derivatives',
      'COMMERCIAL',
      { derivativesAllowed: false, derivativeMayChangeLicense: true },
    ],
    ['zero seats', 'COMMERCIAL', { seats: 0 }],
    ['fractional revenue cap', 'ENTERPRISE', { revenueCap: 10.5 }],
    ['overlong credit line', 'COMMERCIAL', { creditLine: 'x'.repeat(201) }],
  ])('refuses %s', (_name, tier, override) => {
    expect(() => validatePermissions(tier, { ...base, ...override })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERMISSIONS' }),
    );
  });

  it('derives the text from the permissions, so different terms get different hashes', () => {
    const text = licenseText('COMMERCIAL', validatePermissions('COMMERCIAL', base), 'Ink Wash v1');
    expect(text).toContain('You may sell and otherwise commercially use images');
    expect(text).toContain('under terms no looser than these');
    expect(text).toContain('"Ink Wash by Ada"');
    const looser = licenseText(
      'COMMERCIAL',
      validatePermissions('COMMERCIAL', { ...base, derivativeMayChangeLicense: true }),
      'Ink Wash v1',
    );
    expect(termsHash(looser)).not.toBe(termsHash(text));
    expect(termsHash(text)).toBe(
      termsHash(licenseText('COMMERCIAL', validatePermissions('COMMERCIAL', base), 'Ink Wash v1')),
    );
    expect(licenseText('EXCLUSIVE', validatePermissions('EXCLUSIVE', base), 'X')).toContain('Exclusivity');
  });
});
