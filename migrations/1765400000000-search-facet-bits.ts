import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at 100k: a document's facet values with few possible values (kind, maturity, licence tiers, free / paid,
 * the three licence permissions) as one integer, `facet_bits`, generated from the columns, so a search groups its
 * matches by one number instead of nine columns before counting them. The bit layout is `FACET_BITS` in
 * `engines/facet-groups.ts` (libs/server/search); the search behaviour suite checks every count against a brute-force count.
 *
 * The GIN indexes stop using a pending list (`fastupdate`): with it, every search scans the list of entries not yet
 * merged (up to 4 MB under steady writes) before it can answer; without it a write merges its own entries.
 */
export class SearchFacetBits1765400000000 implements MigrationInterface {
  name = 'SearchFacetBits1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE search.model_document ADD COLUMN facet_bits integer NOT NULL GENERATED ALWAYS AS (
          (CASE WHEN kind = 'TEMPLATE' THEN 1 ELSE 0 END)
        | (CASE maturity WHEN 'SFW' THEN 2 WHEN 'SUGGESTIVE' THEN 4 WHEN 'MATURE' THEN 8 WHEN 'EXPLICIT' THEN 16 ELSE 0 END)
        | (CASE WHEN 'FREE' = ANY (tiers) THEN 32 ELSE 0 END)
        | (CASE WHEN 'PERSONAL' = ANY (tiers) THEN 64 ELSE 0 END)
        | (CASE WHEN 'COMMERCIAL' = ANY (tiers) THEN 128 ELSE 0 END)
        | (CASE WHEN 'ENTERPRISE' = ANY (tiers) THEN 256 ELSE 0 END)
        | (CASE WHEN 'EXCLUSIVE' = ANY (tiers) THEN 512 ELSE 0 END)
        | (CASE WHEN free THEN 1024 ELSE 0 END)
        | (CASE WHEN min_price_amount IS NOT NULL THEN 2048 ELSE 0 END)
        | (CASE WHEN commercial_use THEN 4096 ELSE 0 END)
        | (CASE WHEN derivatives_allowed THEN 8192 ELSE 0 END)
        | (CASE WHEN credit_required THEN 16384 ELSE 0 END)
      ) STORED`);
    for (const index of ['model_document_fts_idx', 'model_document_tags_idx', 'model_document_hashes_idx'])
      await db.query(`ALTER INDEX search.${index} SET (fastupdate = off)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of ['model_document_fts_idx', 'model_document_tags_idx', 'model_document_hashes_idx'])
      await db.query(`ALTER INDEX search.${index} RESET (fastupdate)`);
    await db.query(`ALTER TABLE search.model_document DROP COLUMN facet_bits`);
  }
}
