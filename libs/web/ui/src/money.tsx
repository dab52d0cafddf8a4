import type { HTMLAttributes } from 'react';
import { formatMoney, toDecimalString } from '@lookbook/kernel/browser';
import { cn } from './cn';

const TONES = { inherit: '', muted: 'text-muted', bad: 'text-bad', accent: 'text-accent' } as const;
const WEIGHTS = { inherit: '', medium: 'font-medium', semibold: 'font-semibold' } as const;
const SIZES = { inherit: '', base: 'text-base', '2xl': 'text-2xl' } as const;

export interface MoneyProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** Whole minor units (cents; yen; fils), as the API sends them — never a float of major units. */
  amount: number;
  /** ISO 4217 code: its exponent decides the decimals (JPY none, EUR two, KWD three). */
  currency: string;
  tone?: keyof typeof TONES;
  weight?: keyof typeof WEIGHTS;
  size?: keyof typeof SIZES;
}

/**
 * An amount of money as the API formats it (the kernel's `formatMoney`): `2900 EUR` → "€29.00", `500 JPY` → "¥500",
 * `1234 KWD` → "KWD 1.234". Figures line up in columns (tabular digits) and never break between symbol and number;
 * the machine-readable value (`29.00 EUR`) rides along in a `<data>` element.
 */
export function Money({
  amount,
  currency,
  tone = 'inherit',
  weight = 'inherit',
  size = 'inherit',
  className,
  ...props
}: MoneyProps) {
  return (
    <data
      {...props}
      value={`${toDecimalString(amount, currency)} ${currency}`}
      className={cn('whitespace-nowrap tabular-nums', TONES[tone], WEIGHTS[weight], SIZES[size], className)}
    >
      {formatMoney(amount, currency)}
    </data>
  );
}
