import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { graphql } from '../../gql';
import { execute } from '../../lib/graphql-client';

/** A model's declared parents, as the model page and the studio's "Derived from" card show them. */
export const ModelParentsQuery = graphql(`
  query PublicModelParents($modelId: UUID!) {
    modelParents(modelId: $modelId) {
      parentId
      relation
      shareBps
      parentModel {
        id
        name
        owner {
          displayName
        }
      }
    }
  }
`);

/** How a derived model relates to its parent, as a sentence begins. */
export const RELATION: Record<string, string> = {
  MERGE: 'A merge of',
  FINETUNE: 'Fine-tuned from',
  ADAPTER: 'An adapter for',
};

/**
 * The models this one declares it derives from, and the share of each sale their authors receive: what a buyer's
 * money pays for, and where the look comes from. Nothing while loading or when there are none (most models).
 */
export function ModelParents({ modelId }: { modelId: string }) {
  const parents = useQuery({
    queryKey: ['model', modelId, 'parents'],
    queryFn: () => execute(ModelParentsQuery, { modelId }),
    staleTime: 60_000,
  });
  const shown = (parents.data?.modelParents ?? []).filter((p) => p.parentModel);
  if (parents.isError)
    return <p className="text-sm text-muted">Where this model comes from could not be loaded just now.</p>;
  if (!shown.length) return null;
  return (
    <section aria-labelledby="derived-from" data-testid="model-derived-from">
      <h2 id="derived-from" className="mb-2 text-base font-semibold">
        Derived from
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {shown.map((p) => (
          <li key={p.parentId}>
            {RELATION[p.relation] ?? 'Derived from'}{' '}
            <Link
              to="/models/$id"
              params={{ id: p.parentModel!.id }}
              className="text-accent underline underline-offset-2 hover:no-underline"
            >
              {p.parentModel!.name}
            </Link>
            {p.parentModel!.owner && <span className="text-muted"> by {p.parentModel!.owner.displayName}</span>}
            <span className="text-muted">
              {' '}
              · {(p.shareBps / 100).toLocaleString()} % of each sale goes to its author
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
