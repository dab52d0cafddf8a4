import { oneLine } from '@lookbook/kernel';

/**
 * Tags on templates, and the tags remix terms require: one rule for both, so a required tag always equals the tag
 * a remix is given (lower case, inner spaces collapsed; letters, digits, spaces, _ and -; at most 20 of 1–40).
 */
export function normaliseTags(tags: readonly string[], field: string, invalid: () => Error): string[] {
  const cleaned = [...new Set(tags.map((t) => oneLine(t, field).toLowerCase().replace(/\s+/g, ' ')))];
  if (cleaned.length > 20 || cleaned.some((t) => !/^[\p{L}\p{N} _-]{1,40}$/u.test(t))) throw invalid();
  return cleaned;
}
