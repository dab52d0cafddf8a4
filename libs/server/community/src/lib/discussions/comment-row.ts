import type { SafeNode } from './comment-markdown';
import type { CommentRow, DiscussionKind } from './comment';

/** A comment as `CommentRepository` selects it (with its author's public name joined). */
export interface Row {
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

/** A selected row as the domain's `CommentRow`. */
export function toComment(r: Row): CommentRow {
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

/** A row read as JSON (`json_agg`): its times arrive as text. */
export function fromJson(json: Record<string, unknown>): CommentRow {
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
