/**
 * One tokenisation for documents and queries, so what is indexed is what a query can name: lowercase runs of letters
 * and digits; a token joined by punctuation is also kept joined (`sd-1.5` → `sd`, `1`, `5`, `sd15`; `flux.1` →
 * `flux1`), so both spellings people type match.
 */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').split(/\s+/)) {
    const parts = raw.split(/[^\p{Ll}\p{Lo}\p{Nd}]+/u).filter(Boolean);
    out.push(...parts);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out.filter((w) => w.length <= 64);
}

/** A query's words: each typed token once, punctuation dropped (`sd-1.5` → `sd15`, the joined form documents carry). */
export function queryWords(query: string): string[] {
  const out = query
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .map((raw) => raw.split(/[^\p{Ll}\p{Lo}\p{Nd}]+/u).join(''))
    .filter((w) => w && w.length <= 64);
  return [...new Set(out)].slice(0, MAX_QUERY_WORDS);
}

/** Words past this are ignored: a query is a few words, not a document. */
export const MAX_QUERY_WORDS = 8;

export const uniqueWords = (...texts: (string | null | undefined)[]) => [...new Set(texts.flatMap(words))];

/** A SHA-256 (64 hex) or AutoV2 (its first 10) typed into the box: matched exactly against file hashes. */
export function hashQuery(query: string): string | null {
  const q = query.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(q) || /^[0-9a-f]{10}$/.test(q) ? q : null;
}

/** Too short, a number or hash-like: never "corrected" (so `v2`, `768` and hashes stay exact). */
export const correctable = (word: string) => word.length >= 4 && !/\d/.test(word);

export interface QueryWord {
  word: string;
  /** The word itself, its synonyms and, when it is not in the index, its closest indexed spelling. */
  alternatives: string[];
  /** Set when the word was not in the index and a close one was used in its place. */
  correction: string | null;
  /** The last word of the query matches as a prefix (search as you type). */
  prefix: boolean;
  /** Some alternative is an indexed word (for a prefix word: begins one): the word can match something. */
  matched: boolean;
}

/** The words a search matches with, and the query words it left out because nothing matched them. */
export interface WordPlan {
  words: QueryWord[];
  /** In query order. */
  dropped: string[];
}

/**
 * Words that match no indexed word are left out, wherever they are (a search for "neon cta" is a search for
 * "neon"), as long as one word is left: a query none of whose words match anything stays as typed (no results).
 */
export function planWords(words: readonly QueryWord[]): WordPlan {
  const matched = words.filter((w) => w.matched);
  if (!matched.length) return { words: [...words], dropped: [] };
  return { words: matched, dropped: words.filter((w) => !w.matched).map((w) => w.word) };
}

/**
 * The next plan when no document matches every word: one more word left out, from the last, as Meilisearch's
 * `matchingStrategy: last` does, except that a word matched only through a typo correction goes before any word
 * typed as indexed ("did you mean xanthic": "mean", corrected to "meadow", goes before "xanthic"); null when one
 * word is left. `all` is the query's words, for the dropped words' order.
 */
export function dropLastWord(plan: WordPlan, all: readonly string[]): WordPlan | null {
  if (plan.words.length < 2) return null;
  const corrected = plan.words.findLastIndex((w) => w.correction !== null);
  const drop = corrected >= 0 ? corrected : plan.words.length - 1;
  const words = plan.words.filter((_, i) => i !== drop);
  const kept = new Set(words.map((w) => w.word));
  return { words, dropped: all.filter((w) => !kept.has(w)) };
}

/** Characters of a tsquery operand: `words()` output only, so nothing a user types can become a tsquery operator. */
const SAFE = /^[\p{Ll}\p{Lo}\p{Nd}]+$/u;

/** `(a | b) & (c:* | d:*)`: every word must match one of its alternatives. */
export function toTsQuery(query: readonly QueryWord[]): string | null {
  const groups = query
    .map((w) =>
      w.alternatives
        .filter((a) => SAFE.test(a))
        .map((a) => (w.prefix ? `${a}:*` : a))
        .join(' | '),
    )
    .filter(Boolean);
  return groups.length ? groups.map((g) => `(${g})`).join(' & ') : null;
}

/** "Did you mean": the query with each corrected word replaced, or null when nothing was corrected. */
export function didYouMean(query: readonly QueryWord[]): string | null {
  if (!query.some((w) => w.correction)) return null;
  return query.map((w) => w.correction ?? w.word).join(' ');
}
