import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, Button, Inline, Notice, PageHeader, TextLink } from '@lookbook/web-ui';
import { collectionKeys } from '../../../api/keys';
import { formatCount } from '../../../components/social/format-count';
import { errorMessage } from '../../../lib/api-error';
import { execute } from '../../../lib/graphql-client';
import { AcceptCollectionInvite, FollowCollection, LeaveCollection, UnfollowCollection } from '../api/mutations';
import type { CollectionData } from './types';

/** Title, description, owner and editors, counts, and the follow button or the invitation to accept. */
export function CollectionHeader({ collection, signedIn }: { collection: CollectionData; signedIn: boolean }) {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      await client.invalidateQueries({ queryKey: collectionKeys.all });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  const editors = collection.editors.filter((e) => e.status === 'ACTIVE');
  return (
    <div className="flex flex-col gap-3" data-testid="collection-header">
      <PageHeader
        title={collection.title}
        subtitle={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span>
              by{' '}
              {collection.owner ? (
                <TextLink to="/u/$handle" params={{ handle: collection.owner.handle }}>
                  {collection.owner.displayName}
                </TextLink>
              ) : (
                'a former member'
              )}
              {editors.length > 0 && (
                <>
                  {' with '}
                  {editors.map((e, i) => (
                    <span key={e.id}>
                      {i > 0 && ', '}
                      <TextLink to="/u/$handle" params={{ handle: e.handle }}>
                        {e.displayName}
                      </TextLink>
                    </span>
                  ))}
                </>
              )}
            </span>
            <Badge tone={collection.visibility === 'PUBLIC' ? 'good' : 'neutral'}>
              {collection.visibility === 'PUBLIC' ? 'Public' : 'Private'}
            </Badge>
            <span data-testid="collection-stats">
              {formatCount(collection.itemCount)} {collection.itemCount === 1 ? 'item' : 'items'} ·{' '}
              {formatCount(collection.followerCount)} {collection.followerCount === 1 ? 'follower' : 'followers'}
            </span>
          </span>
        }
      />
      {collection.description && (
        <p className="max-w-prose text-sm whitespace-pre-line text-ink" data-testid="collection-description">
          {collection.description}
        </p>
      )}
      <Inline gap={2}>
        {signedIn && collection.viewerCan.follow && (
          <Button
            variant={collection.viewerFollows ? 'secondary' : 'primary'}
            size="sm"
            aria-pressed={collection.viewerFollows}
            isPending={pending}
            onPress={() =>
              void act(() =>
                collection.viewerFollows
                  ? execute(UnfollowCollection, { id: collection.id })
                  : execute(FollowCollection, { id: collection.id }),
              )
            }
            data-testid="follow-collection"
          >
            {collection.viewerFollows ? 'Following' : 'Follow collection'}
          </Button>
        )}
        {collection.viewerCan.accept && (
          <Notice tone="info">
            You are invited to edit this collection.{' '}
            <Button
              size="sm"
              variant="primary"
              isPending={pending}
              onPress={() => void act(() => execute(AcceptCollectionInvite, { collectionId: collection.id }))}
            >
              Accept
            </Button>{' '}
            <Button
              size="sm"
              variant="secondary"
              isPending={pending}
              onPress={() => void act(() => execute(LeaveCollection, { collectionId: collection.id }))}
            >
              Decline
            </Button>
          </Notice>
        )}
        {collection.viewerRole === 'EDITOR' && (
          <Button
            size="sm"
            variant="secondary"
            isPending={pending}
            onPress={() => void act(() => execute(LeaveCollection, { collectionId: collection.id }))}
          >
            Stop editing
          </Button>
        )}
      </Inline>
      {error && <Notice tone="bad">{error}</Notice>}
    </div>
  );
}
