import fc from 'fast-check';
import { shareByWeights, takeBack } from './shares';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('sharing the processor fee (and provider-side refunds) over lines', () => {
  it.each([
    // fee, currency, line amounts → each line's part
    [59, 'USD', [1000, 1000, 1000], [20, 20, 19]], // 19.67 each: the earlier line wins the tie
    [100, 'USD', [2999, 1, 1000], [75, 0, 25]], // 74.98 / 0.025 / 25.0
    [33, 'JPY', [500, 1200, 300], [8, 20, 5]], // yen have no minor unit: whole yen, summing to 33
    [1, 'KWD', [1250, 1250], [1, 0]], // 0.001 KWD: one fils, to the first of two equal lines
    [0, 'EUR', [1000, 2000], [0, 0]],
    [777, 'EUR', [1000], [777]],
  ])('shares %p %s over %j as %j', (fee, currency, amounts, parts) => {
    expect(shareByWeights(fee, currency, amounts)).toEqual(parts);
  });

  it('always sums to the fee, each part within one unit of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 20 }),
        (fee, amounts) => {
          const parts = shareByWeights(fee, 'JPY', amounts);
          expect(sum(parts)).toBe(fee);
          const total = sum(amounts);
          parts.forEach((p, i) => expect(Math.abs(p - (fee * amounts[i]!) / total)).toBeLessThan(1));
        },
      ),
    );
  });
});

describe('taking money back from the parties of a line', () => {
  it.each([
    // amount, what each party still holds (platform first) → what each gives back
    [333, [150, 600, 250], [50, 200, 83]], // 49.95 / 199.8 / 83.25
    [1000, [150, 600, 250], [150, 600, 250]], // everything
    [5000, [150, 600, 250], [150, 600, 250]], // never more than is held
    [500, [0, 0, 150], [0, 0, 150]], // only the one who still holds anything gives
    [7, [0, 0, 0], [0, 0, 0]], // nothing held: nobody gives (the caller books the loss)
    [1, [1, 1, 1], [1, 0, 0]],
  ])('takes %p from %j as %j', (amount, held, taken) => {
    expect(takeBack(amount, 'EUR', held)).toEqual(taken);
  });

  it('never takes a party below zero, and takes exactly the amount while enough is held (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        (held, amount) => {
          const taken = takeBack(amount, 'KWD', held);
          taken.forEach((t, i) => {
            expect(t).toBeGreaterThanOrEqual(0);
            expect(t).toBeLessThanOrEqual(held[i]!);
          });
          expect(sum(taken)).toBe(Math.min(amount, sum(held)));
        },
      ),
    );
  });
});
