import { useSuspenseQuery } from '@tanstack/react-query';
import { EmptyState } from '@lookbook/web-ui';
import { memberCollectionsQuery } from '../../api/collections';
import { useMe } from '../../lib/session';
import { CollectionGrid } from './collection-card';

/** A member's public collections (a profile tab); suspends while loading (the tab's Suspense shows the state). */
export function MemberCollections({ handle, name }: { handle: string; name: string }) {
  const { signedIn } = useMe();
  const { data } = useSuspenseQuery(memberCollectionsQuery(handle, signedIn));
  if (data.length === 0) return <EmptyState title={`${name} has no public collections yet`} />;
  return <CollectionGrid collections={data} />;
}
