import { Link } from '@tanstack/react-router';
import { TextLink } from '@lookbook/web-ui';
import { CollectionCardFragment } from '../../api/collections';
import type { FragmentType } from '../../gql';
import { readFragment } from '../../gql';
import type { ImageSource } from '../responsive-image';
import { ResponsiveImage } from '../responsive-image';
import { formatCount } from '../social/format-count';

/** A collection in a grid: cover, title (as text, never markup), owner, items and followers. */
export function CollectionCard({ collection: masked }: { collection: FragmentType<typeof CollectionCardFragment> }) {
  const collection = readFragment(CollectionCardFragment, masked);
  return (
    <article
      className="group flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface transition hover:shadow-lg"
      data-testid="collection-card"
    >
      <Link
        to="/collections/$id"
        params={{ id: collection.id }}
        className="relative block aspect-[4/3] overflow-hidden bg-raised"
        aria-label={collection.title}
      >
        {collection.cover ? (
          <ResponsiveImage
            // The cover has the Image fragment's fields (url, size, placeholder, renditions).
            image={collection.cover as unknown as ImageSource}
            alt=""
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw"
            className="transition duration-300 group-hover:scale-[1.03]"
          />
        ) : (
          <span className="flex h-full items-center justify-center text-sm text-muted">No cover yet</span>
        )}
      </Link>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="truncate text-sm leading-6 font-semibold text-ink">
          <TextLink to="/collections/$id" params={{ id: collection.id }} variant="quiet">
            {collection.title}
          </TextLink>
        </h3>
        <p className="truncate text-xs leading-6 text-muted">
          {collection.owner ? (
            <TextLink to="/u/$handle" params={{ handle: collection.owner.handle }} variant="quiet">
              {collection.owner.displayName}
            </TextLink>
          ) : (
            'A former member'
          )}
          {collection.visibility === 'PRIVATE' && ' · Private'}
        </p>
        <p className="text-xs text-muted" data-testid="collection-counts">
          {formatCount(collection.itemCount)} {collection.itemCount === 1 ? 'item' : 'items'} ·{' '}
          {formatCount(collection.followerCount)} {collection.followerCount === 1 ? 'follower' : 'followers'}
        </p>
      </div>
    </article>
  );
}

/** Collection cards in a responsive grid (one column at 390 px). */
export function CollectionGrid({
  collections,
}: {
  collections: readonly FragmentType<typeof CollectionCardFragment>[];
}) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {collections.map((c, i) => (
        <li key={i}>
          <CollectionCard collection={c} />
        </li>
      ))}
    </ul>
  );
}
