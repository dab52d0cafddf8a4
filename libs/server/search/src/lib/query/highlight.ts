import type { HighlightSegment } from '../engines/search-queries';

export interface HighlightTerm {
  word: string;
  prefix: boolean;
}

/** Characters of description shown around the first match. */
const SNIPPET_RADIUS = 80;

/** Splits text into runs, marking the words a query matched (same tokenisation as the index, case-insensitive). */
export function markMatches(text: string, terms: readonly HighlightTerm[]): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let last = 0;
  for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = token[0].toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    if (!terms.some((t) => (t.prefix ? word.startsWith(t.word) : word === t.word))) continue;
    if (token.index > last) segments.push({ text: text.slice(last, token.index), match: false });
    segments.push({ text: token[0], match: true });
    last = token.index + token[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}

/** The name, and a description snippet around its first match — only fields where something matched. */
export function highlight(
  fields: { name: string; description: string },
  terms: readonly HighlightTerm[],
): { field: 'name' | 'description'; segments: HighlightSegment[] }[] {
  const out: { field: 'name' | 'description'; segments: HighlightSegment[] }[] = [];
  const name = markMatches(fields.name, terms);
  if (name.some((s) => s.match)) out.push({ field: 'name', segments: name });
  const description = markMatches(fields.description, terms);
  const first = description.findIndex((s) => s.match);
  if (first >= 0) {
    const offset = description.slice(0, first).reduce((n, s) => n + s.text.length, 0);
    const start = Math.max(0, offset - SNIPPET_RADIUS);
    const end = Math.min(fields.description.length, offset + SNIPPET_RADIUS * 2);
    const snippet = markMatches(fields.description.slice(start, end).replace(/\s+/g, ' '), terms);
    if (start > 0) snippet.unshift({ text: '…', match: false });
    if (end < fields.description.length) snippet.push({ text: '…', match: false });
    out.push({ field: 'description', segments: snippet });
  }
  return out;
}
