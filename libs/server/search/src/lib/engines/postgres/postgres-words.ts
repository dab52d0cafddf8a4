import type { DataSource } from 'typeorm';
import type { SearchRequest } from '../../query/search-request';
import type { QueryWord, WordPlan } from '../../query/words';
import { correctable, dropLastWord, hashQuery, planWords, queryWords, toTsQuery } from '../../query/words';
import type { Params } from './postgres-filters';

export interface Match {
  /** `WHERE` text for the query part (full text or hash), with its parameters in `params`. */
  where: string;
  rank: string;
  words: QueryWord[];
  /** Query words left out: they matched nothing, or nothing matched every word with them. */
  dropped: string[];
  hash: boolean;
}

/** How many indexed words the last (prefix) word expands to at most; Meilisearch bounds its prefix search too. */
export const MAX_COMPLETIONS = 30;

/**
 * A request's words against the index: per-word typo correction against the lexicon of indexed words (pg_trgm),
 * synonyms from `search.synonym`, the last word's completions, an exact hash lookup; and the retry that leaves the
 * last word out while nothing matches every word. Shared by the hits, the facet counts and the creators of one
 * request (one lexicon statement per search).
 */
export class PostgresWords {
  /** A request's resolved words, shared by its hits and its facet counts (one lexicon lookup per search). */
  private readonly resolved = new WeakMap<SearchRequest, Promise<WordPlan>>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs a search part with the request's words; while no document matches every word, leaves the last word out
   * and runs it again (Meilisearch's `matchingStrategy: last`), until something matches or one word is left. Only a
   * search that found nothing runs again, and such a run is cheap; the hits and the counts decide alike (both see
   * the filtered total), so every part of an answer uses the same words.
   */
  async settle<T extends { total: number }>(
    request: SearchRequest,
    run: (plan: WordPlan | undefined) => Promise<T>,
  ): Promise<T> {
    if (!request.query || hashQuery(request.query)) return run(undefined);
    const all = queryWords(request.query);
    let plan = await this.plan(request);
    for (;;) {
      const result = await run(plan);
      const next: WordPlan | null = result.total > 0 ? null : dropLastWord(plan, all);
      if (!next) return result;
      plan = next;
    }
  }

  /** The request's words as first resolved: those matching no indexed word left out (one lexicon statement). */
  private plan(request: SearchRequest): Promise<WordPlan> {
    let resolving = this.resolved.get(request);
    if (!resolving)
      this.resolved.set(request, (resolving = this.resolveWords(queryWords(request.query)).then(planWords)));
    return resolving;
  }

  /** The query part of a search: a file hash matches exactly; words match full text, corrected where misspelled. */
  async match(request: SearchRequest, params: Params, plan?: WordPlan): Promise<Match> {
    const hash = hashQuery(request.query);
    if (hash)
      return {
        where: `d.hashes @> ARRAY[${params.add(hash)}]::text[]`,
        rank: '1',
        words: [],
        dropped: [],
        hash: true,
      };
    const { words: query, dropped } = plan ?? (await this.plan(request));
    const tsquery = toTsQuery(query);
    if (!tsquery) return { where: 'true', rank: '0', words: [], dropped: [], hash: false };
    const q = params.add(tsquery);
    return {
      where: `d.document @@ to_tsquery('simple', ${q})`,
      rank: `ts_rank(d.document, to_tsquery('simple', ${q}))`,
      words: query,
      dropped,
      hash: false,
    };
  }

  /**
   * For each word: synonyms, and the closest indexed word when it is not in the index; for the last word, the
   * indexed words it begins (one statement).
   */
  private async resolveWords(list: string[]): Promise<QueryWord[]> {
    if (!list.length) return [];
    const last = list.length - 1;
    const rows = await this.dataSource.query<
      {
        word: string;
        known: boolean;
        closest: string | null;
        synonyms: string[];
        completions: string[] | null;
        synonym_known: boolean | null;
      }[]
    >(
      `SELECT q.word, k.known,
              -- Only for a word not in the index: does a synonym match (as a prefix, for the last word)?
              CASE WHEN NOT k.known THEN
                EXISTS (SELECT 1 FROM search.synonym s
                         WHERE s.term = q.word
                           AND EXISTS (SELECT 1 FROM search.lexicon l
                                        WHERE l.word ~>=~ s.synonym AND l.documents > 0
                                          AND l.word ~<~ (s.synonym || CASE WHEN q.prefix THEN chr(1114111) ELSE chr(1) END)))
              END AS synonym_known,
              CASE WHEN q.prefix THEN
                ARRAY(SELECT l.word FROM search.lexicon l
                       WHERE l.word ~>=~ q.word AND l.word ~<~ (q.word || chr(1114111)) AND l.documents > 0
                       ORDER BY l.word USING ~<~ LIMIT ${MAX_COMPLETIONS + 1})
              END AS completions,
              CASE WHEN NOT k.known AND q.fix THEN
                (SELECT l.word FROM search.lexicon l
                  WHERE l.documents > 0 AND l.word % q.word
                  ORDER BY similarity(l.word, q.word) DESC, l.documents DESC, l.word LIMIT 1)
              END AS closest,
              ARRAY(SELECT s.synonym FROM search.synonym s WHERE s.term = q.word ORDER BY s.synonym) AS synonyms
         FROM unnest($1::text[], $2::boolean[], $3::boolean[]) WITH ORDINALITY AS q (word, fix, prefix, n),
              LATERAL (SELECT CASE WHEN q.prefix
                         THEN EXISTS (SELECT 1 FROM search.lexicon l
                                       WHERE l.word ~>=~ q.word AND l.word ~<~ (q.word || chr(1114111))
                                         AND l.documents > 0)
                         ELSE EXISTS (SELECT 1 FROM search.lexicon l WHERE l.word = q.word AND l.documents > 0)
                       END AS known) k
        ORDER BY q.n`,
      [list, list.map(correctable), list.map((_, i) => i === last)],
    );
    return rows.map((row, i) => {
      const word = list[i]!;
      const correction = row.closest && row.closest !== word ? row.closest : null;
      // A corrected last word is a whole word: the typist finished it.
      const prefix = i === last && !correction && word.length >= 2;
      // The last word matches the indexed words it begins, named one by one: GIN scans exact entries several times
      // faster than a `:*` prefix (which also costs one entry per continuation). A word that begins more than the
      // cap matches its first ones (in index order: the word itself, then its shortest continuations).
      const completions = prefix ? (row.completions ?? []).slice(0, MAX_COMPLETIONS) : [];
      return {
        word,
        alternatives: [...new Set([word, ...row.synonyms, ...(correction ? [correction] : []), ...completions])],
        correction,
        // Synonyms of a last word still match as prefixes, which the lexicon cannot list cheaply.
        prefix: prefix && row.synonyms.length > 0,
        // A word matches something when it is indexed (a last word: begins an indexed word), was corrected to an
        // indexed word, or has an indexed synonym.
        matched: row.known || correction !== null || row.synonym_known === true,
      };
    });
  }
}
