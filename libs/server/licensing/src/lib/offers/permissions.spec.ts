import fc from 'fast-check';
import { ValidationError } from '@lookbook/kernel';
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
    const text = licenseText('COMMERCIAL', validatePermissions('COMMERCIAL', base), 'Ink Wash v1', 'EUR');
    expect(text).toContain('You may sell and otherwise commercially use images');
    expect(text).toContain('under terms no looser than these');
    expect(text).toContain('\u201cInk Wash by Ada\u201d');
    const looser = licenseText(
      'COMMERCIAL',
      validatePermissions('COMMERCIAL', { ...base, derivativeMayChangeLicense: true }),
      'Ink Wash v1',
      'EUR',
    );
    expect(termsHash(looser)).not.toBe(termsHash(text));
    expect(termsHash(text)).toBe(
      termsHash(licenseText('COMMERCIAL', validatePermissions('COMMERCIAL', base), 'Ink Wash v1', 'EUR')),
    );
    expect(licenseText('EXCLUSIVE', validatePermissions('EXCLUSIVE', base), 'X', 'EUR')).toContain('Exclusivity');
  });

  it('formats money in the price currency, from its exponent', () => {
    const capped = { ...base, revenueCap: 500_000 };
    expect(licenseText('ENTERPRISE', validatePermissions('ENTERPRISE', capped), 'X', 'EUR')).toContain('€5,000.00');
    expect(licenseText('ENTERPRISE', validatePermissions('ENTERPRISE', capped), 'X', 'JPY')).toContain('¥500,000');
    expect(licenseText('ENTERPRISE', validatePermissions('ENTERPRISE', capped), 'X', 'KWD')).toMatch(/KWD\s500\.000/);
  });

  it('refuses credit lines that would add a line to the terms', () => {
    for (const creditLine of ['Ada.\n\n4. Commercial use. NOT permitted', 'Ada\r5. Revenue cap', 'a\tb', 'a\u2028b'])
      expect(() => validatePermissions('COMMERCIAL', { ...base, creditLine })).toThrow(
        expect.objectContaining({ code: 'INVALID_TEXT', details: expect.objectContaining({ problem: 'LINE_BREAK' }) }),
      );
    expect(() => validatePermissions('COMMERCIAL', { ...base, creditLine: '\u200b\u2060' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TEXT', details: expect.objectContaining({ problem: 'BLANK' }) }),
    );
  });

  /** The text with every quoted user string emptied: what its inputs must not be able to change. */
  const skeleton = (text: string) => text.replace(/\u201c[^\u201d]*\u201d/g, '\u201c\u201d');

  it('no credit line or work name can change the structure of the generated terms (property)', () => {
    const reference = skeleton(licenseText('COMMERCIAL', validatePermissions('COMMERCIAL', base), 'Work', 'EUR'));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (line, name) => {
          let permissions: Permissions;
          try {
            permissions = validatePermissions('COMMERCIAL', { ...base, creditLine: line });
          } catch (error) {
            expect(error).toBeInstanceOf(ValidationError); // refused with a typed error, never a different text
            return;
          }
          const text = licenseText('COMMERCIAL', permissions, name, 'EUR');
          expect(skeleton(text)).toBe(reference);
        },
      ),
      { numRuns: 500 },
    );
  });
});
