import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Card, ErrorState, LoadingState, Notice, SectionHeading, TextLink } from '@lookbook/web-ui';
import { scopes } from '../../../api/keys';
import { graphql } from '../../../gql';
import { errorMessage } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { accountKeys } from '../api/keys';
import { UnblockUser } from '../api/mutations';

const BlockedUsers = graphql(`
  query BlockedUsers {
    blockedUsers {
      id
      handle
      displayName
      blockedAt
    }
  }
`);

/** The members you block, newest first, each with Unblock (follows are not restored). */
export function BlockedUsersCard() {
  const client = useQueryClient();
  const blocked = useQuery({
    queryKey: accountKeys.blocked(),
    queryFn: async () => (await execute(BlockedUsers)).blockedUsers,
  });
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unblock = async (userId: string) => {
    setPending(userId);
    setError(null);
    try {
      await execute(UnblockUser, { userId });
      await client.invalidateQueries({ queryKey: scopes.account });
      // What blocking hid (their collections, items, feed entries) shows again.
      await client.invalidateQueries({ queryKey: scopes.collections });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(null);
    }
  };
  return (
    <div data-testid="blocked-users">
      <Card>
        <SectionHeading description="You do not see their work, comments or collections; they cannot follow you or reply to you.">
          Blocked members
        </SectionHeading>
        {blocked.isPending ? (
          <LoadingState label="Loading…" rows={2} />
        ) : blocked.isError ? (
          <ErrorState message={errorMessage(blocked.error)} onRetry={() => void blocked.refetch()} />
        ) : blocked.data.length === 0 ? (
          <p className="text-sm text-muted">You have not blocked anyone. Block someone from their profile.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {blocked.data.map((user) => (
              <li key={user.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <TextLink to="/u/$handle" params={{ handle: user.handle }}>
                    {user.displayName}
                  </TextLink>{' '}
                  <span className="text-muted">
                    @{user.handle} · since {formatDate(user.blockedAt)}
                  </span>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  isPending={pending === user.id}
                  onPress={() => void unblock(user.id)}
                >
                  Unblock<span className="sr-only"> {user.displayName}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        {error && <Notice tone="bad">{error}</Notice>}
      </Card>
    </div>
  );
}
