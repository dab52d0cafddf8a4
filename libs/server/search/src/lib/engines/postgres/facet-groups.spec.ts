import { countFacets, FACET_BITS, totalOf } from './facet-groups';
import { MAX_FACET_VALUES } from '../search-queries';
import type { FacetGroup } from './facet-groups';

const group = (over: Partial<FacetGroup>): FacetGroup => ({
  fails: 0,
  bits: FACET_BITS.maturity.SFW,
  type: 'LORA',
  baseModel: 'sdxl-1.0',
  n: 1,
  ...over,
});

describe('countFacets', () => {
  // Filtered facets, in the order of their `fails` bits: type is bit 1, commercialUse bit 2.
  const filtered = ['type', 'commercialUse'] as const;

  it("counts a group for a facet when it fails nothing or only that facet's own filter", () => {
    const groups = [
      group({ n: 5 }),
      group({ fails: 1, type: 'CHECKPOINT', n: 3 }),
      group({ fails: 2, bits: FACET_BITS.maturity.SFW, n: 2 }),
    ];
    expect(countFacets(['type', 'commercialUse', 'baseModel'], filtered, groups, null)).toEqual([
      { facet: 'type', value: 'LORA', count: 5 },
      { facet: 'type', value: 'CHECKPOINT', count: 3 },
      { facet: 'commercialUse', value: 'false', count: 7 },
      { facet: 'baseModel', value: 'sdxl-1.0', count: 5 },
    ]);
    expect(totalOf(groups)).toBe(5);
  });

  it('reads known values from their bits, set or clear, and leaves out values no group has', () => {
    const groups = [
      group({ bits: FACET_BITS.template | FACET_BITS.maturity.MATURE | FACET_BITS.tier.COMMERCIAL, n: 2 }),
      group({ bits: FACET_BITS.maturity.SFW | FACET_BITS.tier.COMMERCIAL | FACET_BITS.tier.PERSONAL, n: 3 }),
    ];
    expect(countFacets(['kind', 'maturity', 'tier'], [], groups, null)).toEqual([
      { facet: 'kind', value: 'MODEL', count: 3 },
      { facet: 'kind', value: 'TEMPLATE', count: 2 },
      { facet: 'maturity', value: 'SFW', count: 3 },
      { facet: 'maturity', value: 'MATURE', count: 2 },
      { facet: 'tier', value: 'COMMERCIAL', count: 5 },
      { facet: 'tier', value: 'PERSONAL', count: 3 },
    ]);
  });

  it('skips documents without a value (a template has no type)', () => {
    expect(countFacets(['type'], [], [group({ type: null, n: 4 })], null)).toEqual([]);
  });

  it('keeps the most frequent values, ties by value, and filters by a lower-case prefix', () => {
    const groups = Array.from({ length: MAX_FACET_VALUES + 5 }, (_, i) =>
      group({ baseModel: `Base-${String(i).padStart(2, '0')}`, n: i % 3 }),
    );
    const counts = countFacets(['baseModel'], [], groups, null);
    expect(counts).toHaveLength(MAX_FACET_VALUES);
    expect(counts.slice(0, 2)).toEqual([
      { facet: 'baseModel', value: 'Base-02', count: 2 },
      { facet: 'baseModel', value: 'Base-05', count: 2 },
    ]);
    expect(countFacets(['baseModel'], [], groups, 'base-3').map((c) => c.value)).toEqual([
      'Base-32',
      'Base-31',
      'Base-34',
      'Base-30',
      'Base-33',
    ]);
  });

  it('counts nothing for the tags (the statement counts them) and nothing from no groups', () => {
    expect(countFacets(['tag'], [], [group({})], null)).toEqual([]);
    expect(countFacets(['type', 'price'], [], [], null)).toEqual([]);
    expect(totalOf([])).toBe(0);
  });
});
