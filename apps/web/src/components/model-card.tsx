import { Link } from '@tanstack/react-router';
import { Badge, ImageBadges, TextLink } from '@lookbook/web-ui';
import type { FragmentType } from '../gql';
import { graphql, readFragment } from '../gql';
import { formatMoney, modelTypeLabel } from '../lib/format';
import type { CardPrice } from '../lib/licence-labels';
import { licenceBadges, priceLabel, priceOf } from '../lib/licence-labels';
import { ModelOwnerFragment } from '../api/fragments';
import type { ImageSource } from './responsive-image';
import type { CardCounts } from './card-counts';
import { CardCountsLine } from './card-counts';
import { ImageFragment, ResponsiveImage } from './responsive-image';

export const ModelCardFragment = graphql(`
  fragment ModelCard on StyleModel {
    id
    name
    type
    owner {
      ...ModelOwnerFields
    }
    baseModel {
      name
    }
    versions {
      id
      sampleImages {
        id
        ...Image
      }
      licenseOffers {
        id
        tier
        priceAmount
        priceCurrency
        permissions {
          commercialUse
          derivativesAllowed
        }
      }
    }
  }
`);

/** A model in a grid: cover over its placeholder, name, creator, base model, type, price, licence badges. */
export function ModelCard({
  model: masked,
  priority,
  width,
  snippet,
  price: searched,
  counts,
}: {
  model: FragmentType<typeof ModelCardFragment>;
  /** Likes, downloads and rating as the search hit carries them. */
  counts?: CardCounts;
  /** What the search hit says it costs (what the results were sorted by); else read from the offers. */
  price?: CardPrice;
  priority?: boolean;
  /** How wide the card is drawn, in CSS pixels (the grid measures it): picks the rendition from the srcset. */
  width?: number;
  /** A description snippet with the words a search matched. */
  snippet?: readonly Segment[];
}) {
  const data = readFragment(ModelCardFragment, masked);
  const model = { ...data, owner: readFragment(ModelOwnerFragment, data.owner) };
  const cover = model.versions.flatMap((v) => v.sampleImages)[0];
  const offers = model.versions[0]?.licenseOffers ?? [];
  const price = priceLabel(searched ?? priceOf(offers), formatMoney);
  return (
    <article
      className="group flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface transition hover:shadow-lg"
      data-testid="model-card"
    >
      <Link
        to="/models/$id"
        params={{ id: model.id }}
        className="relative block aspect-[4/5] overflow-hidden bg-raised"
      >
        {cover ? (
          <ResponsiveImage
            image={cover}
            alt={`Sample image for ${model.name}`}
            sizes={coverSizes(cover, width)}
            priority={priority}
            className="transition duration-300 group-hover:scale-[1.03]"
          />
        ) : (
          <span className="flex h-full items-center justify-center text-sm text-muted">No preview</span>
        )}
        <ImageBadges start={modelTypeLabel(model.type)} end={price && <span data-testid="card-price">{price}</span>} />
      </Link>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h2 className="truncate text-sm leading-6 font-semibold text-ink">
          <TextLink to="/models/$id" params={{ id: model.id }} variant="quiet">
            {model.name}
          </TextLink>
        </h2>
        <p className="truncate text-xs leading-6 text-muted">
          {model.owner ? (
            <TextLink to="/u/$handle" params={{ handle: model.owner.handle }} variant="quiet">
              {model.owner.displayName}
            </TextLink>
          ) : (
            'A former member'
          )}{' '}
          · {model.baseModel.name}
        </p>
        {counts && <CardCountsLine counts={counts} />}
        {snippet && <SearchSnippet segments={snippet} />}
        <div className="mt-auto flex flex-wrap gap-1 pt-1">
          {licenceBadges(offers).map((badge) => (
            <Badge key={badge} tone="accent">
              {badge}
            </Badge>
          ))}
        </div>
      </div>
    </article>
  );
}

export interface Segment {
  text: string;
  match: boolean;
}

/** A description snippet with the words a search matched marked. */
export function SearchSnippet({ segments }: { segments: readonly Segment[] }) {
  return (
    <p className="line-clamp-2 text-xs text-muted" data-testid="search-snippet">
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-sm bg-accent-soft px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

const COVER_ASPECT = 4 / 5;

/** The `sizes` of a cover drawn with object-cover in a 4:5 frame: a wider image is scaled to the frame's height. */
function coverSizes(cover: ImageSource, cardWidth: number | undefined): string {
  const image = readFragment(ImageFragment, cover);
  if (!cardWidth) return '(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 20vw';
  const overflow = Math.max(1, image.width / image.height / COVER_ASPECT);
  return `${Math.ceil(cardWidth * overflow)}px`;
}
