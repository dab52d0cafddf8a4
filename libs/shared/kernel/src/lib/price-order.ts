import { CURRENCIES, currencyInfo } from './currency';

/**
 * How prices in different currencies are put in order ("price: low to high", the cheapest of a model's offers).
 * Prices are per currency and are never converted for charging or display; to *order* them, each is compared by an
 * approximate value in US dollars: its amount in major units (minor units over 10^exponent, so ¥500 is 500 and
 * 2900 US cents is 29) times a fixed reference rate. Within one currency the order is exact (the key grows with the
 * amount); across currencies it is as good as the rates, which are rounded reference values (late 2025) and only
 * need to be right to tens of percent to order ¥500, $29 and KWD 3.000 as a buyer would (¥500 ≈ $3, KWD 3 ≈ $10).
 * Comparing raw minor units would put KWD 3.000 (3000) after $29 (2900); comparing major units alone would put
 * ¥500 after $29.
 */
export const REFERENCE_USD_RATES: Readonly<Record<string, number>> = {
  AED: 0.27,
  AUD: 0.65,
  BHD: 2.65,
  BRL: 0.18,
  CAD: 0.72,
  CHF: 1.25,
  CZK: 0.048,
  DKK: 0.155,
  EUR: 1.16,
  GBP: 1.33,
  HKD: 0.128,
  INR: 0.0113,
  JPY: 0.0065,
  KRW: 0.00068,
  KWD: 3.26,
  MXN: 0.054,
  MYR: 0.24,
  NOK: 0.099,
  NZD: 0.57,
  PLN: 0.27,
  RON: 0.23,
  SEK: 0.105,
  SGD: 0.77,
  THB: 0.031,
  USD: 1,
};

/** Every currency we sell in has a rate (a unit test holds this). */
export const currenciesWithoutRate = () => [...CURRENCIES.keys()].filter((code) => !(code in REFERENCE_USD_RATES));

/**
 * The key a price is ordered by: its approximate value in US dollars, rounded to 1/10,000 of a dollar so equal
 * prices in one currency get equal keys. null for a currency we do not sell in.
 */
export function priceOrderKey(amount: number, currency: string): number | null {
  const info = currencyInfo(currency);
  const rate = REFERENCE_USD_RATES[currency];
  if (!info || rate === undefined) return null;
  return Math.round((amount / 10 ** info.exponent) * rate * 10_000) / 10_000;
}

/** The cheapest of some priced things by `priceOrderKey` (ties: the smaller amount, then the first); null for none. */
export function cheapestPrice<T extends { amount: number; currency: string }>(prices: readonly T[]): T | null {
  let best: T | null = null;
  let bestKey = Infinity;
  for (const price of prices) {
    const key = priceOrderKey(price.amount, price.currency) ?? Infinity;
    if (best === null || key < bestKey || (key === bestKey && price.amount < best.amount)) {
      best = price;
      bestKey = key;
    }
  }
  return best;
}
