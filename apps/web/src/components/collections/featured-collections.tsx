import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState, LoadingState, Section } from '@lookbook/web-ui';
import { featuredCollectionsQuery } from '../../api/collections';
import { errorMessage } from '../../lib/api-error';
import { useMe } from '../../lib/session';
import { CollectionGrid } from './collection-card';

/**
 * "Featured collections": public collections chosen by the server (the most followed of the recently updated ones
 * with at least three items), with its own query and its empty, loading and error states. Drop it on any page.
 */
export function FeaturedCollections({ first = 4 }: { first?: number }) {
  const { signedIn } = useMe();
  const featured = useQuery(featuredCollectionsQuery(first, signedIn));
  return (
    <Section title="Featured collections" data-testid="featured-collections">
      {featured.isPending ? (
        <LoadingState label="Loading collections…" rows={2} />
      ) : featured.isError ? (
        <ErrorState message={errorMessage(featured.error)} onRetry={() => void featured.refetch()} />
      ) : featured.data.length === 0 ? (
        <EmptyState title="No featured collections yet">
          Collections people make public and others follow show up here.
        </EmptyState>
      ) : (
        <CollectionGrid collections={featured.data} />
      )}
    </Section>
  );
}
