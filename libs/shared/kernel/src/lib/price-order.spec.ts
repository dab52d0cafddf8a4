import { CURRENCIES } from './currency';
import { cheapestPrice, currenciesWithoutRate, priceOrderKey } from './price-order';

describe('price order', () => {
  it('has a reference rate for every currency we sell in, and none for others', () => {
    expect(currenciesWithoutRate()).toEqual([]);
    for (const code of ['XXX', 'BTC', 'usd', '']) expect(priceOrderKey(100, code)).toBeNull();
  });

  it('orders prices within a currency exactly, by amount (numbers, not text)', () => {
    for (const code of CURRENCIES.keys()) {
      const amounts = [300, 2900, 2400, 10, 99_999_999, 1000];
      const byKey = [...amounts].sort((a, b) => priceOrderKey(a, code)! - priceOrderKey(b, code)!);
      expect([code, byKey]).toEqual([code, [...amounts].sort((a, b) => a - b)]);
    }
  });

  it.each([
    // [cheaper, dearer]: what a buyer would expect, whatever the minor units say.
    [
      { amount: 300, currency: 'USD' },
      { amount: 2900, currency: 'USD' },
    ],
    [
      { amount: 500, currency: 'JPY' },
      { amount: 2900, currency: 'USD' },
    ],
    [
      { amount: 3000, currency: 'KWD' },
      { amount: 2900, currency: 'USD' },
    ],
    [
      { amount: 2900, currency: 'USD' },
      { amount: 10_000, currency: 'JPY' },
    ],
    [
      { amount: 2000, currency: 'GBP' },
      { amount: 2900, currency: 'EUR' },
    ],
    [
      { amount: 50_000, currency: 'KRW' },
      { amount: 5000, currency: 'USD' },
    ],
  ])('puts %j before %j', (cheaper, dearer) => {
    expect(priceOrderKey(cheaper.amount, cheaper.currency)!).toBeLessThan(
      priceOrderKey(dearer.amount, dearer.currency)!,
    );
    expect(cheapestPrice([dearer, cheaper])).toBe(cheaper);
    expect(cheapestPrice([cheaper, dearer])).toBe(cheaper);
  });

  it('picks nothing from nothing, and prefers the smaller amount on equal keys', () => {
    expect(cheapestPrice([])).toBeNull();
    const a = { amount: 2400, currency: 'USD', tier: 'COMMERCIAL' };
    const b = { amount: 2400, currency: 'USD', tier: 'PERSONAL' };
    expect(cheapestPrice([a, b])).toBe(a);
  });
});
