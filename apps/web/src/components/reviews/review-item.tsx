import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, Stack, Text, TextButton, TextField, TextLink } from '@lookbook/web-ui';
import type { ReviewFieldsFragment as ReviewFields } from '../../gql/graphql';
import {
  EditReview,
  ReplyToReview,
  ReviewFieldsFragment,
  reviewRevisionsQuery,
  VoteReviewHelpful,
} from '../../api/reviews';
import { readFragment } from '../../gql';
import { scopes } from '../../api/keys';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { RatingStars, TIER_LABEL } from './rating-stars';
import { ReviewForm } from './review-form';

const date = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * One review: stars, the verified licence it rests on (or that it no longer does), the plain text with its line
 * breaks (React escapes it: no markup ever renders), "edited" with the history, helpful votes and the creator's reply.
 */
export function ReviewItem({
  review: initial,
  viewerId,
  isCreator,
  showSubject = false,
}: {
  review: ReviewFields;
  viewerId: string | null;
  /** The viewer created the reviewed work: they may reply. */
  isCreator: boolean;
  showSubject?: boolean;
}) {
  const [review, setReview] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [replying, setReplying] = useState(false);
  const [history, setHistory] = useState(false);
  const [voteError, setVoteError] = useState<string | null>(null);
  const [voting, setVoting] = useState(false);
  const client = useQueryClient();
  const mine = viewerId === review.author.id;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: scopes.reviews });
    void client.invalidateQueries({ queryKey: review.subjectKind === 'MODEL' ? scopes.catalog : scopes.templates });
  };

  const vote = async () => {
    setVoting(true);
    setVoteError(null);
    try {
      const next = (await execute(VoteReviewHelpful, { reviewId: review.id, helpful: !review.viewerFoundHelpful }))
        .voteReviewHelpful;
      setReview({ ...review, helpfulCount: next.helpfulCount, viewerFoundHelpful: next.viewerFoundHelpful });
    } catch (e) {
      setVoteError(errorMessage(e));
    } finally {
      setVoting(false);
    }
  };

  return (
    <article id={`review-${review.id}`} className="flex flex-col gap-2 py-4" data-testid="review">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <RatingStars value={review.rating} />
        <TextLink to="/u/$handle" params={{ handle: review.author.handle }} variant="quiet" strong className="text-ink">
          {review.author.displayName}
        </TextLink>
        {review.verified ? (
          <span data-testid="verified-badge">
            <Badge tone="good">Verified licence · {TIER_LABEL[review.licenseTier] ?? review.licenseTier}</Badge>
          </span>
        ) : (
          <span data-testid="lapsed-badge">
            <Badge tone="warn">Licence no longer held</Badge>
          </span>
        )}
        <Text as="span" size="sm" tone="muted">
          {date(review.createdAt)}
          {review.editCount > 0 && (
            <>
              {' · '}
              <TextButton onClick={() => setHistory(!history)} aria-expanded={history} data-testid="review-edited">
                edited
              </TextButton>
            </>
          )}
        </Text>
      </div>
      {showSubject && (
        <Text size="sm">
          on{' '}
          {review.subjectKind === 'MODEL' ? (
            <TextLink to="/models/$id" params={{ id: review.subjectId }}>
              {review.subjectName}
            </TextLink>
          ) : (
            <TextLink to="/templates/$id" params={{ id: review.subjectId }}>
              {review.subjectName}
            </TextLink>
          )}
        </Text>
      )}
      {editing ? (
        <ReviewForm
          initial={{ rating: review.rating, body: review.body }}
          submitLabel="Save review"
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            setReview(
              readFragment(
                ReviewFieldsFragment,
                (await execute(EditReview, { reviewId: review.id, input })).editReview,
              ),
            );
            setEditing(false);
            refresh();
          }}
        />
      ) : (
        <p className="whitespace-pre-line break-words text-sm" data-testid="review-body-text">
          {review.body}
        </p>
      )}
      {history && <ReviewHistory reviewId={review.id} />}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {viewerId && !mine ? (
          <Button
            variant={review.viewerFoundHelpful ? 'primary' : 'secondary'}
            size="sm"
            aria-pressed={review.viewerFoundHelpful}
            isPending={voting}
            onPress={() => void vote()}
            data-testid="helpful-button"
          >
            Helpful · <span data-testid="helpful-count">{review.helpfulCount}</span>
          </Button>
        ) : (
          <Text as="span" size="sm" tone="muted">
            {review.helpfulCount} found this helpful
          </Text>
        )}
        {mine && !editing && (
          <TextButton onClick={() => setEditing(true)} data-testid="edit-review">
            Edit your review
          </TextButton>
        )}
        {isCreator && !replying && (
          <TextButton onClick={() => setReplying(true)} data-testid="reply-button">
            {review.reply ? 'Edit your reply' : 'Reply'}
          </TextButton>
        )}
        {voteError && (
          <span role="alert" className="text-xs text-bad">
            {voteError}
          </span>
        )}
      </div>
      {replying ? (
        <ReplyForm
          initial={review.reply?.body ?? ''}
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            setReview(
              readFragment(
                ReviewFieldsFragment,
                (await execute(ReplyToReview, { reviewId: review.id, body })).replyToReview,
              ),
            );
            setReplying(false);
            refresh();
          }}
        />
      ) : (
        review.reply && (
          <div className="ml-4 border-l-2 border-line pl-3" data-testid="review-reply">
            <Text size="sm" tone="muted">
              Reply from the creator · {date(review.reply.repliedAt)}
              {review.reply.editedAt && ' · edited'}
            </Text>
            <p className="whitespace-pre-line break-words text-sm" data-testid="review-reply-text">
              {review.reply.body}
            </p>
          </div>
        )
      )}
    </article>
  );
}

function ReviewHistory({ reviewId }: { reviewId: string }) {
  const revisions = useQuery(reviewRevisionsQuery(reviewId));
  if (revisions.isPending) return <Text size="sm">Loading earlier versions…</Text>;
  if (revisions.isError) return <Text size="sm">The earlier versions could not be loaded just now.</Text>;
  return (
    <Stack as="ol" gap={2} className="ml-4 border-l-2 border-line pl-3 text-sm" data-testid="review-history">
      {revisions.data.reviewRevisions.map((r) => (
        <li key={r.revision}>
          <Text size="sm">
            Version {r.revision} · {date(r.writtenAt)} · <RatingStars value={r.rating} />
          </Text>
          <p className="whitespace-pre-line break-words" data-testid="revision-body">
            {r.body}
          </p>
        </li>
      ))}
    </Stack>
  );
}

function ReplyForm({
  initial,
  onSubmit,
  onCancel,
}: {
  initial: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="ml-4 flex flex-col gap-2"
      data-testid="reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return setError('Write a reply first.');
        setPending(true);
        setError(null);
        onSubmit(body)
          .catch((err: unknown) => setError(errorMessage(err)))
          .finally(() => setPending(false));
      }}
    >
      <TextField label="Your reply" multiline rows={3} value={body} onChange={setBody} maxLength={2000} />
      {error && (
        <p role="alert" className="text-sm text-bad">
          {error}
        </p>
      )}
      <Stack direction="row" gap={2}>
        <Button type="submit" size="sm" isPending={pending} data-testid="reply-submit">
          Post reply
        </Button>
        <Button variant="secondary" size="sm" onPress={onCancel}>
          Cancel
        </Button>
      </Stack>
    </form>
  );
}
