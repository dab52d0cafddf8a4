import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two more community counters: the sum and the number of ratings of a model or template, so its average rating reads
 * from the same sharded counter rows as its likes and downloads (never an aggregate over reviews on a read path).
 */
export class RatingCounters1765805000000 implements MigrationInterface {
  name = 'RatingCounters1765805000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE community.counter DROP CONSTRAINT counter_metric_check,
        ADD CONSTRAINT counter_metric_check CHECK (metric IN ('LIKES', 'DOWNLOADS', 'FOLLOWERS', 'FOLLOWING',
          'LIKES_RECEIVED', 'MODELS', 'TEMPLATES', 'LICENSES_SOLD', 'RATING_SUM', 'RATING_COUNT'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE community.counter DROP CONSTRAINT counter_metric_check,
        ADD CONSTRAINT counter_metric_check CHECK (metric IN ('LIKES', 'DOWNLOADS', 'FOLLOWERS', 'FOLLOWING',
          'LIKES_RECEIVED', 'MODELS', 'TEMPLATES', 'LICENSES_SOLD'))`);
  }
}
