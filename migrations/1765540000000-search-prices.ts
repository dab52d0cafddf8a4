import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents carry the cheapest paid offer whole (its tier beside amount and currency: cards read
 * "Free · Commercial $24") and `price_order`, the key price sorts use: that offer's approximate value in US dollars
 * (`priceOrderKey` in the kernel: major units at a reference rate), so KWD 3.000 sorts before $29 and ¥500 before
 * both, and a paid-only search sorts by the paid price even when a free offer exists too. Existing documents are
 * rebuilt through the outbox (the cheapest offer is now picked across currencies).
 */
export class SearchPrices1765540000000 implements MigrationInterface {
  name = 'SearchPrices1765540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search.model_document
        ADD COLUMN min_price_tier text,
        ADD COLUMN price_order float8`);
    await db.query(`
      DO $$ BEGIN
        IF to_regnamespace('graphile_worker') IS NOT NULL THEN
          PERFORM search.enqueue_model_sync(model_id) FROM search.model_document WHERE kind = 'MODEL';
          PERFORM search.enqueue_template_sync(model_id) FROM search.model_document WHERE kind = 'TEMPLATE';
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE search.model_document DROP COLUMN price_order, DROP COLUMN min_price_tier`);
  }
}
