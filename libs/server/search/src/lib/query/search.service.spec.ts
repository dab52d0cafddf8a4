import { CatalogFacade } from '@lookbook/catalog';
import type { StyleModel } from '@lookbook/catalog';
import { IdentityFacade } from '@lookbook/identity';
import { ValidationError } from '@lookbook/kernel';
import { TemplatesFacade } from '@lookbook/templates';
import type { WorkflowTemplate } from '@lookbook/templates';
import { anActor, newTestService } from '@lookbook/testing';
import type { DocumentKind } from '../documents/search-document';
import type { FacetCount, SearchHit, SearchPage } from '../engines/search-queries';
import { SearchQueries } from '../engines/search-queries';
import { SearchOutboxRepository } from '../sync/search-outbox.repository';
import type { Facet, SearchRequest } from './search-request';
import { encodeCursor, FACETS, MAX_DEPTH, parseSearchRequest } from './search-request';
import { SearchService } from './search.service';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const viewer = anActor(id(900));

const hit = (n: number, kind: DocumentKind = 'MODEL', over: Partial<SearchHit> = {}): SearchHit => ({
  id: id(n),
  kind,
  score: n / 10,
  highlights: [{ field: 'name', segments: [{ text: `Hit ${n}`, match: true }] }],
  price: { free: n % 2 === 0, paid: { tier: 'COMMERCIAL', amount: 100 * n, currency: 'EUR' } },
  counts: { likes: n, downloads: 10 * n, ratingSum: 4 * n, ratingCount: n },
  ...over,
});

const page = (hits: SearchHit[], over: Partial<SearchPage> = {}): SearchPage => ({
  hits,
  total: hits.length,
  didYouMean: null,
  droppedWords: [],
  hashMatch: false,
  ...over,
});

const model = (n: number) => ({ id: id(n), name: `Model ${n}` }) as StyleModel;
const template = (n: number) => ({ id: id(n), name: `Template ${n}` }) as WorkflowTemplate;

function setUp(hidden: string[] = []) {
  const { sut, mock } = newTestService(SearchService);
  const engine = mock(SearchQueries);
  Object.assign(engine, { name: 'postgres' });
  const catalog = mock(CatalogFacade);
  const templates = mock(TemplatesFacade);
  const outbox = mock(SearchOutboxRepository);
  outbox.hiddenIds.mockResolvedValue(hidden);
  // The facades answer with the published subjects among the ids asked for, in their order.
  const published = { models: new Set<string>(), templates: new Set<string>() };
  catalog.publishedModels.mockImplementation(async (ids: readonly string[]) =>
    ids.filter((i) => published.models.has(i)).map((i) => model(Number(i.slice(-12)))),
  );
  templates.publishedTemplates.mockImplementation(async (ids: readonly string[]) =>
    ids.filter((i) => published.templates.has(i)).map((i) => template(Number(i.slice(-12)))),
  );
  return { sut, mock, engine, catalog, templates, outbox, published };
}

/** The request the engine was asked (its first argument). */
const asked = (fn: jest.Mock) => fn.mock.calls[0]![0] as SearchRequest;

describe('SearchService.search', () => {
  it('answers with the hits whose model or template is still published, in the engine’s order', async () => {
    const { sut, engine, catalog, templates, published } = setUp();
    engine.search.mockResolvedValue(page([hit(1), hit(2, 'TEMPLATE'), hit(3), hit(4, 'TEMPLATE'), hit(5)]));
    published.models.add(id(1)).add(id(5)); // 3 was unpublished since it was indexed
    published.templates.add(id(4)); // 2 too
    const outcome = await sut.search({ query: 'ink' });
    expect(outcome.hits.map((h) => [h.kind, h.model?.id ?? null, h.template?.id ?? null])).toEqual([
      ['MODEL', id(1), null],
      ['TEMPLATE', null, id(4)],
      ['MODEL', id(5), null],
    ]);
    // One read per kind, each with only that kind's ids.
    expect(catalog.publishedModels).toHaveBeenCalledTimes(1);
    expect(catalog.publishedModels).toHaveBeenCalledWith([id(1), id(3), id(5)]);
    expect(templates.publishedTemplates).toHaveBeenCalledWith([id(2), id(4)]);
    // Scores, highlights and prices come from the engine, unchanged.
    expect(outcome.hits[2]).toMatchObject({ score: 0.5, price: hit(5).price, highlights: hit(5).highlights });
    // The total is the engine's (it counts documents, not what the catalog still serves).
    expect(outcome.total).toBe(5);
  });

  it('passes the engine’s answer about the words through: did you mean, dropped words, a hash match', async () => {
    const { sut, engine, published } = setUp();
    published.models.add(id(1));
    engine.search.mockResolvedValue(page([hit(1)], { didYouMean: 'ink wash', droppedWords: ['zzz'], hashMatch: true }));
    expect(await sut.search({ query: 'inc wash zzz' })).toMatchObject({
      didYouMean: 'ink wash',
      droppedWords: ['zzz'],
      hashMatch: true,
      counted: null,
    });
  });

  it('leaves out the documents whose sync has not landed, and applies the viewer’s maturity', async () => {
    const { sut, mock, engine } = setUp([id(7), id(8)]);
    engine.search.mockResolvedValue(page([]));
    mock(IdentityFacade).maxMaturity.mockResolvedValue('MATURE');
    const signedIn = await sut.search({ query: 'ink' }, viewer);
    expect(asked(engine.search).hidden).toEqual([id(7), id(8)]);
    expect(asked(engine.search).filters.maturity).toEqual(['SFW', 'SUGGESTIVE', 'MATURE']);
    expect(signedIn.maturity).toEqual(['SFW', 'SUGGESTIVE', 'MATURE']);
    expect(mock(IdentityFacade).maxMaturity).toHaveBeenCalledWith(viewer.userId);

    const signedOut = setUp();
    signedOut.engine.search.mockResolvedValue(page([]));
    expect((await signedOut.sut.search({})).maturity).toEqual(['SFW', 'SUGGESTIVE']);
    expect(asked(signedOut.engine.search).hidden).toEqual([]);
    // An explicit filter wins over the setting.
    const filtered = setUp();
    filtered.engine.search.mockResolvedValue(page([]));
    expect((await filtered.sut.search({ filters: { maturity: ['SFW'] } })).maturity).toEqual(['SFW']);
  });

  it.each([
    // [offset, first, total, has a next page]
    [0, 24, 25, true],
    [0, 24, 24, false],
    [24, 24, 100, true],
    [MAX_DEPTH - 24, 24, 5000, false], // the next page would start at the depth limit
    [MAX_DEPTH - 48, 24, 5000, true],
    [0, 24, 0, false],
  ])('pages from %i by %i of %i: next page %s', async (offset, first, total, more) => {
    const { sut, engine } = setUp();
    engine.search.mockResolvedValue(page([], { total }));
    const request = parseSearchRequest({ query: 'ink', first });
    const after = offset ? encodeCursor(request, offset) : null;
    const outcome = await sut.search({ query: 'ink', first, after });
    expect(asked(engine.search).offset).toBe(offset);
    expect(outcome.hasNextPage).toBe(more);
    expect(outcome.endCursor).toBe(more ? encodeCursor(request, offset + first) : null);
  });

  it('answers the facet counts with the hits when asked, and keeps them for the facets field', async () => {
    const { sut, engine, published } = setUp();
    published.models.add(id(1));
    const counts: FacetCount[] = [{ facet: 'type', value: 'LORA', count: 3 }];
    engine.searchWithFacets.mockResolvedValue({ page: page([hit(1)], { total: 3 }), facets: counts });
    const outcome = await sut.search({ query: 'ink' }, undefined, ['type', 'tag']);
    expect(engine.search).not.toHaveBeenCalled();
    expect(engine.searchWithFacets.mock.calls[0]![1]).toEqual(['type', 'tag']);
    expect(outcome.counted).toEqual({ facets: ['type', 'tag'], counts });
    expect(outcome.total).toBe(3);
  });

  it('turns an engine failure into SEARCH_UNAVAILABLE, and lets a typed error through as it is', async () => {
    const { sut, engine } = setUp();
    engine.search.mockRejectedValue(new Error('connect ECONNREFUSED 10.0.0.7:7700'));
    const error = await sut.search({ query: 'ink' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
    expect(String((error as Error).message)).not.toContain('10.0.0.7'); // the cause is logged, never shown
    const typed = new ValidationError('SEARCH_INVALID_FILTER', 'no', { field: 'x' });
    engine.search.mockRejectedValue(typed);
    await expect(sut.search({ query: 'ink' })).rejects.toBe(typed);
  });

  it('refuses a bad request before asking the engine', async () => {
    const { sut, engine } = setUp();
    await expect(sut.search({ first: 61 })).rejects.toMatchObject({ code: 'SEARCH_INVALID_FIRST' });
    await expect(sut.search({ after: 'not-a-cursor' })).rejects.toMatchObject({ code: 'SEARCH_INVALID_CURSOR' });
    expect(engine.search).not.toHaveBeenCalled();
  });
});

describe('SearchService.facets', () => {
  const request = parseSearchRequest({ query: 'ink' });
  const counts: FacetCount[] = [
    { facet: 'type', value: 'LORA', count: 3 },
    { facet: 'type', value: 'CHECKPOINT', count: 1 },
    { facet: 'tag', value: 'ink', count: 2 },
  ];

  it('reuses the counts answered with the hits when the same facets are asked for, in any order', async () => {
    const { sut, engine } = setUp();
    const grouped = await sut.facets({ request, counted: { facets: ['type', 'tag'], counts } }, ['tag', 'type']);
    expect(engine.facets).not.toHaveBeenCalled();
    expect([...grouped]).toEqual([
      ['tag', [counts[2]]],
      ['type', [counts[0], counts[1]]],
    ]);
  });

  it.each<[string, Facet[] | null, readonly string[] | null]>([
    ['other facets than those counted', ['type', 'tag'], ['type']],
    ['facets when none were counted', null, ['type', 'tag']],
  ])('counts now for %s', async (_, countedFacets, wanted) => {
    const { sut, engine } = setUp();
    engine.facets.mockResolvedValue(counts.filter((c) => wanted?.includes(c.facet)));
    const grouped = await sut.facets({ request, counted: countedFacets && { facets: countedFacets, counts } }, wanted);
    expect(engine.facets).toHaveBeenCalledWith(request, wanted);
    expect([...grouped.keys()]).toEqual(wanted);
  });

  it('asks for every facet when none are named, each listed even without values, duplicates once', async () => {
    const { sut, engine } = setUp();
    engine.facets.mockResolvedValue([]);
    const all = await sut.facets({ request, counted: null }, null);
    expect(engine.facets).toHaveBeenCalledWith(request, [...FACETS]);
    expect([...all]).toEqual(FACETS.map((f) => [f, []]));
    await sut.facets({ request, counted: null }, ['tag', 'tag']);
    expect(engine.facets).toHaveBeenLastCalledWith(request, ['tag']);
  });

  it('refuses an unknown facet', async () => {
    const { sut, engine } = setUp();
    await expect(sut.facets({ request, counted: null }, ['type', 'colour'])).rejects.toMatchObject({
      code: 'SEARCH_UNKNOWN_FACET',
      details: { field: 'facet' },
    });
    expect(engine.facets).not.toHaveBeenCalled();
  });
});

describe('SearchService.facetValues', () => {
  it('counts one facet’s values by prefix within the search, from its first page', async () => {
    const { sut, engine } = setUp([id(9)]);
    engine.facets.mockResolvedValue([{ facet: 'tag', value: 'watercolor', count: 4 }]);
    const request = parseSearchRequest({ query: 'ink' });
    const values = await sut.facetValues('tag', 'wa', { query: 'ink', after: encodeCursor(request, 48) });
    expect(values).toEqual([{ facet: 'tag', value: 'watercolor', count: 4 }]);
    const [asked, facets, prefix] = engine.facets.mock.calls[0]!;
    expect([asked.offset, asked.hidden, facets, prefix]).toEqual([0, [id(9)], ['tag'], 'wa']);
  });

  it.each([
    ['colour', 'wa', 'SEARCH_UNKNOWN_FACET'],
    ['tag', 'w'.repeat(61), 'SEARCH_QUERY_TOO_LONG'],
  ])('refuses facet %s with prefix %s: %s', async (facet, prefix, code) => {
    const { sut, engine } = setUp();
    await expect(sut.facetValues(facet, prefix, {})).rejects.toMatchObject({ code });
    expect(engine.facets).not.toHaveBeenCalled();
  });
});

describe('SearchService.creators and suggest', () => {
  const request = parseSearchRequest({ query: 'ink' });

  it.each([0, 13, 1.5, -1])('refuses %p creators', async (first) => {
    const { sut, engine } = setUp();
    await expect(sut.creators(request, first)).rejects.toMatchObject({ code: 'SEARCH_INVALID_FIRST' });
    expect(engine.creators).not.toHaveBeenCalled();
  });

  it.each([1, 3, 12])('asks the engine for %i creators', async (first) => {
    const { sut, engine } = setUp();
    const creator = { handle: 'ink_maker', name: 'Ink Maker', models: 2, templates: 1, downloads: 10 };
    engine.creators.mockResolvedValue([creator]);
    expect(await sut.creators(request, first)).toEqual([creator]);
    expect(engine.creators).toHaveBeenCalledWith(request, first);
  });

  it('suggests five at most, leaving out the documents whose sync has not landed', async () => {
    const { sut, engine } = setUp([id(3)]);
    engine.suggest.mockResolvedValue([{ kind: 'TAG', text: 'ink', ref: 'ink' }]);
    expect(await sut.suggest('in')).toEqual([{ kind: 'TAG', text: 'ink', ref: 'ink' }]);
    expect(engine.suggest).toHaveBeenCalledWith('in', 5, [id(3)]);
  });

  it('refuses a prefix over 60 characters, and reports an engine failure as SEARCH_UNAVAILABLE', async () => {
    const { sut, engine, outbox } = setUp();
    await expect(sut.suggest('x'.repeat(61))).rejects.toMatchObject({ code: 'SEARCH_QUERY_TOO_LONG' });
    expect(outbox.hiddenIds).not.toHaveBeenCalled();
    engine.suggest.mockRejectedValue(new Error('timeout'));
    await expect(sut.suggest('x'.repeat(60))).rejects.toMatchObject({ code: 'SEARCH_UNAVAILABLE' });
  });
});
