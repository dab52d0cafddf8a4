import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { cn, EmptyState, LoadingState } from '@lookbook/web-ui';
import { browseQuery } from '../../../api/search';
import { gridCounts, gridEntries, ModelGrid } from '../../../components/model-grid';
import { MemberCollections } from '../../../components/collections/member-collections';
import { MemberReviews } from '../../../components/reviews/member-reviews';
import { creatorWork } from '../api/queries';

const TABS = [
  { kind: 'model', label: 'Models' },
  { kind: 'template', label: 'Workflow templates' },
  { kind: 'collection', label: 'Collections' },
  { kind: 'review', label: 'Reviews' },
] as const;
type Kind = (typeof TABS)[number]['kind'];

/**
 * A creator's published work in tabs: models (loaded with the page), workflow templates, their public collections and
 * the reviews they wrote (loaded when opened).
 */
export function ProfileWork({
  userId,
  handle,
  name,
  counts,
}: {
  userId: string;
  handle: string;
  name: string;
  counts: Partial<Record<Kind, number>>;
}) {
  const [tab, setTab] = useState<Kind>('model');
  return (
    <section aria-label="Published work" className="flex flex-col gap-4">
      <div role="tablist" aria-label="Published work" className="flex gap-1 border-b border-line">
        {TABS.map((t) => (
          <button
            key={t.kind}
            type="button"
            role="tab"
            id={`tab-${t.kind}`}
            aria-selected={tab === t.kind}
            aria-controls={`panel-${t.kind}`}
            onClick={() => setTab(t.kind)}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              tab === t.kind ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink',
            )}
          >
            {t.label} {counts[t.kind] != null && <span className="text-muted">{counts[t.kind]}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={<LoadingState label="Loading their work…" />}>
          {tab === 'review' ? (
            <MemberReviews userId={userId} name={name} />
          ) : tab === 'collection' ? (
            <MemberCollections handle={handle} name={name} />
          ) : (
            <WorkGrid key={tab} handle={handle} name={name} kind={tab} />
          )}
        </Suspense>
      </div>
    </section>
  );
}

function WorkGrid({ handle, name, kind }: { handle: string; name: string; kind: 'model' | 'template' }) {
  const work = useSuspenseInfiniteQuery(browseQuery(creatorWork(handle, kind)));
  const hits = useMemo(() => work.data.pages.flatMap((p) => p.search.hits), [work.data]);
  const nodes = useMemo(() => gridEntries(hits), [hits]);
  const counts = useMemo(() => gridCounts(hits), [hits]);
  const onEndReached = useCallback(() => void work.fetchNextPage(), [work]);
  if (nodes.length === 0)
    return (
      <EmptyState
        title={kind === 'model' ? `${name} has no published models yet` : `${name} has no published templates yet`}
      />
    );
  return (
    <ModelGrid
      models={nodes}
      counts={counts}
      hasMore={!!work.hasNextPage}
      loadingMore={work.isFetchingNextPage}
      onEndReached={onEndReached}
    />
  );
}
