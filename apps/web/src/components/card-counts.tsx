import { formatCount } from './social/format-count';

/** A card's community counts, as the search hit carries them (no request of their own). */
export interface CardCounts {
  likes: number;
  downloads: number;
  /** The average rating, one decimal; null when unrated. */
  rating: number | null;
  ratingCount: number;
}

/** "♥ 12 · ↓ 3.4k · ★ 4.6 (18)": likes, downloads (models only) and the rating when there is one. */
export function CardCountsLine({ counts, downloads = true }: { counts: CardCounts; downloads?: boolean }) {
  return (
    <p className="text-xs text-muted" data-testid="card-counts">
      <span aria-label={`${counts.likes} likes`}>♥ {formatCount(counts.likes)}</span>
      {downloads && (
        <>
          {' · '}
          <span aria-label={`${counts.downloads} downloads`}>↓ {formatCount(counts.downloads)}</span>
        </>
      )}
      {counts.rating !== null && counts.ratingCount > 0 && (
        <>
          {' · '}
          <span aria-label={`Rated ${counts.rating} out of 5 by ${counts.ratingCount}`} data-testid="card-rating">
            ★ {counts.rating.toFixed(1)} ({formatCount(counts.ratingCount)})
          </span>
        </>
      )}
    </p>
  );
}
