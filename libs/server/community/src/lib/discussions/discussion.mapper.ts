import type { SafeNode } from './comment-markdown';
import type { CommentView } from './comment.service';
import type { Comment, MarkdownNode } from './discussion.objects';

/** A safe tree as the flat list the API sends (document order, each node naming its parent's index). */
export function flattenTree(tree: SafeNode | null): MarkdownNode[] {
  const out: MarkdownNode[] = [];
  const visit = (node: SafeNode, parent: number | null) => {
    const index = out.length;
    out.push({
      type: node.type as MarkdownNode['type'],
      parent,
      text: node.text ?? null,
      href: node.href ?? null,
      userId: node.userId ?? null,
    });
    for (const child of node.children ?? []) visit(child, index);
  };
  for (const child of tree?.children ?? []) visit(child, null);
  return out;
}

export function toComment(view: CommentView, viewerId: string | null): Comment {
  const deleted = view.deletedAt !== null;
  return {
    id: view.id,
    parentId: view.parentId,
    replyToId: view.replyToId,
    depth: view.depth,
    author: deleted ? null : view.author,
    body: deleted ? [] : flattenTree(view.tree),
    text: deleted ? '' : view.body,
    createdAt: view.createdAt,
    editedAt: view.editedAt,
    deleted,
    hidden: view.hiddenAt !== null,
    pinned: view.pinnedAt !== null,
    replyCount: view.replyCount,
    replies: view.replies.map((r) => toComment(r, viewerId)),
    viewerIsAuthor: !deleted && viewerId === view.authorId,
  };
}
