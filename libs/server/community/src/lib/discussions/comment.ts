import type { SafeNode } from './comment-markdown';
import { DiscussionErrors } from './discussion.errors';

/** `VERSION` is a model version; `TEMPLATE_VERSION` a version of a workflow template. */
export const DISCUSSION_KINDS = ['MODEL', 'TEMPLATE', 'VERSION', 'TEMPLATE_VERSION'] as const;
export type DiscussionKind = (typeof DISCUSSION_KINDS)[number];

export const COMMENT_ORDERS = ['NEWEST', 'OLDEST'] as const;
export type CommentOrder = (typeof COMMENT_ORDERS)[number];

/** Levels of a thread: a top-level comment (depth 0), its replies (1) and theirs (2). */
export const MAX_DEPTH = 2;
/** Characters (code points) of a comment's Markdown. */
export const MAX_COMMENT_LENGTH = 5000;
/** Comments a subject's creator may pin at once (shown on top of the first page). */
export const MAX_PINNED = 3;
/** Replies shown inline under each comment of a page; the rest behind "more replies". */
export const INLINE_REPLIES = 3;
/** Top-level comments per page. */
export const MAX_PAGE = 50;

/** A stored comment as the repository reads it, with its author's public name (null once the comment is deleted). */
export interface CommentRow {
  id: string;
  subjectKind: DiscussionKind;
  subjectId: string;
  parentId: string | null;
  rootId: string;
  replyToId: string | null;
  depth: number;
  authorId: string;
  author: { id: string; handle: string; displayName: string } | null;
  body: string;
  tree: SafeNode | null;
  mentions: string[];
  replyCount: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
}

/** Where a reply goes: under its parent, or, when the parent is at the last level, beside it (answering it). */
export interface Placement {
  parentId: string;
  rootId: string;
  replyToId: string | null;
  depth: number;
}

export function placeReply(parent: Pick<CommentRow, 'id' | 'parentId' | 'rootId' | 'depth'>): Placement {
  if (parent.depth < MAX_DEPTH)
    return { parentId: parent.id, rootId: parent.rootId, replyToId: null, depth: parent.depth + 1 };
  return { parentId: parent.parentId!, rootId: parent.rootId, replyToId: parent.id, depth: MAX_DEPTH };
}

/** A page cursor: the last top-level comment's time and id. */
export interface CommentCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

/** The cursor of `encodeCursor`, null for none; INVALID_CURSOR for anything else. */
export function decodeCursor(cursor: string | null | undefined): CommentCursor | null {
  if (!cursor) return null;
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id))
    throw DiscussionErrors.invalidCursor();
  return { createdAt, id };
}
