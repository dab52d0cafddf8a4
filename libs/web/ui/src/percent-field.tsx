import type { ReactNode } from 'react';
import { TextField } from './field';

export type PercentResult = { bps: number; error: null } | { bps: null; error: string };

const fmt = (bps: number) => `${(bps / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;

/**
 * A share typed as a percentage ("12.5", "12.5 %", "12,5") read as basis points (1,250), the unit the API takes —
 * or a sentence in percent saying what is wrong. At most two decimals (a basis point is 0.01 %).
 */
export function parsePercent(text: string, { minBps = 0, maxBps = 10_000 } = {}): PercentResult {
  const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!cleaned) return { bps: null, error: 'Enter a percentage, like 10 or 12.5.' };
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return { bps: null, error: 'Enter a percentage as a number, like 10 or 12.5.' };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { bps: null, error: 'Use at most two decimals, like 12.25.' };
  const [whole, fraction = ''] = cleaned.split('.') as [string, string?];
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (bps < minBps || bps > maxBps) return { bps: null, error: `Enter a share from ${fmt(minBps)} to ${fmt(maxBps)}.` };
  return { bps, error: null };
}

/** Basis points shown as the percentage a person typed (1250 → "12.5"). */
export const bpsToPercentText = (bps: number) => String(bps / 100);

/**
 * A share entered in percent. The field shows its own error in percent (from parsePercent, or a server error already
 * put in percent by the caller); the caller sends `parsePercent(value).bps`.
 */
export function PercentField({
  label,
  value,
  onChange,
  minBps = 0,
  maxBps = 10_000,
  description,
  error,
  showError = true,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  minBps?: number;
  maxBps?: number;
  description?: ReactNode;
  /** A server-side error for this field, in percent. */
  error?: string | null;
  /** Show the local error (e.g. only once the person has typed or tried to submit). */
  showError?: boolean;
}) {
  const local = parsePercent(value, { minBps, maxBps }).error;
  return (
    <TextField
      label={`${label} (%)`}
      value={value}
      onChange={onChange}
      inputMode="decimal"
      description={description ?? `${fmt(minBps)} to ${fmt(maxBps)}`}
      error={(showError ? local : null) ?? error ?? null}
    />
  );
}
