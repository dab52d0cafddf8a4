import { MATURITY_LEVELS, TIERS } from '@lookbook/kernel';
import type { Facet } from '../../query/search-request';
import type { FacetCount } from '../search-queries';
import { byCount, MAX_FACET_VALUES } from '../search-queries';

/**
 * The bits of `facet_bits`, a column generated from the document's columns (migration 1765400000000): facet values
 * with few possibilities, one bit each (a model is a document without the template bit).
 */
export const FACET_BITS = {
  template: 1,
  maturity: { SFW: 2, SUGGESTIVE: 4, MATURE: 8, EXPLICIT: 16 },
  tier: { FREE: 32, PERSONAL: 64, COMMERCIAL: 128, ENTERPRISE: 256, EXCLUSIVE: 512 },
  free: 1024,
  paid: 2048,
  commercialUse: 4096,
  derivativesAllowed: 8192,
  creditRequired: 16384,
} as const;

/** A value is present when `bits & mask` is non-zero (`set`) or zero (not `set`). */
type KnownValue = readonly [value: string, mask: number, set: boolean];
const flag = (mask: number): KnownValue[] => [
  ['true', mask, true],
  ['false', mask, false],
];

/** Facets with a few known values, each one `facet_bits` bit. */
const KNOWN_VALUES: Partial<Record<Facet, readonly KnownValue[]>> = {
  kind: [
    ['MODEL', FACET_BITS.template, false],
    ['TEMPLATE', FACET_BITS.template, true],
  ],
  maturity: MATURITY_LEVELS.map((m) => [m, FACET_BITS.maturity[m], true]),
  tier: TIERS.map((t) => [t, FACET_BITS.tier[t], true]),
  price: [
    ['FREE', FACET_BITS.free, true],
    ['PAID', FACET_BITS.paid, true],
  ],
  commercialUse: flag(FACET_BITS.commercialUse),
  derivativesAllowed: flag(FACET_BITS.derivativesAllowed),
  creditRequired: flag(FACET_BITS.creditRequired),
};

/** Facets with open values, one per document (null: none). */
const GROUPED_FACETS = { type: 'type', baseModel: 'baseModel' } as const satisfies Partial<
  Record<Facet, keyof FacetGroup>
>;

/**
 * Matching documents that fail at most one facet's filters, grouped by what the facets read: `fails` has bit i set
 * when the document fails the i-th filtered facet; `n` documents share the other columns.
 */
export interface FacetGroup {
  fails: number;
  bits: number;
  type: string | null;
  baseModel: string | null;
  n: number;
}

/** The facet's bit in `fails` (0: the request does not filter on it). */
export function ownBit(filtered: readonly Facet[], facet: Facet): number {
  const i = filtered.indexOf(facet);
  return i < 0 ? 0 : 1 << i;
}

/** A document counts for a facet when it passes every filter but that facet's own: `fails` is 0 or its bit. */
function passesAllBut(filtered: readonly Facet[], facet: Facet): (fails: number) => boolean {
  const own = ownBit(filtered, facet);
  return (fails) => fails === 0 || fails === own;
}

/** Matches passing every filter. */
export const totalOf = (groups: readonly FacetGroup[]) => groups.reduce((sum, g) => sum + (g.fails === 0 ? g.n : 0), 0);

/**
 * Every facet's counts but the tags' from the groups (a few hundred rows, not the thousands of matches they stand
 * for): the most frequent values first, ties by value, at most `MAX_FACET_VALUES`, only values starting with
 * `prefix` (lower case) when given.
 */
export function countFacets(
  facets: readonly Facet[],
  filtered: readonly Facet[],
  groups: readonly FacetGroup[],
  prefix: string | null,
): FacetCount[] {
  const out: FacetCount[] = [];
  for (const facet of facets) {
    const counts = new Map<string, number>();
    const passes = passesAllBut(filtered, facet);
    const known = KNOWN_VALUES[facet];
    const column = GROUPED_FACETS[facet as keyof typeof GROUPED_FACETS];
    for (const g of groups) {
      if (!passes(g.fails)) continue;
      if (known) {
        for (const [value, mask, set] of known)
          if (((g.bits & mask) !== 0) === set) counts.set(value, (counts.get(value) ?? 0) + g.n);
      } else if (column) {
        const value = g[column];
        if (value !== null) counts.set(value, (counts.get(value) ?? 0) + g.n);
      }
    }
    out.push(
      ...[...counts]
        .filter(([value]) => !prefix || value.toLowerCase().startsWith(prefix))
        .map(([value, count]) => ({ facet, value, count }))
        .sort(byCount)
        .slice(0, MAX_FACET_VALUES),
    );
  }
  return out;
}
