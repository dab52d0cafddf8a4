import type { SearchDocument } from '../documents/search-document';
import {
  alertText,
  browseUrlOf,
  MAX_SAVED_SEARCH_NAME,
  matchesSavedSearch,
  normaliseSavedSearch,
  savedSearchName,
} from './saved-search-rules';

const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({
  kind: 'MODEL',
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Neon City Nights',
  slug: 'neon-city-nights',
  description: 'Rain on chrome, signs in pink.',
  ownerId: '10000000-0000-4000-8000-000000000001',
  ownerHandle: 'Ink_Maker',
  ownerName: 'Ink Maker',
  type: 'LORA',
  baseModelId: 'sdxl-1.0',
  baseModelName: 'SDXL 1.0',
  tags: ['cyberpunk', 'night'],
  triggerWords: ['neoncity'],
  hashes: ['a'.repeat(64), 'a'.repeat(10)],
  maturity: 'SFW',
  tiers: ['PERSONAL', 'COMMERCIAL'],
  free: false,
  minPrice: { tier: 'PERSONAL', amount: 500, currency: 'USD' },
  commercialUse: true,
  derivativesAllowed: false,
  creditRequired: true,
  publishedAt: new Date('2026-12-01T00:00:00Z'),
  downloads: 0,
  likes: 0,
  ratingSum: 0,
  ratingCount: 0,
  trending: 0,
  ...over,
});

const saved = (input: Parameters<typeof normaliseSavedSearch>[0]) => normaliseSavedSearch(input).request;

describe('saved-search normalisation', () => {
  it('makes two spellings of one search one saved search (case, spaces, order, duplicates)', () => {
    const a = normaliseSavedSearch({
      query: '  Neon   City ',
      filters: { tags: ['Night', 'cyberpunk', 'night'], types: ['LORA', 'LOCON'] },
      sort: 'NEWEST',
    });
    const b = normaliseSavedSearch({
      query: 'neon city',
      filters: { tags: ['cyberpunk', 'night'], types: ['LOCON', 'LORA'] },
      sort: 'NEWEST',
    });
    expect(a.hash).toBe(b.hash);
    expect(a.request.filters.tags).toEqual(['cyberpunk', 'night']);
    expect(a.request.query).toBe('Neon City');
  });

  it.each([
    [
      { query: 'neon', sort: 'NEWEST' as const },
      { query: 'neon', sort: 'TRENDING' as const },
    ],
    [{ query: 'neon' }, { query: 'neon', filters: { free: true } }],
    [{ query: 'neon' }, { query: 'neon', exclude: { tags: ['anime'] } }],
    [{}, { filters: { maturity: ['SFW', 'MATURE'] } }],
  ])('tells different searches apart: %p vs %p', (a, b) => {
    expect(normaliseSavedSearch(a).hash).not.toBe(normaliseSavedSearch(b).hash);
  });

  it('keeps no maturity when none is given (the default applies when it runs), and paging never', () => {
    const request = saved({ query: 'x' });
    expect(request.filters.maturity).toEqual([]);
    expect(Object.keys(request).sort()).toEqual(['exclude', 'filters', 'query', 'sort']);
  });

  it.each([
    [{ query: 'x'.repeat(201) }, 'SEARCH_QUERY_TOO_LONG'],
    [{ filters: { tags: ['<script>'] } }, 'SEARCH_INVALID_FILTER'],
    [{ filters: { creator: 'a b' } }, 'SEARCH_INVALID_FILTER'],
    [{ filters: { maxPrice: { amount: -1, currency: 'USD' } } }, 'SEARCH_INVALID_FILTER'],
    [{ filters: { maxPrice: { amount: 100, currency: 'XXX' } } }, 'SEARCH_UNSUPPORTED_CURRENCY'],
  ])('rejects bad input with the search’s typed errors: %p', (input, code) => {
    expect(() => normaliseSavedSearch(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('saved-search names', () => {
  it.each([
    ['  Neon\ncity \t alerts ', {}, 'Neon city alerts'],
    [null, { query: 'rainy street' }, 'rainy street'],
    ['', { filters: { tags: ['ink'], kinds: ['TEMPLATE'] } }, '#ink templates'],
    [undefined, { filters: { creator: 'Ada_Ink' } }, 'by ada_ink'],
    [undefined, {}, 'All models and templates'],
  ])('names %p for %p: %p', (name, input, expected) => {
    expect(savedSearchName(name, saved(input))).toBe(expected);
  });

  it('refuses a name over the limit', () => {
    expect(() => savedSearchName('x'.repeat(MAX_SAVED_SEARCH_NAME + 1), saved({}))).toThrow(
      expect.objectContaining({ code: 'SAVED_SEARCH_INVALID_NAME' }),
    );
  });
});

describe('a saved search’s browse address', () => {
  it.each([
    [{}, '/browse'],
    [{ query: 'neon city', sort: 'MOST_LIKED' as const }, '/browse?q=neon+city&sort=MOST_LIKED'],
    [
      { filters: { kinds: ['TEMPLATE'], tags: ['ink'], free: false, commercialUse: true, creditRequired: false } },
      '/browse?kind=template&tag=ink&price=paid&commercial=true&nocredit=true',
    ],
    [
      { exclude: { tags: ['night', 'anime'] }, filters: { maturity: ['SFW', 'MATURE'] } },
      '/browse?not=anime%2Cnight&mature=true',
    ],
    [
      { filters: { types: ['LORA'], baseModels: ['sdxl-1.0'], creator: 'Ada' } },
      '/browse?type=LORA&base=sdxl-1.0&creator=ada',
    ],
  ])('%p → %s', (input, url) => {
    expect(browseUrlOf(saved(input))).toBe(url);
  });
});

describe('matching a newly published document', () => {
  it.each([
    ['every word, prefixes included', { query: 'neon cit' }, true],
    ['a trigger word', { query: 'neoncity' }, true],
    ['a creator name word', { query: 'ink maker' }, true],
    ['accents and case', { query: 'NÉON' }, true],
    ['a word it lacks', { query: 'neon desert' }, false],
    ['its hash', { query: 'a'.repeat(64) }, true],
    ['another hash', { query: 'b'.repeat(64) }, false],
    ['its type and tag', { filters: { types: ['LORA'], tags: ['night'] } }, true],
    ['a tag it lacks among tags', { filters: { tags: ['night', 'day'] } }, false],
    ['templates only', { filters: { kinds: ['TEMPLATE'] } }, false],
    ['free only', { filters: { free: true } }, false],
    ['paid only', { filters: { free: false } }, true],
    ['under a price in its currency', { filters: { maxPrice: { amount: 500, currency: 'USD' } } }, true],
    ['under a lower price', { filters: { maxPrice: { amount: 499, currency: 'USD' } } }, false],
    ['derivatives allowed', { filters: { derivativesAllowed: true } }, false],
    ['its creator, any case', { filters: { creator: 'INK_MAKER' } }, true],
    ['another creator', { filters: { creator: 'someone' } }, false],
    ['an excluded tag', { exclude: { tags: ['night'] } }, false],
    ['an excluded creator', { exclude: { creators: ['ink_maker'] } }, false],
    ['an excluded type', { exclude: { types: ['LORA'] } }, false],
    ['a base model', { filters: { baseModels: ['pony', 'sdxl-1.0'] } }, true],
  ] as const)('%s → %p', (_name, input, expected) => {
    expect(matchesSavedSearch(saved(input as never), doc())).toBe(expected);
  });

  it('applies the default maturity when the search saved none, and a chosen one when it did', () => {
    const mature = doc({ maturity: 'MATURE' });
    expect(matchesSavedSearch(saved({}), mature)).toBe(false);
    expect(matchesSavedSearch(saved({ filters: { maturity: ['MATURE'] } }), mature)).toBe(true);
    expect(matchesSavedSearch(saved({}), doc({ maturity: 'SUGGESTIVE' }))).toBe(true);
  });

  it('finds a template by the workflow words and by its free offer', () => {
    const template = doc({ kind: 'TEMPLATE', type: null, free: true, minPrice: null });
    expect(matchesSavedSearch(saved({ query: 'workflow' }), template)).toBe(true);
    expect(
      matchesSavedSearch(saved({ filters: { free: true, maxPrice: { amount: 1, currency: 'EUR' } } }), template),
    ).toBe(true);
    expect(matchesSavedSearch(saved({ exclude: { types: ['LORA'] } }), template)).toBe(true);
    expect(matchesSavedSearch(saved({ filters: { types: ['LORA'] } }), template)).toBe(false);
  });
});

describe('alert text', () => {
  it.each([
    [1, '1 new match for “neon city”'],
    [3, '3 new matches for “neon city”'],
  ])('%i → %s', (n, text) => {
    expect(alertText('neon city', n)).toBe(text);
  });
});
