import { Link, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, buttonStyles } from '@lookbook/web-ui';
import { Like, Unlike } from '../../api/social';
import type { LikeSubjectKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { formatCount } from './format-count';

/**
 * Like or unlike with the count beside it. The count follows the server's answer (never guessed), so a double click
 * or another tab cannot leave it wrong; signed out, it is a link to sign in and come back.
 */
export function LikeButton({
  kind,
  id,
  liked: initialLiked,
  count: initialCount,
  signedIn,
  label,
}: {
  kind: LikeSubjectKind;
  id: string;
  liked: boolean;
  count: number;
  signedIn: boolean;
  /** What is liked, for screen readers ("this model"). */
  label: string;
}) {
  const [state, setState] = useState({ liked: initialLiked, count: initialCount });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const text = (
    <>
      <span aria-hidden>{state.liked ? '♥' : '♡'}</span>
      <span className="sr-only">{`${state.liked ? 'Liked' : 'Like'} ${label}, likes:`}</span>
      <span data-testid="like-count">{formatCount(state.count)}</span>
    </>
  );
  if (!signedIn)
    return (
      <Link to="/sign-in" search={{ next: location.href }} className={buttonStyles('secondary', 'sm')}>
        {text}
      </Link>
    );
  const toggle = async () => {
    setPending(true);
    setError(null);
    try {
      const next = state.liked
        ? (await execute(Unlike, { kind, id })).unlike
        : (await execute(Like, { kind, id })).like;
      setState({ liked: next.liked, count: next.likeCount });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant={state.liked ? 'primary' : 'secondary'}
        size="sm"
        aria-pressed={state.liked}
        isPending={pending}
        onPress={() => void toggle()}
        data-testid="like-button"
      >
        {text}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  );
}
