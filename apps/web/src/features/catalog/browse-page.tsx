import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import {
  Badge,
  EmptyState,
  ErrorState,
  LoadingState,
  NativeSelect,
  Notice,
  Skeleton,
  buttonStyles,
} from '@lookbook/web-ui';
import { errorMessage } from '../../lib/api-error';
import { modelTypeLabel } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import type { BrowseSearch } from './catalog-queries';
import { MODEL_TYPES, PAGE_CAP, baseModelsQuery, browseQuery } from './catalog-queries';
import { ModelGrid } from './model-grid';

const route = getRouteApi('/');
const ANY = 'any';

/** Home: the newest published models as a virtualised grid, with filters kept in the URL. */
export function BrowsePage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/' });
  const models = useInfiniteQuery(browseQuery(search));
  const baseModels = useQuery(baseModelsQuery());
  useTitle(search.tag ? `#${search.tag}` : search.creator ? `Models by @${search.creator}` : 'Browse style models');

  const nodes = useMemo(() => models.data?.pages.flatMap((p) => p.styleModels.nodes) ?? [], [models.data]);
  const setFilter = (patch: Partial<BrowseSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError, error } = models;
  const onEndReached = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const capped = !hasNextPage && models.data?.pages.length === PAGE_CAP;
  const filtered = Object.values(search).some(Boolean);

  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <aside aria-label="Filters" className="flex shrink-0 flex-col gap-4 lg:w-60">
        <h2 className="sr-only">Filters</h2>
        <NativeSelect
          label="Type"
          value={search.type ?? ANY}
          onChange={(key) => setFilter({ type: key === ANY ? undefined : (key as BrowseSearch['type']) })}
          options={[{ id: ANY, label: 'All types' }, ...MODEL_TYPES.map((t) => ({ id: t, label: modelTypeLabel(t) }))]}
        />
        <NativeSelect
          label="Base model"
          value={search.base ?? ANY}
          disabled={!baseModels.data}
          onChange={(key) => setFilter({ base: key === ANY ? undefined : key })}
          options={[
            { id: ANY, label: 'All base models' },
            ...(baseModels.data?.baseModels.map((b) => ({ id: b.id, label: b.name })) ?? []),
          ]}
        />
        {(search.creator || search.tag) && (
          <div className="flex flex-wrap gap-2">
            {search.creator && (
              <button
                type="button"
                className={buttonStyles('secondary', 'sm')}
                onClick={() => setFilter({ creator: undefined })}
              >
                Creator @{search.creator} <span aria-hidden>×</span>
                <span className="sr-only">(remove filter)</span>
              </button>
            )}
            {search.tag && (
              <button
                type="button"
                className={buttonStyles('secondary', 'sm')}
                onClick={() => setFilter({ tag: undefined })}
              >
                #{search.tag} <span aria-hidden>×</span>
                <span className="sr-only">(remove filter)</span>
              </button>
            )}
          </div>
        )}
        {filtered && (
          <Link to="/" search={{}} className="text-sm text-accent underline underline-offset-2 hover:no-underline">
            Clear all filters
          </Link>
        )}
      </aside>
      <section className="min-w-0 flex-1" aria-labelledby="browse-heading">
        <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
          <h1 id="browse-heading" className="text-2xl font-semibold tracking-tight">
            {search.creator ? `Models by @${search.creator}` : 'Newest style models'}
          </h1>
          {search.tag && <Badge tone="accent">#{search.tag}</Badge>}
        </div>
        {models.isPending ? (
          <GridSkeleton />
        ) : models.isError ? (
          <ErrorState message={errorMessage(models.error)} onRetry={() => void models.refetch()} />
        ) : nodes.length === 0 ? (
          <EmptyState
            title={filtered ? 'No models match these filters' : 'No models published yet'}
            action={
              filtered ? (
                <Link to="/" search={{}} className={buttonStyles('primary')}>
                  Show all models
                </Link>
              ) : (
                <Link to="/studio/new" className={buttonStyles('primary')}>
                  Publish the first one
                </Link>
              )
            }
          >
            {filtered
              ? 'Try another type or base model, or clear the filters.'
              : 'Creators publish style models from their studio.'}
          </EmptyState>
        ) : (
          <>
            <ModelGrid
              models={nodes}
              hasMore={!!hasNextPage}
              loadingMore={isFetchingNextPage}
              onEndReached={onEndReached}
            />
            {isFetchingNextPage && <LoadingState label="Loading more models" rows={1} />}
            {capped && (
              <Notice className="mt-6">
                You have scrolled through {nodes.length} models. Narrow the filters to see others.
              </Notice>
            )}
            {isFetchNextPageError && <ErrorState message={errorMessage(error)} onRetry={() => void fetchNextPage()} />}
          </>
        )}
      </section>
    </div>
  );
}

function GridSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading models"
      className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5"
    >
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="flex flex-col gap-2">
          <Skeleton className="aspect-[4/5] w-full" />
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-3 w-1/2" />
        </div>
      ))}
    </div>
  );
}
