import { defaultStringifySearch } from '@tanstack/react-router';

const isWordList = (value: unknown): value is (string | number | boolean)[] =>
  Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v));

/**
 * Search params as people read and write them: a list of words is its key repeated (`?not=landscape&not=night`), not
 * JSON (`?not=%5B%22landscape%22%5D`). Everything else is TanStack's default. Parsing needs nothing special: the
 * default reads a repeated key as a list, and each page's schema accepts one word or commas too.
 */
export function stringifySearch(search: Record<string, unknown>): string {
  const lists = Object.entries(search).filter((entry): entry is [string, (string | number | boolean)[]] =>
    isWordList(entry[1]),
  );
  const rest = Object.fromEntries(Object.entries(search).filter(([, value]) => !isWordList(value)));
  const params = new URLSearchParams(defaultStringifySearch(rest));
  for (const [key, list] of lists) for (const word of list) params.append(key, String(word));
  const text = params.toString();
  return text ? `?${text}` : '';
}
