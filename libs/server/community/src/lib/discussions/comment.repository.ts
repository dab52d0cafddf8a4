import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { visibleTo } from '../blocks/block.repository';
import type { SafeNode } from './comment-markdown';
import type { CommentCursor, CommentOrder, CommentRow, DiscussionKind, Placement } from './comment';

/** A discussion's subject: who created it (they may pin and hide) and how many comments it has. */
export interface DiscussionSubject {
  kind: DiscussionKind;
  id: string;
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

interface Row {
  id: string;
  subject_kind: DiscussionKind;
  subject_id: string;
  parent_id: string | null;
  root_id: string;
  reply_to_id: string | null;
  depth: number;
  author_id: string;
  handle: string | null;
  display_name: string | null;
  body: string;
  tree: SafeNode | null;
  mentions: string[];
  reply_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  pinned_at: Date | null;
}

const COLUMNS = `c.id, c.subject_kind, c.subject_id, c.parent_id, c.root_id, c.reply_to_id, c.depth, c.author_id,
  u.handle, u.display_name, c.body, c.tree, c.mentions, c.reply_count, c.created_at, c.edited_at, c.deleted_at,
  c.hidden_at, c.pinned_at`;

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

  /** The public subject with its creator and comment count, or null. One statement. */
  async subject(kind: DiscussionKind, id: string): Promise<DiscussionSubject | null> {
    const [row] = await this.dataSource.query<{ owner_id: string; comment_count: number }[]>(
      `SELECT s.owner_id, coalesce(d.comment_count, 0)::int AS comment_count
         FROM (SELECT m.owner_id FROM catalog.style_model m WHERE $1 = 'MODEL' AND m.id = $2 AND m.status = 'PUBLISHED'
               UNION ALL
               SELECT t.owner_id FROM templates.template t
                WHERE $1 = 'TEMPLATE' AND t.id = $2 AND t.status = 'PUBLISHED'
               UNION ALL
               SELECT m.owner_id FROM catalog.model_version v
                 JOIN catalog.style_model m ON m.id = v.model_id AND m.status = 'PUBLISHED'
                WHERE $1 = 'VERSION' AND v.id = $2 AND v.status = 'PUBLISHED') s
         LEFT JOIN community.discussion d ON d.subject_kind = $1 AND d.subject_id = $2`,
      [kind, id],
    );
    return row ? { kind, id, ownerId: row.owner_id, commentCount: row.comment_count } : null;
  }

  /** Stores a comment, counts it in its discussion and as a reply of its parent. */
  async insert(manager: EntityManager, c: NewComment): Promise<void> {
    await manager.query(
      `WITH inserted AS (
         INSERT INTO community.comment (id, subject_kind, subject_id, parent_id, root_id, reply_to_id, depth, author_id,
                                        body, tree, mentions, created_at)
         VALUES ($1::uuid, $2, $3::uuid, $4::uuid, coalesce($5::uuid, $1::uuid), $6::uuid, $7, $8::uuid, $9, $10::jsonb,
                 $11::uuid[], $12)
       ), parent AS (
         UPDATE community.comment SET reply_count = reply_count + 1 WHERE id = $4::uuid
       )
       INSERT INTO community.discussion (subject_kind, subject_id, comment_count) VALUES ($2, $3::uuid, 1)
       ON CONFLICT (subject_kind, subject_id) DO UPDATE SET comment_count = community.discussion.comment_count + 1`,
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
      `SELECT ${COLUMNS} FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    return row ? toComment(row) : null;
  }

  /** A comment as `viewer` may see it (see `seenBy`), or null. */
  async visible(id: string, viewer: string | null, viewerIsCreator: boolean): Promise<CommentRow | null> {
    const [row] = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
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
   * way it leaves its discussion's count. Returns how.
   */
  async remove(manager: EntityManager, comment: CommentRow, at: Date): Promise<'SOFT' | 'HARD'> {
    const how = comment.replyCount > 0 ? 'SOFT' : 'HARD';
    await manager.query(
      `WITH changed AS (
         UPDATE community.comment SET deleted_at = $2, body = '', tree = NULL, mentions = '{}', pinned_at = NULL
          WHERE id = $1 AND $5 = 'SOFT'
       ), removed AS (
         DELETE FROM community.comment WHERE id = $1 AND $5 = 'HARD'
       ), parent AS (
         UPDATE community.comment SET reply_count = reply_count - 1 WHERE id = $6 AND $5 = 'HARD'
       )
       UPDATE community.discussion SET comment_count = comment_count - 1
        WHERE subject_kind = $3 AND subject_id = $4`,
      [comment.id, at, comment.subjectKind, comment.subjectId, how, comment.parentId],
    );
    return how;
  }

  /** Pins or unpins a comment. */
  async setPinned(manager: EntityManager, id: string, at: Date | null): Promise<void> {
    await manager.query(`UPDATE community.comment SET pinned_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Hides or shows a comment. */
  async setHidden(manager: EntityManager, id: string, at: Date | null): Promise<void> {
    await manager.query(`UPDATE community.comment SET hidden_at = $2 WHERE id = $1`, [id, at]);
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
         (SELECT ${COLUMNS}, 0 AS part, row_number() OVER (ORDER BY c.pinned_at, c.id) AS ord
            FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
           WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.parent_id IS NULL AND c.pinned_at IS NOT NULL
             AND $5::timestamptz IS NULL AND ${seenBy('$3', '$4')}
           ORDER BY c.pinned_at, c.id LIMIT $8)
         UNION ALL
         (SELECT ${COLUMNS}, 1 AS part, row_number() OVER (ORDER BY ${unpinnedOrder}) AS ord
            FROM community.comment c LEFT JOIN identity.public_profile u ON u.id = c.author_id
           WHERE c.subject_kind = $1 AND c.subject_id = $2 AND c.parent_id IS NULL AND c.pinned_at IS NULL
             AND ($5::timestamptz IS NULL OR (c.created_at, c.id) ${newest ? '<' : '>'} ($5::timestamptz, $6::uuid))
             AND ${seenBy('$3', '$4')}
           ORDER BY ${unpinnedOrder} LIMIT $7)
       ),
       replies AS (
         SELECT * FROM (
           SELECT ${COLUMNS}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS rank
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
         SELECT ${COLUMNS}, row_number() OVER (PARTITION BY c.parent_id ORDER BY c.created_at, c.id) AS rank
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

/** A row read as JSON (`json_agg`): its times arrive as text. */
function fromJson(json: Record<string, unknown>): CommentRow {
  const at = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const r = json as unknown as Row;
  return toComment({
    ...r,
    created_at: at(json['created_at'])!,
    edited_at: at(json['edited_at']),
    deleted_at: at(json['deleted_at']),
    hidden_at: at(json['hidden_at']),
    pinned_at: at(json['pinned_at']),
  });
}

function toComment(r: Row): CommentRow {
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    parentId: r.parent_id,
    rootId: r.root_id,
    replyToId: r.reply_to_id,
    depth: r.depth,
    authorId: r.author_id,
    author: r.handle ? { id: r.author_id, handle: r.handle, displayName: r.display_name ?? r.handle } : null,
    body: r.body,
    tree: r.tree,
    mentions: r.mentions,
    replyCount: r.reply_count,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
    hiddenAt: r.hidden_at,
    pinnedAt: r.pinned_at,
  };
}
