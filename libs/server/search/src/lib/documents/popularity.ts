/**
 * What "Trending" and "Top rated" mean, in one place (docs/architecture/search.md, decision 0026).
 *
 * **Trending** is a score over the last `TRENDING_WINDOW_DAYS` days of a subject's likes and licence grants (a free
 * claim or a purchase: what lets someone download a licensed file), each event weighing its kind's weight and halving
 * every `TRENDING_HALF_LIFE_DAYS` days of age:
 *
 *     trending = Σ over likes and grants of the last 7 days:  weight × 0.5 ^ (age in days / 2)
 *
 * A like weighs 1, a grant 3. It is computed when a document is built (a lateral over the indexed like and grant
 * tables, never on a search request) and refreshed every 15 minutes for the subjects with events in the window, so
 * decay reaches the index without any write.
 */
export const TRENDING_WINDOW_DAYS = 7;
export const TRENDING_HALF_LIFE_DAYS = 2;
export const TRENDING_WEIGHTS = { like: 1, grant: 3 } as const;

/** The weight of one event of this age (days): what the SQL in `trendingScore` sums. */
export function trendingWeight(kind: keyof typeof TRENDING_WEIGHTS, ageDays: number): number {
  if (ageDays < 0 || ageDays > TRENDING_WINDOW_DAYS) return 0;
  return TRENDING_WEIGHTS[kind] * Math.pow(0.5, ageDays / TRENDING_HALF_LIFE_DAYS);
}

/** The trending score of a list of events (the reference for the SQL; the SQL spec compares with it). */
export function trendingOf(events: readonly { kind: keyof typeof TRENDING_WEIGHTS; ageDays: number }[]): number {
  return Math.round(events.reduce((sum, e) => sum + trendingWeight(e.kind, e.ageDays), 0) * 1000) / 1000;
}

/**
 * **Top rated** orders by a damped mean: the average pulled towards `RATING_PRIOR_MEAN` as if `RATING_PRIOR_COUNT`
 * such ratings were added, so one 5-star rating does not outrank forty 4.8s. Unrated subjects rank 0 (last).
 */
export const RATING_PRIOR_MEAN = 3;
export const RATING_PRIOR_COUNT = 5;

export function ratingRank(sum: number, count: number): number {
  if (count <= 0) return 0;
  return Math.round(((sum + RATING_PRIOR_MEAN * RATING_PRIOR_COUNT) / (count + RATING_PRIOR_COUNT)) * 1000) / 1000;
}

/** The average rating as shown on cards (one decimal); null when unrated. */
export function ratingAverage(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 10) / 10 : null;
}
