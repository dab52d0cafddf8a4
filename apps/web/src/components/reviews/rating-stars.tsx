import { cn } from '@lookbook/web-ui';
import { formatCount } from '../social/format-count';

/** Five stars, filled to the nearest whole of `value` (a screen reader hears "4.5 out of 5 stars"). */
export function RatingStars({ value, className }: { value: number; className?: string }) {
  const filled = Math.round(value);
  return (
    <span className={cn('inline-flex items-center text-accent', className)} data-testid="rating-stars">
      <span aria-hidden className="tracking-tight">
        {'★'.repeat(filled) + '☆'.repeat(5 - filled)}
      </span>
      <span className="sr-only">{`${value.toLocaleString()} out of 5 stars`}</span>
    </span>
  );
}

/** A card's rating: stars, the average and how many rated; nothing before the first rating. */
export function CardRating({ average, count }: { average: number | null | undefined; count: number | undefined }) {
  if (average == null || !count) return null;
  return (
    <span className="inline-flex items-center gap-1" data-testid="card-rating">
      <RatingStars value={average} className="text-xs" />
      <span>
        {average.toFixed(1)} ({formatCount(count)})
      </span>
    </span>
  );
}

export const TIER_LABEL: Record<string, string> = {
  FREE: 'Free',
  PERSONAL: 'Personal',
  COMMERCIAL: 'Commercial',
  ENTERPRISE: 'Enterprise',
  EXCLUSIVE: 'Exclusive',
};
