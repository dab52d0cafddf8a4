import { currencyInfo, formatMoney } from '@lookbook/kernel/browser';

/** Display helpers: money (the kernel's, as the API formats it), sizes, dates, enum labels. */
export { formatMoney };

/** A major-unit amount typed by a person (`12.50`) → minor units, or null if it is not a valid amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = currencyInfo(currency)?.exponent ?? 2;
  const match = new RegExp(`^\\s*(\\d{1,9})(?:[.,](\\d{0,${digits}}))?\\s*$`).exec(text);
  if (!match) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en', { dateStyle: 'medium' });
export const formatDateTime = (iso: string) =>
  new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

/** `LORA` → `LoRA`, `TEXTUAL_INVERSION` → `Embedding`: the names people use. */
export const MODEL_TYPE_LABELS: Record<string, string> = {
  LORA: 'LoRA',
  LOCON: 'LoCon',
  CHECKPOINT: 'Checkpoint',
  TEXTUAL_INVERSION: 'Embedding',
  VAE: 'VAE',
  CONTROLNET: 'ControlNet',
  UPSCALER: 'Upscaler',
  DORA: 'DoRA',
  HYPERNETWORK: 'Hypernetwork',
  OTHER: 'Other',
};
export const modelTypeLabel = (type: string) => MODEL_TYPE_LABELS[type] ?? type;

/** `SELL_GENERATED_IMAGES` → `Sell generated images`. */
export const sentenceCase = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');
