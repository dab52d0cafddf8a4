import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FragmentType } from '../gql';
import type { TemplateCardFragment } from './template-card';
import { TemplateCard } from './template-card';
import type { CardPrice } from '../lib/licence-labels';
import type { CardCounts } from './card-counts';
import { ModelCard, type ModelCardFragment, type Segment } from './model-card';

type Card = { id: string } & FragmentType<typeof ModelCardFragment>;
/** Search results mix in workflow templates, drawn in the same frame. */
type TemplateEntry = { id: string; template: FragmentType<typeof TemplateCardFragment> };

/** Search hits as grid entries: models as they are, templates wrapped (a hit unpublished meanwhile is skipped). */
export function gridEntries(
  hits: readonly { model: Card | null; template: ({ id: string } & TemplateEntry['template']) | null }[],
): (Card | TemplateEntry)[] {
  return hits.flatMap((h) => (h.model ? [h.model] : h.template ? [{ id: h.template.id, template: h.template }] : []));
}

/** Columns for the grid's width: 2 on phones up to 5 on wide screens. */
const GAP = 16;
const columnsFor = (width: number) => (width >= 1200 ? 5 : width >= 900 ? 4 : width >= 600 ? 3 : 2);

export interface ModelGridProps {
  models: readonly (Card | TemplateEntry)[];
  hasMore: boolean;
  loadingMore: boolean;
  onEndReached: () => void;
  /** Search highlights: the description words that matched, by model or template id. */
  snippets?: ReadonlyMap<string, readonly Segment[] | undefined>;
  /** Search hits' prices (what the results were sorted by), by model or template id. */
  prices?: ReadonlyMap<string, CardPrice>;
  /** Search hits' counts (likes, downloads, rating), by model or template id. */
  counts?: ReadonlyMap<string, CardCounts>;
}

/** The counts of search hits by model or template id, for the grid's cards. */
export function gridCounts(
  hits: readonly { model: { id: string } | null; template: { id: string } | null; counts: CardCounts }[],
): Map<string, CardCounts> {
  return new Map(hits.map((h) => [h.model?.id ?? h.template?.id ?? '', h.counts]));
}

/**
 * A window-virtualised grid of model cards: only the rows near the viewport are mounted (a long scroll keeps a flat
 * DOM and bounded decoded images), and reaching the last rows asks for the next page.
 */
export function ModelGrid({ models, hasMore, loadingMore, onEndReached, snippets, prices, counts }: ModelGridProps) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1200 : window.innerWidth));
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
      setOffset(element.getBoundingClientRect().top + window.scrollY);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const columns = columnsFor(width);
  const rows = Math.ceil(models.length / columns);
  const cardWidth = Math.ceil((width - GAP * (columns - 1)) / columns);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => 380,
    overscan: 3,
    scrollMargin: offset,
    gap: GAP,
  });
  const items = virtualizer.getVirtualItems();
  const lastRow = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rows - 2) onEndReached();
  }, [hasMore, loadingMore, lastRow, rows, onEndReached]);

  return (
    <div ref={container} role="feed" aria-busy={loadingMore} aria-label="Results">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="absolute left-0 grid w-full gap-4"
            style={{
              top: row.start - virtualizer.options.scrollMargin,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            {models
              .slice(row.index * columns, row.index * columns + columns)
              .map((entry, i) =>
                'template' in entry ? (
                  <TemplateCard
                    key={entry.id}
                    template={entry.template}
                    snippet={snippets?.get(entry.id)}
                    price={prices?.get(entry.id)}
                    counts={counts?.get(entry.id)}
                  />
                ) : (
                  <ModelCard
                    key={entry.id}
                    model={entry}
                    width={cardWidth}
                    snippet={snippets?.get(entry.id)}
                    price={prices?.get(entry.id)}
                    counts={counts?.get(entry.id)}
                    priority={row.index === 0 && i < columns}
                  />
                ),
              )}
          </div>
        ))}
      </div>
    </div>
  );
}
