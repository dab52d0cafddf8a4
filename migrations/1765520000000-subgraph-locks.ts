import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subgraph locks that cannot be squatted (docs/architecture.md, "Lineage and royalties").
 *
 * - `template_version.subgraph_sha256s`: the content hashes of every subgraph definition in the version's UI graph
 *   (the same SHA-256 a lock records: everything but the definition's id and revision), written at import and copied
 *   with a remix. An IP owner may lock only a definition no other user's published template contains, and a sale
 *   pays the IP owner of any locked definition the sold template contains: both read this column through a GIN index.
 *   Versions without subgraphs get `{}` here; the few that have some are hashed by the application on first need
 *   (`NULL` = not hashed yet; the same hash code as imports, which SQL cannot reproduce).
 * - An index on the locked hash of `ip_binding`, read by every import and publish.
 */
export class SubgraphLocks1765520000000 implements MigrationInterface {
  name = 'SubgraphLocks1765520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE templates.template_version ADD COLUMN subgraph_sha256s text[]`);
    await db.query(`
      UPDATE templates.template_version SET subgraph_sha256s = '{}'
       WHERE jsonb_typeof(ui_workflow #> '{definitions,subgraphs}') IS DISTINCT FROM 'array'
          OR ui_workflow #> '{definitions,subgraphs}' = '[]'::jsonb`);
    await db.query(`
      CREATE INDEX template_version_subgraphs_idx ON templates.template_version USING gin (subgraph_sha256s)
       WHERE status = 'PUBLISHED'`);
    await db.query(`
      CREATE INDEX template_version_unhashed_idx ON templates.template_version (id) WHERE subgraph_sha256s IS NULL`);
    await db.query(`
      CREATE INDEX ip_binding_locked_idx ON templates.ip_binding ((locked_subgraph ->> 'sha256'))
       WHERE locked_subgraph IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX templates.ip_binding_locked_idx`);
    await db.query(`ALTER TABLE templates.template_version DROP COLUMN subgraph_sha256s`);
  }
}
