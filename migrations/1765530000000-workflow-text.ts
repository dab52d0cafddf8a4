import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A template version keeps its workflow as the text it was imported as, not as jsonb: jsonb reorders keys, rewrites
 * numbers (`1e400` expands, `-0` becomes `0`) and cannot hold every text a workflow may carry, while ComfyUI files
 * must come back byte for byte (unknown keys, seeds up to 2^64 − 1). Rows already stored keep jsonb's rendering of
 * their value. The published-version trigger compares the columns as before (`IS DISTINCT FROM` works on text).
 */
export class WorkflowText1765530000000 implements MigrationInterface {
  name = 'WorkflowText1765530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE templates.template_version
        ALTER COLUMN ui_workflow TYPE text USING ui_workflow::text,
        ALTER COLUMN api_prompt TYPE text USING api_prompt::text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE templates.template_version
        ALTER COLUMN ui_workflow TYPE jsonb USING ui_workflow::jsonb,
        ALTER COLUMN api_prompt TYPE jsonb USING api_prompt::jsonb`);
  }
}
