import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Browse filters the web client puts in its URLs: by tag (GIN on the published rows) and by creator handle. */
export class BrowseFilters1764800000000 implements MigrationInterface {
  name = 'BrowseFilters1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX style_model_tags_published_idx ON catalog.style_model USING gin (tags) WHERE status = 'PUBLISHED'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX catalog.style_model_tags_published_idx`);
  }
}
