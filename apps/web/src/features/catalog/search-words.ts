/** Text in curly quotes, as the page quotes what was searched. */
export const quoted = (text: string) => `“${text}”`;

/** The query as typed, less the words the search left out (compared as the API compares them: letters and digits). */
export function withoutWords(query: string, dropped: readonly string[]): string {
  const normalise = (word: string) =>
    word
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{Ll}\p{Lo}\p{Nd}]+/gu, '');
  const left = new Set(dropped);
  return query
    .split(/\s+/)
    .filter((word) => word && !left.has(normalise(word)))
    .join(' ');
}
