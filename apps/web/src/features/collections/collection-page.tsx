import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { collectionQuery } from './api/queries';
import { CollectionHeader } from './components/collection-header';
import { CollectionItems } from './components/collection-items';
import { CollectionSettings } from './components/collection-settings';

const route = getRouteApi('/collections/$id');

/** A collection: header with owner and editors, follow, items in order with notes; the owner's and editors' controls. */
export function CollectionPage() {
  const { id } = route.useParams();
  const { signedIn } = useMe();
  const { data: collection } = useSuspenseQuery(collectionQuery(id, signedIn));
  useTitle(collection.title);
  return (
    <div className="flex flex-col gap-8" data-testid="collection-page">
      <CollectionHeader collection={collection} signedIn={signedIn} />
      <CollectionItems collection={collection} />
      {collection.viewerCan.editSettings && <CollectionSettings key={collection.id} collection={collection} />}
    </div>
  );
}
