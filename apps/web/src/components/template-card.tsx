import { Link } from '@tanstack/react-router';
import { Badge, ImageBadges, TextLink } from '@lookbook/web-ui';
import type { FragmentType } from '../gql';
import { graphql, readFragment } from '../gql';
import type { Segment } from './model-card';
import { SearchSnippet } from './model-card';
import { TemplateOwnerFragment } from '../api/fragments';
import { ResponsiveImage } from './responsive-image';
import type { CardPrice } from '../lib/licence-labels';
import { priceLabel } from '../lib/licence-labels';
import { formatMoney } from '../lib/format';
import type { CardCounts } from './card-counts';
import { CardCountsLine } from './card-counts';

export const TemplateCardFragment = graphql(`
  fragment TemplateCard on WorkflowTemplate {
    id
    name
    tags
    ipId
    cover {
      ...Image
    }
    owner {
      ...TemplateOwnerFields
    }
  }
`);

/**
 * A workflow template among search results: the same frame as a model card, so a grid can mix them. The cover is the
 * image it was imported from; a template made from a JSON file shows what it is — a ComfyUI graph — drawn.
 */
export function TemplateCard({
  template: masked,
  snippet,
  price: searched,
  counts,
}: {
  /** Likes and rating as the search hit carries them (templates count no downloads yet). */
  counts?: CardCounts;
  template: FragmentType<typeof TemplateCardFragment>;
  snippet?: readonly Segment[];
  /** What the search hit says it costs. */
  price?: CardPrice;
}) {
  const data = readFragment(TemplateCardFragment, masked);
  const template = { ...data, owner: readFragment(TemplateOwnerFragment, data.owner) };
  const price = priceLabel(searched, formatMoney);
  return (
    <article
      className="group flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface transition hover:shadow-lg"
      data-testid="template-card"
    >
      <Link
        to="/templates/$id"
        params={{ id: template.id }}
        className="relative flex aspect-[4/5] items-center justify-center overflow-hidden bg-accent-soft"
      >
        {template.cover ? (
          <ResponsiveImage
            image={template.cover}
            alt={`Sample image for ${template.name}`}
            sizes="(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 20vw"
            className="transition duration-300 group-hover:scale-[1.03]"
          />
        ) : (
          <GraphGlyph label={`Workflow graph of ${template.name}`} />
        )}
        <ImageBadges start="Workflow" end={template.ipId ? 'Remixable IP' : null} />
      </Link>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h2 className="truncate text-sm leading-6 font-semibold text-ink">
          <TextLink to="/templates/$id" params={{ id: template.id }} variant="quiet">
            {template.name}
          </TextLink>
        </h2>
        <p className="truncate text-xs leading-6 text-muted">
          {template.owner ? (
            <TextLink to="/u/$handle" params={{ handle: template.owner.handle }} variant="quiet">
              {template.owner.displayName}
            </TextLink>
          ) : (
            'A former member'
          )}{' '}
          · ComfyUI workflow
        </p>
        {counts && <CardCountsLine counts={counts} downloads={false} />}
        {price && (
          <p className="truncate text-xs leading-6 font-medium text-ink" data-testid="card-price">
            {price}
          </p>
        )}
        {snippet && <SearchSnippet segments={snippet} />}
        <div className="mt-auto flex flex-wrap gap-1 pt-1">
          {template.tags.slice(0, 3).map((tag) => (
            <Badge key={tag}>#{tag}</Badge>
          ))}
        </div>
      </div>
    </article>
  );
}

/** Three nodes wired together: a workflow, recognisable at a glance. */
function GraphGlyph({ label }: { label: string }) {
  return (
    <svg
      viewBox="0 0 120 90"
      className="w-3/5 text-accent transition duration-300 group-hover:scale-105"
      role="img"
      aria-label={label}
    >
      <g fill="none" stroke="currentColor" strokeWidth="2.5">
        <path d="M34 24 C52 24, 48 45, 66 45" />
        <path d="M34 66 C52 66, 48 45, 66 45" />
      </g>
      <g fill="currentColor">
        <rect x="6" y="12" width="28" height="24" rx="5" opacity="0.55" />
        <rect x="6" y="54" width="28" height="24" rx="5" opacity="0.55" />
        <rect x="66" y="30" width="48" height="30" rx="6" />
      </g>
    </svg>
  );
}
