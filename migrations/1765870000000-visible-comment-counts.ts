import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussion counts a reader can trust: what is counted is what can be loaded.
 *
 * - `community.comment.visible_reply_count`: direct replies not hidden (a deleted reply that stays as "[deleted]"
 *   still counts: it is shown). `reply_count` keeps counting every stored direct reply (the creator sees hidden ones,
 *   and it decides whether a delete keeps a "[deleted]" row).
 * - `community.discussion.visible_count`: comments not deleted that neither are hidden nor sit under a hidden comment
 *   (their parent or their thread's top comment). `comment_count` keeps counting every comment not deleted.
 * - Both are kept in the transaction of each post, delete, hide and show; blocks are corrected on read, from the
 *   reader's own and their blocked members' comments only (`comment_subject_author_idx`, `comment_parent_author_idx`).
 */
export class VisibleCommentCounts1765870000000 implements MigrationInterface {
  name = 'VisibleCommentCounts1765870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE community.comment
        ADD COLUMN visible_reply_count integer NOT NULL DEFAULT 0 CHECK (visible_reply_count >= 0);
      ALTER TABLE community.discussion
        ADD COLUMN visible_count integer NOT NULL DEFAULT 0 CHECK (visible_count >= 0);
      UPDATE community.comment c SET visible_reply_count = r.n
        FROM (SELECT parent_id, count(*)::int AS n FROM community.comment
               WHERE parent_id IS NOT NULL AND hidden_at IS NULL GROUP BY parent_id) r
       WHERE r.parent_id = c.id;
      UPDATE community.discussion d SET visible_count = (
        SELECT count(*) FROM community.comment c
          LEFT JOIN community.comment p ON p.id = c.parent_id
          JOIN community.comment t ON t.id = c.root_id
         WHERE c.subject_kind = d.subject_kind AND c.subject_id = d.subject_id AND c.deleted_at IS NULL
           AND c.hidden_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL);
      CREATE INDEX comment_subject_author_idx ON community.comment (subject_kind, subject_id, author_id);
      CREATE INDEX comment_parent_author_idx ON community.comment (parent_id, author_id) WHERE parent_id IS NOT NULL;`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX community.comment_parent_author_idx;
      DROP INDEX community.comment_subject_author_idx;
      ALTER TABLE community.discussion DROP COLUMN visible_count;
      ALTER TABLE community.comment DROP COLUMN visible_reply_count;`);
  }
}
