import { currencyInfo } from './currency';

/**
 * Money is an integer amount of minor units (cents) plus an ISO 4217 currency. Never floats.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export class MoneyError extends Error {}

/** A Money value; the currency must be one Lookbook sells in (`CURRENCIES`), the amount whole minor units. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new MoneyError(`amount must be an integer number of minor units, got ${amount}`);
  if (!currencyInfo(currency))
    throw new MoneyError(`"${currency}" is not a currency Lookbook sells in (ISO 4217 codes like "EUR")`);
  return { amount, currency };
}

/**
 * Split `total` by integer weights with the largest-remainder rule: every part is floor(total * w / sum), and the
 * leftover units go one each to the largest fractional remainders (ties: earlier index first). Deterministic, and the
 * parts always sum exactly to the total.
 */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new MoneyError('weights must be non-negative integers');
  return allocateExact(total, weights.map(BigInt));
}

/**
 * `allocate` with weights of any size: exact shares that are products of several percentages (a royalty cascade
 * several generations deep) keep a common denominator without losing precision.
 */
export function allocateExact(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new MoneyError('allocate needs at least one weight');
  if (total.amount < 0) throw new MoneyError('allocate needs a non-negative total');
  if (weights.some((w) => w < 0n)) throw new MoneyError('weights must be non-negative integers');
  const bigSum = weights.reduce((acc, w) => acc + w, 0n);
  if (bigSum === 0n) throw new MoneyError('weights must not all be zero');

  const big = BigInt(total.amount);
  const parts = weights.map((w, index) => {
    const exact = big * w;
    return { index, floor: exact / bigSum, remainder: exact % bigSum };
  });
  let leftover = big - parts.reduce((acc, p) => acc + p.floor, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftover === 0n) break;
    part.floor += 1n;
    leftover -= 1n;
  }
  return parts.map((p) => money(Number(p.floor), total.currency));
}
