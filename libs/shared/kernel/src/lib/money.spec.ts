import fc from 'fast-check';
import { allocate, money, MoneyError } from './money';

describe('money', () => {
  it('rejects fractional amounts and malformed currencies', () => {
    expect(() => money(1.5, 'EUR')).toThrow(MoneyError);
    expect(() => money(100, 'eur')).toThrow(MoneyError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'EUR')).toThrow(MoneyError);
  });

  it('allocates with the largest remainder rule', () => {
    expect(allocate(money(100, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([34, 33, 33]);
    expect(allocate(money(1000, 'USD'), [1500, 8500]).map((m) => m.amount)).toEqual([150, 850]);
    expect(allocate(money(1, 'USD'), [1, 2]).map((m) => m.amount)).toEqual([0, 1]);
  });

  it('rejects bad weights', () => {
    expect(() => allocate(money(10, 'EUR'), [])).toThrow(MoneyError);
    expect(() => allocate(money(10, 'EUR'), [0, 0])).toThrow(MoneyError);
    expect(() => allocate(money(10, 'EUR'), [-1, 2])).toThrow(MoneyError);
  });

  it('parts always sum to the total and differ from the exact share by less than one unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const parts = allocate(money(amount, 'EUR'), weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(amount);
          parts.forEach((p, i) => expect(Math.abs(p.amount - (amount * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });
});
