import { useState } from 'react';
import { Badge, TextButton, TextLink } from '@lookbook/web-ui';
import { DeleteComment, EditComment, HideComment, MoreReplies, PinComment, PostComment } from '../../api/discussions';
import type { DiscussionSubjectKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { SafeMarkdown } from '../safe-markdown';
import { CommentComposer } from './comment-composer';
import type { CommentNode } from './comment-node';
import { unmaskComment } from './comment-node';

export interface DiscussionContext {
  kind: DiscussionSubjectKind;
  subjectId: string;
  signedIn: boolean;
  viewerIsCreator: boolean;
  /** Reload the discussion after a change. */
  refresh: () => Promise<void>;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One comment with its menu (reply; edit and delete for its author; pin and hide for the creator) and its replies. */
export function CommentItem({ comment, ctx }: { comment: CommentNode; ctx: DiscussionContext }) {
  const [mode, setMode] = useState<'read' | 'reply' | 'edit' | 'confirm-delete'>('read');
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState<{ replies: CommentNode[]; after: string | null; hasMore: boolean } | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      setMode('read');
      await ctx.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const shown = [
    ...comment.replies,
    ...(more?.replies ?? []).filter((r) => !comment.replies.some((c) => c.id === r.id)),
  ];
  const hiddenReplies = more ? (more.hasMore ? 1 : 0) : Math.max(0, comment.replyCount - comment.replies.length);
  const loadMore = async () => {
    setError(null);
    try {
      const page = (await execute(MoreReplies, { id: comment.id, first: 20, after: more?.after ?? null }))
        .commentReplies;
      const replies = page.replies.map(unmaskComment);
      setMore({ replies: [...(more?.replies ?? []), ...replies], after: page.endCursor, hasMore: page.hasMore });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const answered = comment.replyToId ? shown.find((r) => r.id === comment.replyToId) : undefined;
  return (
    <li id={`comment-${comment.id}`} className="flex flex-col gap-2" data-testid="comment" data-depth={comment.depth}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {comment.author ? (
          <TextLink
            to="/u/$handle"
            params={{ handle: comment.author.handle }}
            strong
            variant="quiet"
            className="text-ink"
          >
            {comment.author.displayName}
          </TextLink>
        ) : (
          <span className="text-muted">[deleted]</span>
        )}
        <time dateTime={comment.createdAt} className="text-muted">
          {when(comment.createdAt)}
        </time>
        {comment.editedAt && !comment.deleted && (
          <span className="text-muted" title={`Edited ${when(comment.editedAt)}`} data-testid="comment-edited">
            · edited {when(comment.editedAt)}
          </span>
        )}
        {comment.pinned && <Badge tone="accent">Pinned</Badge>}
        {comment.hidden && <Badge tone="warn">Hidden from others</Badge>}
        {answered?.author && <span className="text-muted">↪ @{answered.author.handle}</span>}
      </div>
      {mode === 'edit' ? (
        <CommentComposer
          initial={comment.text}
          label="Edit your comment"
          submitLabel="Save"
          autoFocus
          onCancel={() => setMode('read')}
          onSubmit={async (text) => {
            await execute(EditComment, { id: comment.id, text });
            setMode('read');
            await ctx.refresh();
          }}
        />
      ) : comment.deleted ? (
        <p className="text-sm italic text-muted" data-testid="comment-deleted">
          [deleted]
        </p>
      ) : (
        <SafeMarkdown nodes={comment.body} />
      )}
      {!comment.deleted && mode !== 'edit' && (
        <div className="flex flex-wrap gap-3 text-sm" data-testid="comment-actions">
          {ctx.signedIn && <TextButton onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}>Reply</TextButton>}
          {comment.viewerIsAuthor && <TextButton onClick={() => setMode('edit')}>Edit</TextButton>}
          {comment.viewerIsAuthor &&
            (mode === 'confirm-delete' ? (
              <span className="flex gap-2">
                Delete this comment?
                <TextButton
                  className="text-bad"
                  onClick={() => void run(() => execute(DeleteComment, { id: comment.id }))}
                >
                  Delete
                </TextButton>
                <TextButton onClick={() => setMode('read')}>Keep</TextButton>
              </span>
            ) : (
              <TextButton onClick={() => setMode('confirm-delete')}>Delete</TextButton>
            ))}
          {ctx.viewerIsCreator && comment.depth === 0 && (
            <TextButton
              onClick={() => void run(() => execute(PinComment, { id: comment.id, pinned: !comment.pinned }))}
            >
              {comment.pinned ? 'Unpin' : 'Pin'}
            </TextButton>
          )}
          {ctx.viewerIsCreator && (
            <TextButton
              onClick={() => void run(() => execute(HideComment, { id: comment.id, hidden: !comment.hidden }))}
            >
              {comment.hidden ? 'Show' : 'Hide'}
            </TextButton>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      {mode === 'reply' && (
        <CommentComposer
          label={`Reply to ${comment.author?.displayName ?? 'this comment'}`}
          submitLabel="Reply"
          autoFocus
          onCancel={() => setMode('read')}
          onSubmit={async (text) => {
            await execute(PostComment, {
              input: { subjectKind: ctx.kind, subjectId: ctx.subjectId, parentId: comment.id, text },
            });
            setMode('read');
            await ctx.refresh();
          }}
        />
      )}
      {(shown.length > 0 || hiddenReplies > 0) && (
        <ul className="flex flex-col gap-4 border-l-2 border-line pl-3 sm:pl-5">
          {shown.map((reply) => (
            <CommentItem key={reply.id} comment={reply} ctx={ctx} />
          ))}
          {hiddenReplies > 0 && (
            <li>
              <TextButton onClick={() => void loadMore()} data-testid="more-replies">
                {more ? 'More replies' : `${hiddenReplies} more ${hiddenReplies === 1 ? 'reply' : 'replies'}`}
              </TextButton>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
