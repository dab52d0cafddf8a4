export const COUNTED_KINDS = ['USER', 'IP', 'MODEL', 'TEMPLATE', 'IMAGE', 'COLLECTION'] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

export const METRICS = [
  'LIKES',
  'DOWNLOADS',
  'FOLLOWERS',
  'FOLLOWING',
  'LIKES_RECEIVED',
  'MODELS',
  'TEMPLATES',
  'LICENSES_SOLD',
  /** The sum and number of ratings (1–5) of a model or template: the average is their quotient. */
  'RATING_SUM',
  'RATING_COUNT',
  /** How many counted ratings gave 1, 2, … 5 stars: a rating histogram read with the other counts. */
  'RATING_1',
  'RATING_2',
  'RATING_3',
  'RATING_4',
  'RATING_5',
] as const;
export type Metric = (typeof METRICS)[number];

/** One ±n change of a counter, written in the transaction of the row it counts. */
export interface CounterBump {
  kind: CountedKind;
  id: string;
  metric: Metric;
  delta: number;
}

/** The summed counts of one subject (a metric never counted reads 0). */
export type Counts = Record<Metric, number>;

export const SHARDS = 8;

/** The shard a user's writes go to: spread over 8 rows so one hot item never queues every liker on one row. */
export function shardOf(userId: string): number {
  return parseInt(userId.replace(/-/g, '').slice(-2), 16) % SHARDS;
}

export function emptyCounts(): Counts {
  return Object.fromEntries(METRICS.map((m) => [m, 0])) as Counts;
}
