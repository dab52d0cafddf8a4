import type { StyleModel } from '@lookbook/catalog';
import type { SearchOutcome } from '../query/search.service';
import { parseSearchRequest } from '../query/search-request';
import { toFacetCounts, toSearchCreator, toSearchHitCounts, toSearchHitPrice, toSearchResult } from './search.mapper';
import { SearchHitCounts, SearchHitPrice, SearchResult } from './search.objects';

describe('search mapper', () => {
  it.each([
    [
      { free: true, paid: null },
      { free: true, cheapestPaid: null },
    ],
    [
      { free: false, paid: { tier: 'COMMERCIAL', amount: 2400, currency: 'USD' } },
      { free: false, cheapestPaid: { tier: 'COMMERCIAL', amount: 2400, currency: 'USD' } },
    ],
  ])('names the cheapest paid offer of %p', (price, expected) => {
    const mapped = toSearchHitPrice(price);
    expect(mapped).toBeInstanceOf(SearchHitPrice);
    expect(mapped).toEqual(expect.objectContaining(expected));
  });

  it.each([
    [
      { likes: 3, downloads: 40, ratingSum: 14, ratingCount: 3 },
      { likes: 3, downloads: 40, rating: 4.7, ratingCount: 3 },
    ],
    [
      { likes: 0, downloads: 0, ratingSum: 0, ratingCount: 0 },
      { likes: 0, downloads: 0, rating: null, ratingCount: 0 },
    ],
    [
      { likes: 9, downloads: 1, ratingSum: 5, ratingCount: 1 },
      { likes: 9, downloads: 1, rating: 5, ratingCount: 1 },
    ],
  ])('reads a card’s counts and average rating from the hit: %p', (counts, expected) => {
    const mapped = toSearchHitCounts(counts);
    expect(mapped).toBeInstanceOf(SearchHitCounts);
    expect({ ...mapped }).toEqual(expected);
  });

  it('keeps the request and the counts answered with the hits for the facets field', () => {
    const request = parseSearchRequest({ query: 'ink' });
    const model = { id: 'm1' } as StyleModel;
    const outcome: SearchOutcome = {
      hits: [
        {
          kind: 'MODEL',
          model,
          template: null,
          score: 0.5,
          highlights: [{ field: 'name', segments: [{ text: 'Ink', match: true }] }],
          price: { free: true, paid: null },
          counts: { likes: 3, downloads: 40, ratingSum: 14, ratingCount: 3 },
        },
      ],
      total: 1,
      endCursor: null,
      hasNextPage: false,
      didYouMean: null,
      droppedWords: ['zzz'],
      hashMatch: false,
      maturity: ['SFW'],
      request,
      counted: { facets: ['tag'], counts: [{ facet: 'tag', value: 'ink', count: 1 }] },
    };
    const result = toSearchResult(outcome);
    expect(result).toBeInstanceOf(SearchResult);
    expect(result.request).toBe(request);
    expect(result.counted).toBe(outcome.counted);
    expect(result.hits[0]).toMatchObject({
      kind: 'MODEL',
      model,
      template: null,
      price: { free: true, cheapestPaid: null },
      highlights: [{ field: 'name', segments: [{ text: 'Ink', match: true }] }],
    });
    expect(result).toMatchObject({ total: 1, droppedWords: ['zzz'], maturity: ['SFW'] });
  });

  it('lists facet counts in the order asked, and shows no more of a creator than the API does', () => {
    const counts = new Map([
      ['tag' as const, [{ facet: 'tag' as const, value: 'ink', count: 2 }]],
      ['type' as const, []],
    ]);
    expect(toFacetCounts(counts)).toEqual([
      expect.objectContaining({ facet: 'tag', values: [expect.objectContaining({ value: 'ink', count: 2 })] }),
      expect.objectContaining({ facet: 'type', values: [] }),
    ]);
    const creator = toSearchCreator({ handle: 'ink', name: 'Ink', models: 2, templates: 1, downloads: 99 });
    expect(Object.keys(creator).sort()).toEqual(['handle', 'models', 'name', 'templates']);
  });
});
