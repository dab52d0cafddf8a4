import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose `model_id` names what was licensed or sold: a style model, or (for templates) a template. */
const TABLES = ['licensing."grant"', 'commerce.order_line'] as const;

/**
 * What a licence or an order line is for is a *subject* (a style model or a workflow template, as `subject_kind`
 * says), so the column that names it is `subject_id`, not `model_id`. A rename: every row keeps its value, and the
 * index and constraints on the column are renamed to match (PostgreSQL 18 names its NOT NULL constraints after the
 * column; older servers have none to rename).
 */
export class SubjectIds1765600000000 implements MigrationInterface {
  name = 'SubjectIds1765600000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} RENAME COLUMN model_id TO subject_id`);
      await renameConstraints(db, table, 'model_id', 'subject_id');
    }
    await db.query(`ALTER INDEX licensing.grant_model_issued_idx RENAME TO grant_subject_issued_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX licensing.grant_subject_issued_idx RENAME TO grant_model_issued_idx`);
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} RENAME COLUMN subject_id TO model_id`);
      await renameConstraints(db, table, 'subject_id', 'model_id');
    }
  }
}

/** Renames the table's constraints whose names carry the column's old name (e.g. `grant_model_id_not_null`). */
async function renameConstraints(db: QueryRunner, table: string, from: string, to: string): Promise<void> {
  const found = (await db.query(
    `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND conname LIKE '%' || $2 || '%' ORDER BY 1`,
    [table, `\\_${from.replace(/_/g, '\\_')}\\_`],
  )) as { conname: string }[];
  for (const { conname } of found) {
    await db.query(
      `ALTER TABLE ${table} RENAME CONSTRAINT "${conname}" TO "${conname.replace(`_${from}_`, `_${to}_`)}"`,
    );
  }
}
