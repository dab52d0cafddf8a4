import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { modelParentsQuery, RELATION } from '../../../api/model-parents';

/**
 * The models this one declares it derives from, and the share of each sale their authors receive: what a buyer's
 * money pays for, and where the look comes from. Nothing while loading or when there are none (most models).
 */
export function ModelParents({ modelId }: { modelId: string }) {
  const parents = useQuery(modelParentsQuery(modelId));
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
