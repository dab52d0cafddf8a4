import type { ValueTransformer } from 'typeorm';

/**
 * `bigint` columns arrive from `pg` as strings (they may exceed 2^53). Ours hold minor units and byte counts that stay
 * far below it, so entities read them as numbers; NULL stays null.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
