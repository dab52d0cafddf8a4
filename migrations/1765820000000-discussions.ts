import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Discussions: threaded comments on models, templates and model versions.
 *
 * - `community.comment`: one row per comment. `body` is the Markdown as written, `tree` the safe node tree parsed from
 *   it on write (the only thing pages render); `mentions` the members it mentions. Threads are at most three levels
 *   (`depth` 0–2): a reply to a comment at the last level is placed beside it (same parent) with `reply_to_id` naming
 *   the comment it answers. `root_id` is the top-level comment of the thread (itself at the top), so a page's replies
 *   are read in one statement. `reply_count` counts direct replies still stored. A deleted comment with replies keeps
 *   its row with `deleted_at` set and body and tree cleared; one without replies is removed.
 * - `community.discussion`: per subject, the number of comments not deleted, kept in the transaction of each post and
 *   delete (never counted on read); its row is also the lock that serialises pinning in one discussion.
 */
export class Discussions1765820000000 implements MigrationInterface {
  name = 'Discussions1765820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE community.comment (
        id uuid PRIMARY KEY,
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION')),
        subject_id uuid NOT NULL,
        parent_id uuid REFERENCES community.comment (id),
        root_id uuid NOT NULL,
        reply_to_id uuid,
        depth smallint NOT NULL CHECK (depth BETWEEN 0 AND 2),
        author_id uuid NOT NULL REFERENCES identity.user (id),
        body text NOT NULL CHECK (char_length(body) <= 5000),
        tree jsonb,
        mentions uuid[] NOT NULL DEFAULT '{}',
        reply_count integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        pinned_at timestamptz,
        CONSTRAINT comment_parent_depth CHECK ((parent_id IS NULL) = (depth = 0)),
        CONSTRAINT comment_pinned_top CHECK (pinned_at IS NULL OR depth = 0)
      );
      CREATE INDEX comment_top_idx ON community.comment (subject_kind, subject_id, created_at DESC, id DESC)
        WHERE parent_id IS NULL;
      CREATE INDEX comment_root_idx ON community.comment (root_id, created_at, id) WHERE parent_id IS NOT NULL;
      CREATE INDEX comment_parent_idx ON community.comment (parent_id, created_at, id);
      CREATE INDEX comment_author_idx ON community.comment (author_id, created_at DESC);

      CREATE TABLE community.discussion (
        subject_kind text NOT NULL CHECK (subject_kind IN ('MODEL', 'TEMPLATE', 'VERSION')),
        subject_id uuid NOT NULL,
        comment_count integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
        PRIMARY KEY (subject_kind, subject_id)
      );`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE community.discussion; DROP TABLE community.comment;`);
  }
}
