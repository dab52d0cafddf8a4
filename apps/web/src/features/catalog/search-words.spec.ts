import { formatMoney } from '@lookbook/kernel/browser';
import { priceLabel, priceOf } from '../../lib/licence-labels';
import { withoutWords } from './search-words';

describe('the words a search left out', () => {
  it.each([
    ['neon cta', ['cta'], 'neon'],
    ['Neon  CTA!', ['cta'], 'Neon'],
    ['did you mean watercolor', ['did', 'you', 'mean'], 'watercolor'],
    ['sd-1.5 glow qqq', ['qqq'], 'sd-1.5 glow'],
    ['Café ink', ['cafe'], 'ink'],
  ])('%j less %j is %j', (query, dropped, left) => {
    expect(withoutWords(query, dropped)).toBe(left);
  });
});

describe('card prices', () => {
  const offer = (tier: string, priceAmount: number, priceCurrency = 'USD') => ({ tier, priceAmount, priceCurrency });

  it.each([
    [[offer('FREE', 0), offer('COMMERCIAL', 2400)], 'Free · Commercial $24.00'],
    [[offer('FREE', 0)], 'Free'],
    [[offer('PERSONAL', 300), offer('COMMERCIAL', 2900)], 'Personal $3.00'],
    // The cheapest across currencies by approximate value: ¥500 (≈ $3.25) beats KWD 3.000 (≈ $9.78) and $29.
    [[offer('COMMERCIAL', 2900), offer('PERSONAL', 3000, 'KWD'), offer('ENTERPRISE', 500, 'JPY')], 'Enterprise ¥500'],
    [[], null],
  ])('%j reads %j', (offers, label) => {
    expect(priceLabel(priceOf(offers), formatMoney)).toBe(label);
  });

  it('shows what the search hit says when it has it', () => {
    expect(
      priceLabel({ free: true, cheapestPaid: { tier: 'COMMERCIAL', amount: 2400, currency: 'EUR' } }, formatMoney),
    ).toBe('Free · Commercial €24.00');
    expect(priceLabel({ free: false, cheapestPaid: null }, formatMoney)).toBeNull();
  });
});
