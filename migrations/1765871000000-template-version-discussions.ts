import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Discussions on template versions too (`TEMPLATE_VERSION`), as on model versions. */
export class TemplateVersionDiscussions1765871000000 implements MigrationInterface {
  name = 'TemplateVersionDiscussions1765871000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE community.comment DROP CONSTRAINT comment_subject_kind_check,
        ADD CONSTRAINT comment_subject_kind_check
          CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION', 'TEMPLATE_VERSION'));
      ALTER TABLE community.discussion DROP CONSTRAINT discussion_subject_kind_check,
        ADD CONSTRAINT discussion_subject_kind_check
          CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION', 'TEMPLATE_VERSION'));`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM community.comment WHERE subject_kind = 'TEMPLATE_VERSION' AND parent_id IS NOT NULL;
      DELETE FROM community.comment WHERE subject_kind = 'TEMPLATE_VERSION';
      DELETE FROM community.discussion WHERE subject_kind = 'TEMPLATE_VERSION';
      ALTER TABLE community.comment DROP CONSTRAINT comment_subject_kind_check,
        ADD CONSTRAINT comment_subject_kind_check CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION'));
      ALTER TABLE community.discussion DROP CONSTRAINT discussion_subject_kind_check,
        ADD CONSTRAINT discussion_subject_kind_check CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION'));`);
  }
}
