import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { blockedEitherWay, visibleTo } from '../blocks/block.repository';
import type { SafeNode } from './comment-markdown';
import type { CommentCursor, CommentOrder, CommentRow, DiscussionKind, Placement } from './comment';
import type { Row } from './comment-row';
import { fromJson, toComment } from './comment-row';

/** A discussion's subject: who created it (they may pin and hide) and how many comments it has. */
export interface DiscussionSubject {
  kind: DiscussionKind;
  id: string;
  /** The template of a template version (its page); null for other kinds. */
  templateId: string | null;
  ownerId: string;
  commentCount: number;
}

export interface NewComment {
  id: string;
  subjectKind: DiscussionKind;
  subjectId: string;
  placement: Placement | null;
  authorId: string;
  body: string;
  tree: SafeNode;
  mentions: string[];
  at: Date;
}

const BASE_COLUMNS = `c.id, c.subject_kind, c.subject_id, c.parent_id, c.root_id, c.reply_to_id, c.depth, c.author_id,
  u.handle, u.display_name, c.body, c.tree, c.mentions, c.created_at, c.edited_at, c.deleted_at, c.hidden_at,
  c.pinned_at`;

/** As stored: `reply_count` counts every direct reply (it decides how a delete goes). */
const STORED_COLUMNS = `${BASE_COLUMNS}, c.reply_count`;

/** The row as `viewer` sees it: `reply_count` counts the direct replies they can load (`replyCountFor`). */
function columnsFor(viewer: string, creator: string): string {
  return `${BASE_COLUMNS}, ${replyCountFor(viewer, creator)} AS reply_count`;
}

/** `viewer` and the members on either side of a block with them, as a uuid array (computed once per statement). */
function selfAndBlocked(viewer: string): string {
  return `ARRAY(SELECT ${viewer}::uuid UNION ALL ${blockedEitherWay(viewer)})`;
}

/**
 * The direct replies of `c` that `viewer` can load (`seenBy`): the stored count of replies not hidden (all of them for
 * the creator), corrected from the replies by the viewer (their own hidden ones count for them) and by members on
 * either side of a block with them (never shown). The correction reads only those authors' replies
 * (`comment_parent_author_idx`) and nothing for a signed-out reader; it stays inside the statement that reads `c`.
 */
function replyCountFor(viewer: string, creator: string): string {
  return `(CASE WHEN ${creator}::boolean THEN c.reply_count ELSE c.visible_reply_count END
    + CASE WHEN ${viewer}::uuid IS NULL THEN 0 ELSE (
        SELECT count(*) FILTER (WHERE r.author_id = ${viewer}::uuid AND r.hidden_at IS NOT NULL AND NOT ${creator}::boolean)
             - count(*) FILTER (WHERE r.author_id <> ${viewer}::uuid AND (r.hidden_at IS NULL OR ${creator}::boolean))
          FROM community.comment r
         WHERE r.parent_id = c.id AND r.author_id = ANY (${selfAndBlocked(viewer)})) END)::int`;
}

/** Whether `viewer` may see comment `x` (`seenBy` for another alias; true for a missing LEFT JOINed row). */
function seesNode(x: string, viewer: string, creator: string): string {
  return `(${visibleTo(viewer, `${x}.author_id`)}
           AND (${x}.hidden_at IS NULL OR ${creator} OR ${x}.author_id = ${viewer}::uuid))`;
}

/**
 * The comments of discussion ($1, $2) that `viewer` ($3) can load, from the kept counts: every comment not deleted
 * for the creator, else those neither hidden nor under a hidden comment (`visible_count`); corrected from the subtrees
 * of the viewer's own comments and of blocked members' comments (the only ones whose visibility differs for this
 * viewer). A comment shows when it, its parent and its thread's top comment are each seen (`seenBy`).
 */
function commentCountFor(creator: string): string {
  const counted = `(c.deleted_at IS NULL AND (${creator} OR (c.hidden_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL)))`;
  const loadable = `(c.deleted_at IS NULL AND ${seesNode('c', '$3', creator)} AND ${seesNode('p', '$3', creator)}
                     AND ${seesNode('t', '$3', creator)})`;
  return `(coalesce(CASE WHEN ${creator} THEN d.comment_count ELSE d.visible_count END, 0)
    + CASE WHEN $3::uuid IS NULL THEN 0 ELSE (
        WITH seeds AS (
          SELECT x.id FROM community.comment x
           WHERE x.subject_kind = $1 AND x.subject_id = $2::uuid AND x.author_id = ANY (${selfAndBlocked('$3')}))
        SELECT coalesce(sum(${loadable}::int - ${counted}::int), 0)
          FROM community.comment c
          LEFT JOIN community.comment p ON p.id = c.parent_id
          JOIN community.comment t ON t.id = c.root_id
         WHERE c.id IN (SELECT id FROM seeds
                        UNION SELECT y.id FROM community.comment y JOIN seeds ON y.parent_id = seeds.id
                        UNION SELECT y.id FROM community.comment y JOIN seeds ON y.root_id = seeds.id
                                                                       AND y.parent_id IS NOT NULL)) END)::int`;
}

/**
 * What a viewer may see of a comment: nothing by someone on either side of a block with them (`visibleTo`), and a
 * hidden comment only when they wrote it or created the subject. `$viewer` and `$creator` are bind parameters.
 */
function seenBy(viewer: string, creator: string): string {
  return `${visibleTo(viewer, 'c.author_id')}
          AND (c.hidden_at IS NULL OR ${creator}::boolean OR c.author_id = ${viewer}::uuid)`;
}

/**
 * Comments and their per-subject counts (`community.comment`, `community.discussion`), and the little a discussion
 * reads of other domains: whether its model, template or version is public and who created it, and the members
 * `@mentions` name. A first page is two statements whatever its size: the subject with its count, and the top-level
 * comments with their inline replies (authors joined).
 */
@Injectable()
export class CommentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The public subject with its creator and the number of comments `viewer` can load (see `commentCountFor`; a
   * signed-out reader's when null), or null. One statement.
   */
  async subject(kind: DiscussionKind, id: string, viewer: string | null = null): Promise<DiscussionSubject | null> {
    const [row] = await this.dataSource.query<
      { owner_id: string; template_id: string | null; comment_count: number }[]
    >(
      `SELECT s.owner_id, s.template_id, ${commentCountFor('(s.owner_id = $3::uuid)')} AS comment_count
         FROM (SELECT m.owner_id, NULL::uuid AS template_id FROM catalog.style_model m
                WHERE $1 = 'MODEL' AND m.id = $2 AND m.status = 'PUBLISHED'
               UNION ALL
               SELECT t.owner_id, NULL FROM templates.template t
                WHERE $1 = 'TEMPLATE' AND t.id = $2 AND t.status = 'PUBLISHED'
               UNION ALL
               SELECT m.owner_id, NULL FROM catalog.model_version v
                 JOIN catalog.style_model m ON m.id = v.model_id AND m.status = 'PUBLISHED'
                WHERE $1 = 'VERSION' AND v.id = $2 AND v.status = 'PUBLISHED'
               UNION ALL
               SELECT t.owner_id, t.id FROM templates.template_version v
                 JOIN templates.template t ON t.id = v.template_id AND t.status = 'PUBLISHED'
                WHERE $1 = 'TEMPLATE_VERSION' AND v.id = $2 AND v.status = 'PUBLISHED') s
         LEFT JOIN community.discussion d ON d.subject_kind = $1 AND d.subject_id = $2`,
      [kind, id, viewer],
    );
    return row
      ? { kind, id, templateId: row.template_id, ownerId: row.owner_id, commentCount: row.comment_count }
      : null;
  }

  /**
   * Stores a comment, counts it in its discussion (as visible unless its parent or thread is hidden) and as a reply
   * of its parent. Locks the discussion's count row first, so a concurrent hide cannot recount around it.
   */
  async insert(manager: EntityManager, c: NewComment): Promise<void> {
    await this.lockDiscussion(manager, c.subjectKind, c.subjectId, true);
    await manager.query(
      `WITH inserted AS (
         INSERT INTO community.comment (id, subject_kind, subject_id, parent_id, root_id, reply_to_id, depth, author_id,
                                        body, tree, mentions, created_at)
         VALUES ($1::uuid, $2, $3::uuid, $4::uuid, coalesce($5::uuid, $1::uuid), $6::uuid, $7, $8::uuid, $9, $10::jsonb,
                 $11::uuid[], $12)
       ), parent AS (
         UPDATE community.comment SET reply_count = reply_count + 1, visible_reply_count = visible_reply_count + 1
          WHERE id = $4::uuid
       )
       UPDATE community.discussion
          SET comment_count = comment_count + 1,
              visible_count = visible_count + (NOT EXISTS (SELECT 1 FROM community.comment a
                                                          WHERE a.id IN ($4::uuid, $5::uuid) AND a.hidden_at IS NOT NULL))::int
        WHERE subject_kind = $2 AND subject_id = $3::uuid`,
      [
        c.id,
        c.subjectKind,
        c.subjectId,
        c.placement?.parentId ?? null,
        c.placement?.rootId ?? null,
        c.placement?.replyToId ?? null,
        c.placement?.depth ?? 0,
        c.authorId,
        c.body,
        JSON.stringify(c.tree),
        c.mentions,
        c.at,
      ],
    );
  }

  /** A comment, locked for the rest of the transaction; null when there is none. */
  async lock(manager: EntityManager, id: string): Promise<CommentRow | null> {
    const [row] = await manager.query<Row[]>(
      `SELECT ${STORED_COLUMNS} FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return row ? toComment(row) : null;
  }

  /** A comment as `viewer` may see it (see `seenBy`), or null. */
  async visible(id: string, viewer: string | null, viewerIsCreator: boolean): Promise<CommentRow | null> {
    const [row] = await this.dataSource.query<Row[]>(
      `SELECT ${columnsFor('$2', '$3')} FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
        WHERE c.id = $1 AND ${seenBy('$2', '$3')}`,
      [id, viewer, viewerIsCreator],
    );
    return row ? toComment(row) : null;
  }

  async updateBody(manager: EntityManager, id: string, body: string, tree: SafeNode, mentions: string[], at: Date) {
    await manager.query(
      `UPDATE community.comment SET body = $2, tree = $3, mentions = $4, edited_at = $5 WHERE id = $1`,
      [id, body, JSON.stringify(tree), mentions, at],
    );
  }

  /**
   * Deletes a comment (locked by the caller): one with replies keeps its place as "[deleted]" (body, tree and
   * mentions cleared, no longer pinned); one without is removed and no longer counts as its parent's reply. Either
   * way it leaves its discussion's count (and its visible count when it was shown there). Returns how.
   */
  async remove(manager: EntityManager, comment: CommentRow, at: Date): Promise<'SOFT' | 'HARD'> {
    const how = comment.replyCount > 0 ? 'SOFT' : 'HARD';
    const shownReply = comment.hiddenAt ? 0 : 1;
    await this.lockDiscussion(manager, comment.subjectKind, comment.subjectId);
    await manager.query(
      `WITH shown AS (
         SELECT (NOT EXISTS (SELECT 1 FROM community.comment a
                              WHERE a.id IN ($1::uuid, $6::uuid, $7::uuid) AND a.hidden_at IS NOT NULL))::int AS n
       ), changed AS (
         UPDATE community.comment SET deleted_at = $2, body = '', tree = NULL, mentions = '{}', pinned_at = NULL
          WHERE id = $1 AND $5 = 'SOFT'
       ), removed AS (
         DELETE FROM community.comment WHERE id = $1 AND $5 = 'HARD'
       ), parent AS (
         UPDATE community.comment SET reply_count = reply_count - 1, visible_reply_count = visible_reply_count - $8
          WHERE id = $6 AND $5 = 'HARD'
       )
       UPDATE community.discussion SET comment_count = comment_count - 1, visible_count = visible_count - (SELECT n FROM shown)
        WHERE subject_kind = $3 AND subject_id = $4`,
      [comment.id, at, comment.subjectKind, comment.subjectId, how, comment.parentId, comment.rootId, shownReply],
    );
    return how;
  }

  /** Pins or unpins a comment. */
  async setPinned(manager: EntityManager, id: string, at: Date | null): Promise<void> {
    await manager.query(`UPDATE community.comment SET pinned_at = $2 WHERE id = $1`, [id, at]);
  }

  /**
   * Hides or shows a comment (locked by the caller, whose hidden state this changes): its parent's visible reply
   * count follows, and its discussion's visible count is counted again (under the count row's lock, so no post or
   * delete slips between), as the comment's replies hide or show with it.
   */
  async setHidden(manager: EntityManager, comment: CommentRow, at: Date | null): Promise<void> {
    await this.lockDiscussion(manager, comment.subjectKind, comment.subjectId);
    await manager.query(
      `WITH changed AS (UPDATE community.comment SET hidden_at = $2 WHERE id = $1)
       UPDATE community.comment SET visible_reply_count = visible_reply_count + $3 WHERE id = $4`,
      [comment.id, at, at ? -1 : 1, comment.parentId],
    );
    await manager.query(
      `UPDATE community.discussion d SET visible_count = (
         SELECT count(*) FROM community.comment c
           LEFT JOIN community.comment p ON p.id = c.parent_id
           JOIN community.comment t ON t.id = c.root_id
          WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.deleted_at IS NULL
            AND c.hidden_at IS NULL AND p.hidden_at IS NULL AND t.hidden_at IS NULL)
        WHERE d.subject_kind = $1 AND d.subject_id = $2`,
      [comment.subjectKind, comment.subjectId],
    );
  }

  /** Locks a discussion's count row for the rest of the transaction; `make` it first when missing (a post). */
  private async lockDiscussion(manager: EntityManager, kind: DiscussionKind, id: string, make = false) {
    await manager.query(
      make
        ? `INSERT INTO community.discussion (subject_kind, subject_id) VALUES ($1, $2)
           ON CONFLICT (subject_kind, subject_id) DO UPDATE SET comment_count = community.discussion.comment_count`
        : `SELECT 1 FROM community.discussion WHERE subject_kind = $1 AND subject_id = $2 FOR UPDATE`,
      [kind, id],
    );
  }

  /**
   * How many comments of a discussion are pinned, after locking its count row so concurrent pins of one discussion
   * take turns (the row exists: a pinned comment was counted in).
   */
  async pinnedCount(manager: EntityManager, kind: DiscussionKind, id: string): Promise<number> {
    const [row] = await manager.query<{ pinned: number }[]>(
      `SELECT (SELECT count(*) FROM community.comment c
                WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.parent_id IS NULL AND c.pinned_at IS NOT NULL)::int
              AS pinned
         FROM community.discussion d WHERE d.subject_kind = $1 AND d.subject_id = $2 FOR UPDATE OF d`,
      [kind, id],
    );
    return row?.pinned ?? 0;
  }

  /**
   * The members named by `handles` (any case) who may be mentioned by `authorId`: neither side of a block between
   * them. One statement.
   */
  async mentionable(handles: readonly string[], authorId: string): Promise<{ id: string; handle: string }[]> {
    if (handles.length === 0) return [];
    return this.dataSource.query<{ id: string; handle: string }[]>(
      `SELECT u.id, u.handle::text AS handle FROM identity."user" u
        WHERE u.handle = ANY($1::citext[]) AND ${visibleTo('$2', 'u.id')}`,
      [handles, authorId],
    );
  }

  /**
   * A page of top-level comments as `viewer` sees them: on the first page (no cursor) the pinned ones first (oldest
   * pin first), then the others in `order` after the cursor; at most `limit` unpinned ones (ask one more to learn
   * whether there is a next page) — with their threads' replies (every level, at most `repliesPerParent` per parent,
   * oldest first, as `replies` reads them; 0: none). One statement, whatever the comments, replies and authors.
   */
  async topLevel(
    kind: DiscussionKind,
    id: string,
    viewer: string | null,
    viewerIsCreator: boolean,
    order: CommentOrder,
    after: CommentCursor | null,
    limit: number,
    maxPinned: number,
    repliesPerParent: number,
  ): Promise<{ top: CommentRow[]; replies: CommentRow[] }> {
    const newest = order === 'NEWEST';
    const unpinnedOrder = `c.created_at ${newest ? 'DESC' : 'ASC'}, c.id ${newest ? 'DESC' : 'ASC'}`;
    const [row] = await this.dataSource.query<{ top: Record<string, unknown>[]; replies: Record<string, unknown>[] }[]>(
      `WITH top AS MATERIALIZED (
         (SELECT ${columnsFor('$3', '$4')}, 0 AS part, row_number() OVER (ORDER BY c.pinned_at, c.id) AS ord
            FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
           WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.parent_id IS NULL AND c.pinned_at IS NOT NULL
             AND $5::timestamptz IS NULL AND ${seenBy('$3', '$4')}
           ORDER BY c.pinned_at, c.id LIMIT $8)
         UNION ALL
         (SELECT ${columnsFor('$3', '$4')}, 1 AS part, row_number() OVER (ORDER BY ${unpinnedOrder}) AS ord
            FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
           WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.parent_id IS NULL AND c.pinned_at IS NULL
             AND ($5::timestamptz IS NULL OR (c.created_at, c.id) ${newest ? '<' : '>'} ($5::timestamptz, $6::uuid))
             AND ${seenBy('$3', '$4')}
           ORDER BY ${unpinnedOrder} LIMIT $7)
       ),
       replies AS (
         SELECT * FROM (
           SELECT ${columnsFor('$3', '$4')}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS rank
             FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
            WHERE c.root_id IN (SELECT top.id FROM top) AND c.parent_id IS NOT NULL AND ${seenBy('$3', '$4')}
         ) r
         WHERE r.rank <= $9
       )
       SELECT (SELECT coalesce(json_agg(t ORDER BY t.part, t.ord), '[]'::json) FROM top t) AS top,
              (SELECT coalesce(json_agg(r ORDER BY r.depth, r.created_at, r.id), '[]'::json) FROM replies r) AS replies`,
      [
        kind,
        id,
        viewer,
        viewerIsCreator,
        after?.createdAt ?? null,
        after?.id ?? null,
        limit,
        maxPinned,
        repliesPerParent,
      ],
    );
    return { top: row!.top.map(fromJson), replies: row!.replies.map(fromJson) };
  }

  /**
   * The replies under some comments as `viewer` sees them: every level below the comments of `rootIds` (a page's
   * threads) or the direct replies of `parentIds`, at most `perParent` per parent (oldest first, a conversation's
   * order), after `after` for a parent's "more replies". One statement.
   */
  async replies(
    scope: { rootIds: readonly string[] } | { parentIds: readonly string[] },
    viewer: string | null,
    viewerIsCreator: boolean,
    perParent: number,
    after: CommentCursor | null = null,
  ): Promise<CommentRow[]> {
    const byRoot = 'rootIds' in scope;
    const ids = byRoot ? scope.rootIds : scope.parentIds;
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM (
         SELECT ${columnsFor('$2', '$3')}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS rank
           FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
          WHERE ${byRoot ? 'c.root_id = ANY($1::uuid[]) AND c.parent_id IS NOT NULL' : 'c.parent_id = ANY($1::uuid[])'}
            AND ($5::timestamptz IS NULL OR (c.created_at, c.id) > ($5::timestamptz, $6::uuid))
            AND ${seenBy('$2', '$3')}
       ) r
       WHERE r.rank <= $4 ORDER BY r.depth, r.created_at, r.id`,
      [ids, viewer, viewerIsCreator, perParent, after?.createdAt ?? null, after?.id ?? null],
    );
    return rows.map(toComment);
  }
}
