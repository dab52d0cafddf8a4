import { useEffect, useState } from 'react';
import { Button } from '@lookbook/web-ui';

/**
 * On a phone, the licences sit below the gallery: this bar keeps them one tap away from anywhere on the page — what
 * is on offer and a button that brings the licences into view (and focus). It hides while the licences are on screen,
 * and on wide screens, where they sit beside the gallery.
 */
export function PhoneBuyBar({
  targetId,
  headingId,
  summary,
}: {
  targetId: string;
  headingId: string;
  summary: string;
}) {
  const [targetVisible, setTargetVisible] = useState(false);
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setTargetVisible(!!entry?.isIntersecting), {
      threshold: 0.05,
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [targetId]);
  if (targetVisible) return null;
  return (
    <div
      className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface/95 px-4 py-3 shadow-[0_-4px_12px_rgb(0_0_0/0.08)] backdrop-blur lg:hidden"
      data-testid="phone-buy-bar"
    >
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3">
        <p className="min-w-0 truncate text-sm font-medium">{summary}</p>
        <Button
          size="sm"
          onPress={() => {
            document.getElementById(targetId)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            document.getElementById(headingId)?.focus({ preventScroll: true });
          }}
        >
          See licences
        </Button>
      </div>
    </div>
  );
}
