import { missingLicences } from './license-all-missing';

const offer = (id: string, priceAmount: number, priceCurrency = 'USD', tier = 'COMMERCIAL') => ({
  id,
  tier,
  priceAmount,
  priceCurrency,
});

describe('what a roll-up lacks, to license in one checkout', () => {
  it('takes every line’s cheapest covering offer once, totalled per currency, in the roll-up’s order', () => {
    expect(
      missingLicences([
        { status: 'AVAILABLE', offer: offer('a', 2900) },
        { status: 'HELD', offer: null },
        { status: 'AVAILABLE', offer: offer('b', 1001) },
        { status: 'AVAILABLE', offer: offer('a', 2900) }, // the same LoRA loaded twice: one licence
        { status: 'OWN', offer: null },
        { status: 'UNKNOWN', offer: null },
      ]),
    ).toEqual({ groups: [{ currency: 'USD', offerIds: ['a', 'b'], total: 3901 }], free: 0 });
  });

  it('makes one group per currency (one checkout each), exact in each currency’s minor units', () => {
    expect(
      missingLicences([
        { status: 'AVAILABLE', offer: offer('y1', 500, 'JPY') },
        { status: 'AVAILABLE', offer: offer('k1', 12_340, 'KWD') },
        { status: 'AVAILABLE', offer: offer('y2', 1234, 'JPY') },
        { status: 'AVAILABLE', offer: offer('k2', 210, 'KWD') },
      ]).groups,
    ).toEqual([
      { currency: 'JPY', offerIds: ['y1', 'y2'], total: 1734 },
      { currency: 'KWD', offerIds: ['k1', 'k2'], total: 12_550 },
    ]);
  });

  it('counts free licences apart (they are claimed, not bought) and ignores what cannot be licensed', () => {
    expect(
      missingLicences([
        { status: 'CLAIMABLE', offer: offer('f', 0, 'EUR', 'FREE') },
        { status: 'NOT_OFFERED', offer: null },
        { status: 'UNUSED' },
      ]),
    ).toEqual({ groups: [], free: 1 });
    expect(missingLicences([])).toEqual({ groups: [], free: 0 });
  });
});
