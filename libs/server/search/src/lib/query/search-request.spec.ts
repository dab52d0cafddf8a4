import type { SearchRequestInput } from './search-request';
import { encodeCursor, MAX_FIRST, MAX_QUERY_LENGTH, parseSearchRequest } from './search-request';
import { highlight } from './highlight';
import type { QueryWord } from './words';
import { correctable, didYouMean, dropLastWord, hashQuery, planWords, queryWords, toTsQuery, words } from './words';

describe('parseSearchRequest', () => {
  it('defaults: no query, relevance, 24 results, the viewer maturity, nothing excluded', () => {
    expect(parseSearchRequest({})).toEqual({
      query: '',
      filters: expect.objectContaining({ maturity: ['SFW', 'SUGGESTIVE'], tags: [], free: null, creator: null }),
      exclude: { tags: [], types: [], creators: [] },
      sort: 'RELEVANCE',
      first: 24,
      offset: 0,
      hidden: [],
    });
  });

  it('normalises tags, handles and duplicate values', () => {
    const request = parseSearchRequest({
      filters: { tags: ['  Ink ', 'ink', 'Water  Color'], creator: 'Ada_Lovelace' },
      exclude: { creators: ['Kenji-Art', 'kenji-art'] },
    });
    expect(request.filters.tags).toEqual(['ink', 'water color']);
    expect(request.filters.creator).toBe('ada_lovelace');
    expect(request.exclude.creators).toEqual(['kenji-art']);
  });

  it.each<[string, SearchRequestInput, string]>([
    ['a query over the limit', { query: 'x'.repeat(MAX_QUERY_LENGTH + 1) }, 'SEARCH_QUERY_TOO_LONG'],
    ['first above the cap', { first: MAX_FIRST + 1 }, 'SEARCH_INVALID_FIRST'],
    ['first of zero', { first: 0 }, 'SEARCH_INVALID_FIRST'],
    ['a filter-expression injection as a tag', { filters: { tags: ["ink' OR 1=1 --"] } }, 'SEARCH_INVALID_FILTER'],
    ['an unknown maturity', { filters: { maturity: ['PG13'] } }, 'SEARCH_INVALID_FILTER'],
    ['a negative price', { filters: { maxPrice: { amount: -1, currency: 'USD' } } }, 'SEARCH_INVALID_FILTER'],
    ...['usd', 'XXX', 'BTC', 'US', 'USDT', '', 'EUR ', 'ＵＳＤ', "USD' OR 1=1"].map(
      (currency) =>
        [
          `a price in a currency we do not sell in (${JSON.stringify(currency)})`,
          { filters: { maxPrice: { amount: 100, currency } } },
          'SEARCH_UNSUPPORTED_CURRENCY',
        ] as [string, SearchRequestInput, string],
    ),
    ['a fractional price', { filters: { maxPrice: { amount: 1.5, currency: 'USD' } } }, 'SEARCH_INVALID_FILTER'],
    ['a malformed handle', { filters: { creator: 'no spaces allowed' } }, 'SEARCH_INVALID_FILTER'],
    [
      'too many excluded tags',
      { exclude: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
      'SEARCH_INVALID_FILTER',
    ],
    ['a cursor that is not one', { after: 'not-a-cursor' }, 'SEARCH_INVALID_CURSOR'],
  ])('rejects %s with a typed error', (_name, input, code) => {
    expect(() => parseSearchRequest(input)).toThrow(expect.objectContaining({ code }));
  });

  it('names the currency and what is sold instead; a lower-case code is told its upper-case form', () => {
    expect(() => parseSearchRequest({ filters: { maxPrice: { amount: 100, currency: 'BTC' } } })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/"BTC".*USD/),
        details: expect.objectContaining({ field: 'filters.maxPrice.currency' }),
      }),
    );
    expect(() => parseSearchRequest({ filters: { maxPrice: { amount: 100, currency: 'usd' } } })).toThrow(
      /"USD", not "usd"/,
    );
    for (const currency of ['USD', 'JPY', 'KWD', 'EUR', 'GBP'])
      expect(parseSearchRequest({ filters: { maxPrice: { amount: 0, currency } } }).filters.maxPrice).toEqual({
        amount: 0,
        currency,
      });
  });

  it('accepts its own cursor and rejects one from another search', () => {
    const first = parseSearchRequest({ query: 'ink wash', filters: { tags: ['ink'] } });
    const cursor = encodeCursor(first, 24);
    expect(parseSearchRequest({ query: 'ink wash', filters: { tags: ['ink'] }, after: cursor }).offset).toBe(24);
    // Same words, another filter or sort: not the same search.
    expect(() => parseSearchRequest({ query: 'ink wash', after: cursor })).toThrow(
      expect.objectContaining({ code: 'SEARCH_INVALID_CURSOR' }),
    );
    expect(() =>
      parseSearchRequest({ query: 'ink wash', filters: { tags: ['ink'] }, sort: 'NEWEST', after: cursor }),
    ).toThrow(expect.objectContaining({ code: 'SEARCH_INVALID_CURSOR' }));
  });

  it('rejects a cursor past the served depth', () => {
    const request = parseSearchRequest({ query: 'ink' });
    expect(() => parseSearchRequest({ query: 'ink', after: encodeCursor(request, 5000) })).toThrow(
      expect.objectContaining({ code: 'SEARCH_INVALID_CURSOR' }),
    );
  });
});

describe('words and queries', () => {
  it('tokenises documents with joined forms, so both spellings match', () => {
    expect(words('SD-1.5 Flux.1 Ink-Wash')).toEqual([
      'sd',
      '1',
      '5',
      'sd15',
      'flux',
      '1',
      'flux1',
      'ink',
      'wash',
      'inkwash',
    ]);
    // Accents fold away, so "creme" finds "Crème".
    expect(words('Café Crème')).toEqual(['cafe', 'creme']);
  });

  it('joins punctuation inside a query word and caps the number of words', () => {
    expect(queryWords('  sd-1.5   ink  ')).toEqual(['sd15', 'ink']);
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
    expect(queryWords("'; DROP TABLE x; --")).toEqual(['drop', 'table', 'x']);
  });

  it('recognises a SHA-256 or AutoV2 typed into the box', () => {
    expect(hashQuery(' ' + 'A'.repeat(64) + ' ')).toBe('a'.repeat(64));
    expect(hashQuery('0123456789')).toBe('0123456789');
    expect(hashQuery('watercolor')).toBeNull();
    expect(hashQuery('g'.repeat(64))).toBeNull();
  });

  it('never corrects short words, numbers or versions', () => {
    expect(correctable('wtercolor')).toBe(true);
    expect(correctable('ink')).toBe(false);
    expect(correctable('768')).toBe(false);
    expect(correctable('sdxl10')).toBe(false);
  });

  it('builds a tsquery of alternatives from safe operands only, prefix on the last word', () => {
    const query = [
      {
        word: 'wtercolor',
        alternatives: ['wtercolor', 'watercolor'],
        correction: 'watercolor',
        prefix: false,
        matched: true,
      },
      { word: 'bot', alternatives: ['bot', 'a&b|c'], correction: null, prefix: true, matched: true },
    ];
    expect(toTsQuery(query)).toBe('(wtercolor | watercolor) & (bot:*)');
    expect(didYouMean(query)).toBe('watercolor bot');
    expect(toTsQuery([])).toBeNull();
  });
});

describe('dropped words', () => {
  const word = (w: string, matched: boolean): QueryWord => ({
    word: w,
    alternatives: [w],
    correction: null,
    prefix: false,
    matched,
  });
  const plan = (...list: [string, boolean][]) => planWords(list.map(([w, m]) => word(w, m)));
  const kept = (p: { words: QueryWord[] }) => p.words.map((w) => w.word);

  it.each([
    [
      'neon cta',
      [
        ['neon', true],
        ['cta', false],
      ],
      ['neon'],
      ['cta'],
    ],
    [
      'cta neon',
      [
        ['cta', false],
        ['neon', true],
      ],
      ['neon'],
      ['cta'],
    ],
    [
      'did you mean watercolor',
      [
        ['did', false],
        ['you', false],
        ['mean', false],
        ['watercolor', true],
      ],
      ['watercolor'],
      ['did', 'you', 'mean'],
    ],
    [
      'neon glow',
      [
        ['neon', true],
        ['glow', true],
      ],
      ['neon', 'glow'],
      [],
    ],
    // Nothing matches at all: the query stays as typed (no results), nothing is said to be dropped.
    [
      'qqq zzz',
      [
        ['qqq', false],
        ['zzz', false],
      ],
      ['qqq', 'zzz'],
      [],
    ],
  ] as [string, [string, boolean][], string[], string[]][])(
    'leaves out words matching nothing: %s',
    (_q, words, keep, dropped) => {
      const p = plan(...words);
      expect(kept(p)).toEqual(keep);
      expect(p.dropped).toEqual(dropped);
    },
  );

  it('then leaves out words from the last, one at a time, keeping one, dropped words in query order', () => {
    const all = ['neon', 'cta', 'glow', 'ink'];
    let p = plan(['neon', true], ['cta', false], ['glow', true], ['ink', true]);
    expect(p.dropped).toEqual(['cta']);
    p = dropLastWord(p, all)!;
    expect([kept(p), p.dropped]).toEqual([
      ['neon', 'glow'],
      ['cta', 'ink'],
    ]);
    p = dropLastWord(p, all)!;
    expect([kept(p), p.dropped]).toEqual([['neon'], ['cta', 'glow', 'ink']]);
    expect(dropLastWord(p, all)).toBeNull();
  });

  it('leaves out a word matched only through a typo correction before words typed as indexed', () => {
    const all = ['did', 'you', 'mean', 'xanthic', 'glow'];
    const mean = { ...word('mean', true), correction: 'meadow', alternatives: ['mean', 'meadow'] };
    let p = planWords([word('did', false), word('you', false), mean, word('xanthic', true), word('glow', true)]);
    expect([kept(p), p.dropped]).toEqual([
      ['mean', 'xanthic', 'glow'],
      ['did', 'you'],
    ]);
    p = dropLastWord(p, all)!;
    expect([kept(p), p.dropped]).toEqual([
      ['xanthic', 'glow'],
      ['did', 'you', 'mean'],
    ]);
    p = dropLastWord(p, all)!;
    expect([kept(p), p.dropped]).toEqual([['xanthic'], ['did', 'you', 'mean', 'glow']]);
  });
});

describe('highlight', () => {
  it('marks matched words in the name and a description snippet', () => {
    const description = `${'Filler words. '.repeat(20)}Soft watercolor washes over paper. ${'More filler. '.repeat(20)}`;
    const [name, snippet] = highlight({ name: 'Watercolor Botanica', description }, [
      { word: 'watercolor', prefix: false },
      { word: 'bot', prefix: true },
    ]);
    expect(name).toEqual({
      field: 'name',
      segments: [
        { text: 'Watercolor', match: true },
        { text: ' ', match: false },
        { text: 'Botanica', match: true },
      ],
    });
    expect(snippet!.field).toBe('description');
    expect(snippet!.segments[0]).toEqual({ text: '…', match: false });
    expect(snippet!.segments.filter((s) => s.match).map((s) => s.text)).toEqual(['watercolor']);
    expect(snippet!.segments.at(-1)).toEqual({ text: '…', match: false });
  });

  it('returns nothing when no field matched', () => {
    expect(highlight({ name: 'Ink', description: '' }, [{ word: 'neon', prefix: false }])).toEqual([]);
  });
});
