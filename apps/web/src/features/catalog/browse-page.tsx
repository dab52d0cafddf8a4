import { useQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import {
  ButtonLink,
  EmptyState,
  ErrorState,
  Inline,
  LoadingState,
  NativeSelect,
  Notice,
  Stack,
  Text,
  TextLink,
  buttonStyles,
  cn,
} from '@lookbook/web-ui';
import { baseModelsQuery } from '../../api/base-models';
import type { BrowseSearch } from '../../api/search';
import { PAGE_CAP, SEARCH_SORTS, browseQuery } from '../../api/search';
import { gridCounts, gridEntries, ModelGrid } from '../../components/model-grid';
import { errorMessage, isRetryable } from '../../lib/api-error';
import { modelTypeLabel } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import type { Chip } from './components/browse-results';
import { CreatorStrip, NoResultsHelp } from './components/browse-results';
import { FacetPanel } from './components/facet-panel';
import type { SuggestionPick } from './components/search-box';
import { SaveSearchButton } from './components/save-search-button';
import { SearchBox } from './components/search-box';
import { quoted, withoutWords } from './search-words';

const route = getRouteApi('/browse');

const SORT_LABELS: Record<(typeof SEARCH_SORTS)[number], string> = {
  RELEVANCE: 'Best match',
  NEWEST: 'Newest',
  MOST_DOWNLOADED: 'Most downloaded',
  MOST_LIKED: 'Most liked',
  TOP_RATED: 'Top rated',
  TRENDING: 'Trending',
  PRICE_LOW: 'Price: low to high',
  PRICE_HIGH: 'Price: high to low',
};

/** Browse: search over published models and workflow templates — query, facets, exclusions and sort all in the URL, so any search can be shared. */
export function BrowsePage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/browse' });
  const results = useSuspenseInfiniteQuery(browseQuery(search));
  const baseModels = useQuery(baseModelsQuery());
  const baseName = (id: string) => baseModels.data?.baseModels.find((b) => b.id === id)?.name ?? id;
  const heading = browseHeading(search, baseName);
  useTitle(search.q ? `“${search.q}” — search` : heading);

  const first = results.data.pages[0]?.search;
  const hits = useMemo(() => results.data.pages.flatMap((p) => p.search.hits), [results.data]);
  // Models and workflow templates in one ranked grid.
  const cards = useMemo(() => gridEntries(hits), [hits]);
  const snippets = useMemo(
    () =>
      new Map(
        hits.map((h) => [
          h.model?.id ?? h.template?.id ?? '',
          h.highlights.find((x) => x.field === 'description')?.segments,
        ]),
      ),
    [hits],
  );
  const prices = useMemo(() => new Map(hits.map((h) => [h.model?.id ?? h.template?.id ?? '', h.price])), [hits]);
  const counts = useMemo(() => gridCounts(hits), [hits]);
  // Each change is a history entry, so Back undoes a filter (the search box changes it on Enter, not per keystroke).
  const setSearch = (patch: Partial<BrowseSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), resetScroll: false });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError, error } = results;
  const onEndReached = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const capped = !hasNextPage && results.data.pages.length === PAGE_CAP;
  const chips = activeChips(search, baseName);
  const filtered = chips.length > 0 || !!search.q;
  // Phones: the facet panel opens on demand instead of pushing the results below the fold.
  const [showFilters, setShowFilters] = useState(false);
  const onPick = (pick: SuggestionPick) => {
    if (pick.kind === 'MODEL') void navigate({ to: '/models/$id', params: { id: pick.ref } });
    else if (pick.kind === 'TEMPLATE') void navigate({ to: '/templates/$id', params: { id: pick.ref } });
    else if (pick.kind === 'TAG') setSearch({ tag: pick.ref, q: undefined });
    else setSearch({ creator: pick.ref, q: undefined });
  };

  return (
    <Stack gap={6}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <SearchBox initial={search.q ?? ''} onSearch={(q) => setSearch({ q: q || undefined })} onPick={onPick} />
        </div>
        <div className="sm:w-56">
          <NativeSelect
            label="Sort by"
            value={search.sort ?? 'RELEVANCE'}
            onChange={(key) =>
              setSearch({ sort: key === 'RELEVANCE' ? undefined : (key as (typeof SEARCH_SORTS)[number]) })
            }
            options={SEARCH_SORTS.map((id) => ({ id, label: SORT_LABELS[id] }))}
          />
        </div>
      </div>
      <div className="flex flex-col gap-6 lg:flex-row">
        <button
          type="button"
          className={buttonStyles('secondary', 'sm', 'self-start lg:hidden')}
          aria-expanded={showFilters}
          aria-controls="search-filters"
          onClick={() => setShowFilters((open) => !open)}
        >
          {showFilters ? 'Hide filters' : 'Filters'}
        </button>
        <aside
          id="search-filters"
          aria-label="Filters"
          className={cn('shrink-0 flex-col gap-4 lg:flex lg:w-60', showFilters ? 'flex' : 'hidden')}
        >
          <h2 className="sr-only">Filters</h2>
          {first?.facets && (
            <FacetPanel facets={first.facets} search={search} baseModelName={baseName} onChange={setSearch} />
          )}
        </aside>
        <section className="min-w-0 flex-1" aria-labelledby="browse-heading">
          <Stack direction="row" gap={2} align="baseline" justify="between" className="mb-3">
            <h1 id="browse-heading" className="min-w-0 text-2xl font-semibold tracking-tight wrap-anywhere">
              {heading}
            </h1>
            {first && (
              <Text aria-live="polite" data-testid="result-count">
                {first.total.toLocaleString()} {resultNoun(search.kind, first.total)}
              </Text>
            )}
          </Stack>
          <div className="mb-3">
            <SaveSearchButton search={search} />
          </div>
          <Inline className="mb-4" aria-label="Active filters">
            {!search.mature && first && first.maturity.length < 4 && (
              <button
                type="button"
                className={buttonStyles('secondary', 'sm')}
                onClick={() => setSearch({ mature: true })}
                data-testid="maturity-chip"
              >
                {maturityLabel(first.maturity)} <span aria-hidden>×</span>
                <span className="sr-only">(show every maturity)</span>
              </button>
            )}
            {chips.map((chip) => (
              <button
                key={chip.key}
                type="button"
                className={buttonStyles('secondary', 'sm')}
                onClick={() => setSearch(chip.remove)}
              >
                {chip.label} <span aria-hidden>×</span>
                <span className="sr-only">(remove filter)</span>
              </button>
            ))}
            {filtered && (
              <TextLink to="/browse" search={{}} className="text-sm">
                Clear all
              </TextLink>
            )}
          </Inline>
          {first && first.droppedWords.length > 0 && hits.length > 0 ? (
            <Notice className="mb-4">
              <span data-testid="dropped-words">
                No results for {quoted(first.droppedWords.join(' '))} — showing results for{' '}
                <strong>{quoted(first.didYouMean ?? withoutWords(search.q ?? '', first.droppedWords))}</strong>.
              </span>
            </Notice>
          ) : (
            first?.didYouMean &&
            hits.length > 0 && (
              <Notice className="mb-4">
                Showing results for <strong>{first.didYouMean}</strong>.
              </Notice>
            )
          )}
          {first?.hashMatch && <Notice className="mb-4">This file hash belongs to the model below.</Notice>}
          {first?.creators && first.creators.length > 0 && <CreatorStrip creators={first.creators} />}
          {cards.length === 0 ? (
            <EmptyState
              title={filtered ? 'Nothing matches this search' : 'No models published yet'}
              action={
                filtered ? (
                  <ButtonLink to="/browse" search={{}}>
                    Start over
                  </ButtonLink>
                ) : (
                  <ButtonLink to="/studio/new">Publish the first one</ButtonLink>
                )
              }
            >
              {filtered ? (
                <NoResultsHelp
                  didYouMean={first?.didYouMean ?? null}
                  chips={chips}
                  onSearch={(q) => setSearch({ q })}
                  onRemove={setSearch}
                />
              ) : (
                'Creators publish style models from their studio.'
              )}
            </EmptyState>
          ) : (
            <>
              <ModelGrid
                models={cards}
                snippets={snippets}
                prices={prices}
                counts={counts}
                hasMore={!!hasNextPage}
                loadingMore={isFetchingNextPage}
                onEndReached={onEndReached}
              />
              {isFetchingNextPage && <LoadingState label="Loading more models" rows={1} />}
              {capped && (
                <Notice className="mt-6">
                  You have scrolled through {cards.length} models. Narrow the search to see others.
                </Notice>
              )}
              {isFetchNextPageError && (
                <ErrorState
                  message={errorMessage(error)}
                  onRetry={isRetryable(error) ? () => void fetchNextPage() : undefined}
                />
              )}
            </>
          )}
        </section>
      </div>
    </Stack>
  );
}

/**
 * The heading names what is listed: "All models and templates", "Paid workflow templates", "LoRA models for SDXL 1.0
 * tagged #watercolor", "Models and templates by @ada", "Results for “neon”". Other filters show as chips below it.
 */
export function browseHeading(search: BrowseSearch, baseName: (id: string) => string): string {
  if (search.q) return `Results for “${search.q}”`;
  const kinds =
    search.kind === 'template'
      ? 'workflow templates'
      : search.kind === 'model'
        ? 'style models'
        : 'models and templates';
  const what = search.type ? `${modelTypeLabel(search.type)} models` : kinds;
  const price = search.price === 'paid' ? 'paid' : search.price === 'free' ? 'free' : '';
  const phrase = [
    price,
    what,
    search.base && `for ${baseName(search.base)}`,
    search.tag && `tagged #${search.tag}`,
    search.creator && `by @${search.creator}`,
  ]
    .filter(Boolean)
    .join(' ');
  const narrowed = price || search.type || search.base || search.tag || search.creator;
  const text = narrowed ? phrase : `all ${phrase}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the count counts: models, workflow templates, or both ("results"). */
function resultNoun(kind: BrowseSearch['kind'], total: number): string {
  const one = total === 1;
  if (kind === 'model') return one ? 'model' : 'models';
  if (kind === 'template') return one ? 'workflow template' : 'workflow templates';
  return one ? 'result' : 'results';
}

/** The maturity in effect (the viewer's setting, or the default), as its chip says it. */
function maturityLabel(levels: readonly string[]): string {
  if (levels.length === 1) return 'Safe for work only';
  if (levels.length === 2) return 'Safe and suggestive only';
  return 'Up to mature';
}

/** Every active filter as a removable chip (the maturity default is its own chip). */
function activeChips(search: BrowseSearch, baseName: (id: string) => string): Chip[] {
  const chips: Chip[] = [];
  if (search.kind)
    chips.push({
      key: 'kind',
      label: search.kind === 'model' ? 'Style models only' : 'Workflow templates only',
      remove: { kind: undefined },
    });
  if (search.type) chips.push({ key: 'type', label: modelTypeLabel(search.type), remove: { type: undefined } });
  if (search.base) chips.push({ key: 'base', label: baseName(search.base), remove: { base: undefined } });
  if (search.creator) chips.push({ key: 'creator', label: `@${search.creator}`, remove: { creator: undefined } });
  if (search.tag) chips.push({ key: 'tag', label: `#${search.tag}`, remove: { tag: undefined } });
  if (search.price)
    chips.push({ key: 'price', label: search.price === 'free' ? 'Free' : 'Paid', remove: { price: undefined } });
  if (search.commercial) chips.push({ key: 'commercial', label: 'Commercial use', remove: { commercial: undefined } });
  if (search.derivatives)
    chips.push({ key: 'derivatives', label: 'Derivatives allowed', remove: { derivatives: undefined } });
  if (search.nocredit) chips.push({ key: 'nocredit', label: 'No credit needed', remove: { nocredit: undefined } });
  if (search.mature) chips.push({ key: 'mature', label: 'Including mature', remove: { mature: undefined } });
  for (const tag of search.not ?? [])
    chips.push({
      key: `not:${tag}`,
      label: `Not #${tag}`,
      remove: { not: (search.not ?? []).filter((t) => t !== tag) },
    });
  return chips;
}
