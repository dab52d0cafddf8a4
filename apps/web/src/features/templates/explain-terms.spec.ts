import { explainTerms } from './explain-terms';

const terms = {
  remixAllowed: true,
  changeableSlots: ['seed', 'prompt'],
  allowedUses: ['PERSONAL', 'COMMERCIAL'],
  attribution: ['Harbour Cats © Harbour Studio'],
  ipShareBps: 1500,
  maxMaturity: 'SUGGESTIVE',
  requiredTags: ['harbour-cats'],
  approval: 'MANUAL',
};

describe('remix terms in plain words', () => {
  it('says what fans may change, use and owe, and who approves', () => {
    expect(explainTerms(terms)).toEqual([
      'Fans may remix it, changing only seed and prompt; everything else stays as you set it.',
      'Remixes may be used for personal and commercial purposes.',
      'You receive 15% of every sale of a remix (after the platform fee), however deep the remix.',
      'Remixes are rated at most suggestive.',
      'Every remix carries #harbour-cats.',
      'Every remix credits “Harbour Cats © Harbour Studio”.',
      'You approve each remix before it can be published.',
      'Remixes can tighten these terms for their own fans, never loosen them.',
    ]);
  });

  it('follows every change: shares with decimals, personal only, any parameter, no remixing', () => {
    expect(explainTerms({ ...terms, ipShareBps: 1250 })[2]).toContain('12.5%');
    expect(explainTerms({ ...terms, allowedUses: ['PERSONAL'] })[2]).toBe(
      'Remixes cannot be sold: commercial use is not allowed.',
    );
    expect(explainTerms({ ...terms, changeableSlots: null })[0]).toBe('Fans may remix it and change every parameter.');
    expect(explainTerms({ ...terms, changeableSlots: [] })[0]).toBe(
      'Fans may remix it, but may not change any parameter.',
    );
    expect(explainTerms({ ...terms, approval: 'AUTOMATIC' })).toContain(
      'Remixes are published without waiting for you.',
    );
    expect(explainTerms({ ...terms, remixAllowed: false })).toEqual(['Fans may not remix this template.']);
  });

  it('says plainly when no share goes to an IP owner (an unbound template keeps its other terms)', () => {
    const unbound = { ...terms, ipShareBps: 0, approval: 'AUTOMATIC' };
    expect(explainTerms(unbound, 'fan')[2]).toBe('No share of remix sales goes to an IP owner.');
    expect(explainTerms(unbound)[2]).toBe('You receive no share of remix sales.');
    expect(explainTerms(unbound, 'fan')).toContain('Remixes are published without waiting for approval.');
    expect(explainTerms({ ...unbound, allowedUses: ['PERSONAL'] }, 'fan')[2]).toBe(
      'Remixes cannot be sold: commercial use is not allowed.',
    );
  });

  it('speaks to a fan about the IP owner', () => {
    const fan = explainTerms(terms, 'fan');
    expect(fan[2]).toMatch(/^The IP owner receives 15%/);
    expect(fan[6]).toBe('The IP owner approves each remix before it can be published.');
  });
});
