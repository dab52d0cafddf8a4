import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { Button, buttonStyles } from '@lookbook/web-ui';
import { socialKeys } from '../../api/keys';
import { Follow, FollowStateQuery, Unfollow } from '../../api/social';
import type { FollowTargetKind } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { execute } from '../../lib/graphql-client';
import { formatCount } from './format-count';

/**
 * Follow or unfollow a creator (or an IP) with the follower count. `initial` comes with the page when it has it (a
 * profile); otherwise the state is asked for on its own, after the page has rendered (model and template pages).
 */
export function FollowButton({
  kind = 'USER',
  id,
  name,
  signedIn,
  initial,
  onChange,
}: {
  kind?: FollowTargetKind;
  id: string;
  /** Who is followed, for screen readers. */
  name: string;
  signedIn: boolean;
  initial?: { following: boolean; followerCount: number };
  onChange?: () => void;
}) {
  const asked = useQuery({
    queryKey: socialKeys.follow(kind, id, signedIn),
    queryFn: async () => (await execute(FollowStateQuery, { kind, id })).followState,
    enabled: !initial,
  });
  const [answer, setAnswer] = useState<{ following: boolean; followerCount: number } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const state = answer ?? initial ?? asked.data;
  const count = state ? ` · ${formatCount(state.followerCount)}` : '';
  if (!signedIn)
    return (
      <Link to="/sign-in" search={{ next: location.href }} className={buttonStyles('secondary', 'sm')}>
        Follow{count}
      </Link>
    );
  const toggle = async () => {
    setPending(true);
    setError(null);
    try {
      const next = state?.following
        ? (await execute(Unfollow, { kind, id })).unfollow
        : (await execute(Follow, { kind, id })).follow;
      setAnswer({ following: next.following, followerCount: next.followerCount });
      onChange?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant={state?.following ? 'secondary' : 'primary'}
        size="sm"
        aria-pressed={!!state?.following}
        isPending={pending}
        isDisabled={!state}
        onPress={() => void toggle()}
        data-testid="follow-button"
      >
        {state?.following ? 'Following' : 'Follow'}
        {count}
        <span className="sr-only"> {name}</span>
      </Button>
      {error && (
        <span role="alert" className="text-xs text-bad">
          {error}
        </span>
      )}
    </span>
  );
}
