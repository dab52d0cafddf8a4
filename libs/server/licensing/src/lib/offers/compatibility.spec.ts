import { domainErrorOf } from '@lookbook/testing';
import type { CompatibilityContext } from './compatibility';
import { assertCompatible, looserField, mostPermissive } from './compatibility';
import type { Permissions, Tier } from './permissions';

const open: Permissions = {
  commercialUse: 'SELL_GENERATED_IMAGES',
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: true,
  creditLine: 'Ada',
  seats: 5,
  revenueCap: null,
  printRunCap: 1000,
};
const personal: Permissions = { ...open, commercialUse: 'NONE' };
const offer = (tier: Tier, permissions: Permissions) => ({ tier, permissions });
const context = (over: Partial<CompatibilityContext> = {}): CompatibilityContext => ({
  baseModelId: 'sdxl-1.0',
  baseModelNonCommercial: false,
  parents: [],
  ...over,
});
const ruleOf = (run: () => void): string | undefined => {
  const error = domainErrorOf(run);
  const field = error?.details['field'];
  return typeof field === 'string' ? `${error!.code}:${field}` : error?.code;
};
const parent = (permissions: Permissions | null) => [{ parentVersionId: 'p1', permissions }];

describe('licence compatibility rules', () => {
  it('accepts anything on a commercial base model without parents', () => {
    expect(ruleOf(() => assertCompatible([offer('COMMERCIAL', { ...open, seats: null })], context()))).toBeUndefined();
  });

  it('refuses commercial tiers on a non-commercial base model, and allows personal ones', () => {
    const ctx = context({ baseModelNonCommercial: true });
    expect(ruleOf(() => assertCompatible([offer('COMMERCIAL', open)], ctx))).toBe('NON_COMMERCIAL_BASE_MODEL');
    expect(ruleOf(() => assertCompatible([offer('PERSONAL', personal)], ctx))).toBeUndefined();
  });

  it('needs a licence to each parent, one that allows derivatives', () => {
    expect(ruleOf(() => assertCompatible([offer('PERSONAL', personal)], context({ parents: parent(null) })))).toBe(
      'PARENT_LICENSE_REQUIRED',
    );
    const noDerivatives = context({ parents: parent({ ...open, derivativesAllowed: false }) });
    expect(ruleOf(() => assertCompatible([offer('PERSONAL', personal)], noDerivatives))).toBe(
      'PARENT_FORBIDS_DERIVATIVES',
    );
  });

  it('needs a commercial parent licence for commercial tiers, even when the licence may change', () => {
    const ctx = context({ parents: parent({ ...personal, derivativeMayChangeLicense: true }) });
    expect(ruleOf(() => assertCompatible([offer('COMMERCIAL', open)], ctx))).toBe('PARENT_FORBIDS_COMMERCIAL');
    expect(ruleOf(() => assertCompatible([offer('PERSONAL', personal)], ctx))).toBeUndefined();
  });

  it.each<[string, Partial<Permissions>]>([
    ['commercialUse', { commercialUse: 'PAID_GENERATION_SERVICE' }],
    ['derivativeMayChangeLicense', { derivativeMayChangeLicense: true }],
    ['creditRequired', { creditRequired: false, creditLine: null }],
    ['seats', { seats: 6 }],
    ['seats', { seats: null }],
    ['revenueCap', { revenueCap: null }],
    ['printRunCap', { printRunCap: 1001 }],
  ])('keeps a child no looser than a parent that forbids a different licence (%s)', (field, change) => {
    const ctx = context({ parents: parent({ ...open, revenueCap: 100_000 }) });
    expect(
      ruleOf(() => assertCompatible([offer('COMMERCIAL', { ...open, revenueCap: 100_000, ...change })], ctx)),
    ).toBe(`LOOSER_THAN_PARENT:${field}`);
  });

  it('allows a child that is as strict or stricter, or anything when the parent lets the licence change', () => {
    const strict = context({ parents: parent(open) });
    expect(
      ruleOf(() =>
        assertCompatible([offer('COMMERCIAL', { ...open, seats: 1, revenueCap: 5000, printRunCap: 10 })], strict),
      ),
    ).toBeUndefined();
    const free = context({ parents: parent({ ...open, derivativeMayChangeLicense: true }) });
    expect(
      ruleOf(() =>
        assertCompatible([offer('COMMERCIAL', { ...open, commercialUse: 'RESELL_MODEL', seats: null })], free),
      ),
    ).toBeUndefined();
  });

  it('names the field in looserField and finds none for equal terms', () => {
    expect(looserField(open, open)).toBeNull();
    expect(looserField({ ...open, derivativesAllowed: true }, { ...open, derivativesAllowed: false })).toBe(
      'derivativesAllowed',
    );
  });

  it('picks the licence that lets a derivative do the most', () => {
    const noDerivatives = { ...open, derivativesAllowed: false, commercialUse: 'RESELL_MODEL' as const };
    const changeable = { ...personal, derivativeMayChangeLicense: true };
    expect(mostPermissive([])).toBeNull();
    expect(mostPermissive([noDerivatives, open])).toBe(open);
    expect(mostPermissive([open, changeable, noDerivatives])).toBe(changeable);
    expect(mostPermissive([personal, open])).toBe(open);
  });
});
