import fc from 'fast-check';
import { money } from '@lookbook/kernel';
import { domainErrorOf } from '@lookbook/testing';
import type { SplitShare } from './split-plan';
import { BPS, splitPlan } from './split-plan';

const seller = (shareBps = BPS): SplitShare => ({ recipientId: 'seller', role: 'SELLER', shareBps });
const codeOf = (run: () => unknown) => domainErrorOf(run)?.code;

describe('split plans', () => {
  it('takes the platform fee and gives the rest to the seller', () => {
    const plan = splitPlan(money(4900, 'EUR'), 1500, [seller()]);
    expect(plan.platformFee).toEqual(money(735, 'EUR'));
    expect(plan.parts).toEqual([{ recipientId: 'seller', role: 'SELLER', amount: money(4165, 'EUR') }]);
  });

  it('splits along a lineage to the cent, largest remainder first', () => {
    // 1001 cents, 10% fee → 100.1 fee, 900.9 left: IP owner 30% (270.27), parent 20% (180.18), seller 50% (450.45).
    const plan = splitPlan(money(1001, 'USD'), 1000, [
      { recipientId: 'ip', role: 'IP_OWNER', shareBps: 3000 },
      { recipientId: 'parent', role: 'REMIX_PARENT', shareBps: 2000 },
      seller(5000),
    ]);
    expect([plan.platformFee.amount, ...plan.parts.map((p) => p.amount.amount)]).toEqual([100, 270, 180, 451]);
  });

  it.each<[string, () => unknown, string]>([
    ['a zero price', () => splitPlan(money(0, 'EUR'), 1000, [seller()]), 'INVALID_PRICE'],
    ['a negative price', () => splitPlan(money(-5, 'EUR'), 1000, [seller()]), 'INVALID_PRICE'],
    ['a fee above 100%', () => splitPlan(money(100, 'EUR'), 10_001, [seller()]), 'INVALID_PLATFORM_FEE'],
    ['a fractional fee', () => splitPlan(money(100, 'EUR'), 10.5, [seller()]), 'INVALID_PLATFORM_FEE'],
    ['no recipients', () => splitPlan(money(100, 'EUR'), 1000, []), 'INVALID_SPLIT'],
    ['shares short of 100%', () => splitPlan(money(100, 'EUR'), 1000, [seller(9999)]), 'INVALID_SPLIT'],
    [
      'a zero share',
      () => splitPlan(money(100, 'EUR'), 1000, [seller(BPS), { ...seller(0), recipientId: 'x' }]),
      'INVALID_SPLIT',
    ],
    ['a recipient twice', () => splitPlan(money(100, 'EUR'), 1000, [seller(5000), seller(5000)]), 'INVALID_SPLIT'],
  ])('refuses %s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('always sums to the price, stays within a cent of every exact share, and is deterministic (property)', () => {
    const sharesArb = fc
      .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
      .map((weights) => {
        // Turn arbitrary weights into basis points that sum to exactly 10,000.
        const total = weights.reduce((a, b) => a + b, 0);
        const bps = weights.map((w) => Math.max(1, Math.floor((w * BPS) / total)));
        bps[bps.length - 1]! += BPS - bps.reduce((a, b) => a + b, 0);
        return bps;
      })
      .filter((bps) => bps.every((b) => b > 0));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: BPS }),
        sharesArb,
        (amount, feeBps, bps) => {
          const shares = bps.map((shareBps, i) => ({ recipientId: `r${i}`, role: 'REMIX_PARENT' as const, shareBps }));
          const plan = splitPlan(money(amount, 'EUR'), feeBps, shares);
          const all = [plan.platformFee.amount, ...plan.parts.map((p) => p.amount.amount)];
          expect(all.reduce((a, b) => a + b, 0)).toBe(amount);
          expect(all.every((a) => a >= 0)).toBe(true);
          const exact = [(amount * feeBps) / BPS, ...bps.map((b) => (amount * (BPS - feeBps) * b) / (BPS * BPS))];
          all.forEach((a, i) => expect(Math.abs(a - exact[i]!)).toBeLessThan(1 + 1e-6));
          expect(splitPlan(money(amount, 'EUR'), feeBps, shares)).toEqual(plan);
        },
      ),
      { numRuns: 500 },
    );
  });
});
