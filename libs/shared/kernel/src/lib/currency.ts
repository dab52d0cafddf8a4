/**
 * The currencies Lookbook sells in: ISO 4217 codes the payment provider (Stripe) charges in, each with its minor-unit
 * exponent (JPY 0, EUR 2, KWD 3) and the provider's minimum charge. Every amount is stored in minor units and every
 * display is formatted from the exponent, so ¥500 is never shown as ¥5.
 *
 * Minimums are Stripe's documented minimum charge amounts; for KRW, KWD and BHD Stripe states only "the equivalent of
 * US$0.50", so the values here are that, rounded up. Three-decimal currencies are charged in multiples of 10 minor
 * units (Stripe rounds the last digit), so prices must end in 0.
 */
export interface CurrencyInfo {
  readonly code: string;
  readonly exponent: 0 | 2 | 3;
  /** Smallest chargeable amount, in minor units. */
  readonly minimumCharge: number;
  /** Amounts must be a multiple of this (10 for three-decimal currencies). */
  readonly step: number;
}

const table: readonly [code: string, exponent: 0 | 2 | 3, minimumCharge: number][] = [
  ['AED', 2, 200],
  ['AUD', 2, 50],
  ['BHD', 3, 200],
  ['BRL', 2, 50],
  ['CAD', 2, 50],
  ['CHF', 2, 50],
  ['CZK', 2, 1500],
  ['DKK', 2, 250],
  ['EUR', 2, 50],
  ['GBP', 2, 30],
  ['HKD', 2, 400],
  ['INR', 2, 50],
  ['JPY', 0, 50],
  ['KRW', 0, 700],
  ['KWD', 3, 200],
  ['MXN', 2, 1000],
  ['MYR', 2, 200],
  ['NOK', 2, 300],
  ['NZD', 2, 50],
  ['PLN', 2, 200],
  ['RON', 2, 200],
  ['SEK', 2, 300],
  ['SGD', 2, 50],
  ['THB', 2, 1000],
  ['USD', 2, 50],
];

export const CURRENCIES: ReadonlyMap<string, CurrencyInfo> = new Map(
  table.map(([code, exponent, minimumCharge]) => [
    code,
    { code, exponent, minimumCharge, step: exponent === 3 ? 10 : 1 },
  ]),
);

export function currencyInfo(code: string): CurrencyInfo | undefined {
  return CURRENCIES.get(code);
}

/** "1234" minor units of EUR → "12.34"; of JPY → "1234"; of KWD → "1.234". Exact for any safe integer. */
export function toDecimalString(amount: number, currency: string): string {
  const exponent = currencyInfo(currency)?.exponent ?? 2;
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** A display string for an amount in minor units, e.g. `formatMoney(2900, 'EUR')` → "€29.00", JPY 500 → "¥500". */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const exponent = currencyInfo(currency)?.exponent ?? 2;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(toDecimalString(amount, currency) as `${number}`);
  } catch {
    return `${toDecimalString(amount, currency)} ${currency}`;
  }
}
