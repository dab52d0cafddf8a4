import type { ReactNode } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cn } from './cn';

/**
 * A box for content wider than a phone (a wide table): it scrolls sideways inside itself, never the page. When there
 * is more to the right, a fade on the edge and a "Scroll →" hint say so; the region is labelled and focusable, so a
 * keyboard can scroll it too (arrow keys once focused).
 */
export function ScrollTable({
  label,
  children,
  className,
}: {
  /** What the region holds ("Your orders"), for screen readers. */
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ overflowing: false, right: false, left: false });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const overflowing = el.scrollWidth > el.clientWidth + 1;
    setMore({
      overflowing,
      right: overflowing && el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
      left: overflowing && el.scrollLeft > 1,
    });
  }, []);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(el);
    if (el.firstElementChild) observer?.observe(el.firstElementChild);
    return () => observer?.disconnect();
  }, [measure]);

  return (
    <div
      className={cn('flex flex-col gap-1', className)}
      data-testid="scroll-table"
      data-overflowing={more.overflowing}
    >
      <div className="relative overflow-hidden rounded-card border border-line">
        <div
          ref={ref}
          role="region"
          aria-label={label}
          tabIndex={0}
          onScroll={measure}
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-[-2px]"
        >
          {children}
        </div>
        <div
          aria-hidden
          className={cn(
            'pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-black/15 to-transparent transition-opacity',
            more.left ? 'opacity-100' : 'opacity-0',
          )}
        />
        <div
          aria-hidden
          className={cn(
            'pointer-events-none absolute inset-y-0 right-0 w-8 bg-linear-to-l from-black/15 to-transparent transition-opacity',
            more.right ? 'opacity-100' : 'opacity-0',
          )}
        />
      </div>
      {more.overflowing && (
        <p className="self-end text-xs text-muted" data-testid="scroll-hint">
          {more.right ? 'Scroll → for more' : '← Scroll back'}
        </p>
      )}
    </div>
  );
}
