import type { ReactNode } from 'react';

/**
 * Labels laid over a card's picture (its kind on the left, a price or a mark on the right). They share one row and
 * wrap under each other when a narrow card cannot hold both — two absolutely placed labels overlapped on phones.
 */
export function ImageBadges({ start, end }: { start: ReactNode; end?: ReactNode }) {
  return (
    <span className="pointer-events-none absolute inset-x-2 top-2 flex flex-wrap items-start justify-between gap-1">
      <ImageBadge>{start}</ImageBadge>
      {end ? <ImageBadge className="ml-auto">{end}</ImageBadge> : null}
    </span>
  );
}

function ImageBadge({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <span
      className={`max-w-full truncate rounded-full bg-black/60 px-2 py-0.5 text-xs font-medium text-white ${className}`}
    >
      {children}
    </span>
  );
}
