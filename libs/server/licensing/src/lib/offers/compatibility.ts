import { ValidationError } from '@lookbook/kernel';
import type { Permissions, Tier } from './permissions';
import { COMMERCIAL_USES } from './permissions';

/**
 * The licence a derivative's creator holds to one parent (someone else's work): the best of their active grants to
 * it and its live FREE offer. `null` when they hold none.
 */
export interface ParentLicence {
  parentVersionId: string;
  permissions: Permissions | null;
}

export interface CompatibilityContext {
  baseModelId: string;
  baseModelNonCommercial: boolean;
  /** Parents owned by someone else (a creator's own parents impose nothing). */
  parents: ParentLicence[];
}

/** Each failed rule has its own code, so a client can say exactly what to change. */
export type CompatibilityRule =
  | 'NON_COMMERCIAL_BASE_MODEL'
  | 'PARENT_LICENSE_REQUIRED'
  | 'PARENT_FORBIDS_DERIVATIVES'
  | 'PARENT_FORBIDS_COMMERCIAL'
  | 'LOOSER_THAN_PARENT';

const broken = (rule: CompatibilityRule, message: string, details: Record<string, string> = {}) =>
  new ValidationError(rule, message, { rule, ...details });

const commercialRank = (p: Permissions) => COMMERCIAL_USES.indexOf(p.commercialUse);

/** Is a numeric limit (null: unlimited) looser than the parent's? */
const looserLimit = (child: number | null, parent: number | null) =>
  parent !== null && (child === null || child > parent);

/** The first way `child` is looser than `parent`, or null when it is no looser anywhere. */
export function looserField(child: Permissions, parent: Permissions): keyof Permissions | null {
  if (commercialRank(child) > commercialRank(parent)) return 'commercialUse';
  if (child.derivativesAllowed && !parent.derivativesAllowed) return 'derivativesAllowed';
  if (child.derivativeMayChangeLicense && !parent.derivativeMayChangeLicense) return 'derivativeMayChangeLicense';
  if (parent.creditRequired && !child.creditRequired) return 'creditRequired';
  if (looserLimit(child.seats, parent.seats)) return 'seats';
  if (looserLimit(child.revenueCap, parent.revenueCap)) return 'revenueCap';
  if (looserLimit(child.printRunCap, parent.printRunCap)) return 'printRunCap';
  return null;
}

/**
 * The licence compatibility rules, checked when a version publishes and whenever a published version's offers change:
 * 1. a non-commercial base model allows no commercial tier;
 * 2. a derivative of someone else's work needs a licence to it, 3. which must allow derivatives;
 * 4. commercial tiers of a derivative need a parent licence that allows commercial use;
 * 5. unless the parent licence lets derivatives change licence, every offer is no looser than it.
 */
export function assertCompatible(
  offers: readonly { tier: Tier; permissions: Permissions }[],
  context: CompatibilityContext,
): void {
  const commercial = offers.find((o) => o.permissions.commercialUse !== 'NONE');
  if (context.baseModelNonCommercial && commercial) {
    throw broken(
      'NON_COMMERCIAL_BASE_MODEL',
      `The base model (${context.baseModelId}) does not allow commercial use, so no commercial tier can be offered`,
      { tier: commercial.tier },
    );
  }
  for (const { parentVersionId, permissions: parent } of context.parents) {
    const where = { parentVersionId };
    if (!parent) {
      throw broken(
        'PARENT_LICENSE_REQUIRED',
        'A derivative needs a licence to each parent it declares: license the parent (or claim its free offer) first',
        where,
      );
    }
    if (!parent.derivativesAllowed) {
      throw broken('PARENT_FORBIDS_DERIVATIVES', 'The licence of a declared parent does not allow derivatives', where);
    }
    if (commercial && parent.commercialUse === 'NONE') {
      throw broken(
        'PARENT_FORBIDS_COMMERCIAL',
        'A declared parent is licensed for non-commercial use only, so no commercial tier can be offered',
        { ...where, tier: commercial.tier },
      );
    }
    if (parent.derivativeMayChangeLicense) continue;
    for (const offer of offers) {
      const field = looserField(offer.permissions, parent);
      if (field) {
        throw broken(
          'LOOSER_THAN_PARENT',
          `The ${offer.tier} offer is looser than a parent's licence (${field}), which derivatives must not exceed`,
          { ...where, tier: offer.tier, field },
        );
      }
    }
  }
}

/** Of several licences to one parent, the one that lets a derivative do the most. */
export function mostPermissive(candidates: Permissions[]): Permissions | null {
  const score = (p: Permissions) => [
    Number(p.derivativesAllowed),
    Number(p.derivativeMayChangeLicense),
    commercialRank(p),
  ];
  let best: Permissions | null = null;
  for (const candidate of candidates) {
    if (!best) {
      best = candidate;
      continue;
    }
    const [a, b] = [score(candidate), score(best)];
    const better = a.findIndex((value, i) => value !== b[i]);
    if (better !== -1 && a[better]! > b[better]!) best = candidate;
  }
  return best;
}
