import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, EmptyState, ErrorState, LoadingState, NativeSelect, Section, TextLink } from '@lookbook/web-ui';
import { DiscussionPage, PostComment } from '../../api/discussions';
import { discussionKeys } from '../../api/keys';
import type { CommentOrder, DiscussionSubjectKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { CommentComposer } from './comment-composer';
import { CommentItem } from './comment-item';
import { unmaskComment } from './comment-node';

const PAGE = 20;
const ORDERS = [
  { id: 'NEWEST', label: 'Newest first' },
  { id: 'OLDEST', label: 'Oldest first' },
];

/**
 * The discussion of a model, a model version or a template: threaded comments (pinned first), newest or oldest
 * first, a composer with a preview, replies, and the author's and the creator's menus. Text renders from the
 * server's safe Markdown tree only.
 */
export function DiscussionSection({
  kind,
  id,
  title = 'Discussion',
}: {
  kind: DiscussionSubjectKind;
  id: string;
  title?: string;
}) {
  const { signedIn } = useMe();
  const [order, setOrder] = useState<CommentOrder>('NEWEST');
  const client = useQueryClient();
  const location = useLocation();
  const query = useInfiniteQuery({
    queryKey: discussionKeys.page(kind, id, order),
    queryFn: ({ pageParam }) => execute(DiscussionPage, { kind, id, order, first: PAGE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.discussion.hasMore ? last.discussion.endCursor : undefined),
  });
  const refresh = () => client.invalidateQueries({ queryKey: discussionKeys.subject(kind, id) });
  const first = query.data?.pages[0]?.discussion;
  const comments = query.data?.pages.flatMap((p) => p.discussion.comments.map(unmaskComment)) ?? [];
  const ctx = { kind, subjectId: id, signedIn, viewerIsCreator: first?.viewerIsCreator ?? false, refresh };
  const count = first?.commentCount;
  return (
    <Section
      title={count === undefined ? title : `${title} (${count})`}
      data-testid={`discussion-${kind.toLowerCase()}`}
      actions={
        <NativeSelect
          label="Order"
          value={order}
          options={ORDERS}
          onChange={(value) => setOrder(value as CommentOrder)}
          className="min-w-36"
        />
      }
    >
      {signedIn ? (
        <CommentComposer
          label="Write a comment"
          submitLabel="Comment"
          onSubmit={async (text) => {
            await execute(PostComment, { input: { subjectKind: kind, subjectId: id, text } });
            await refresh();
          }}
        />
      ) : (
        <p className="text-sm text-muted">
          <TextLink to="/sign-in" search={{ next: location.href }}>
            Sign in
          </TextLink>{' '}
          to join the discussion.
        </p>
      )}
      {query.isPending ? (
        <LoadingState label="Loading the discussion…" rows={2} />
      ) : query.isError ? (
        <ErrorState
          title="The discussion could not be loaded"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : comments.length === 0 ? (
        <EmptyState title="No comments yet" level={3}>
          Questions, results, tips: start the conversation.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-5" data-testid="comments">
          {comments.map((c) => (
            <CommentItem key={c.id} comment={c} ctx={ctx} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          size="sm"
          className="self-start"
          isPending={query.isFetchingNextPage}
          onPress={() => void query.fetchNextPage()}
        >
          More comments
        </Button>
      )}
    </Section>
  );
}
