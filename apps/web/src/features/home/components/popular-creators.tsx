import { useQuery } from '@tanstack/react-query';
import { TextLink } from '@lookbook/web-ui';
import { homeSectionQuery } from '../api/queries';

/** Creators of the most liked work (at most six, each once), linking to their profiles where they can be followed. */
export function PopularCreators() {
  const liked = useQuery(homeSectionQuery('MOST_LIKED', 24));
  const owners = new Map<string, string>();
  for (const hit of liked.data?.search.hits ?? []) {
    const owner = hit.model?.owner ?? hit.template?.owner;
    if (owner && !owners.has(owner.handle)) owners.set(owner.handle, owner.displayName);
  }
  const creators = [...owners].slice(0, 6);
  if (!creators.length) return null;
  return (
    <ul className="flex flex-wrap justify-center gap-2" aria-label="Popular creators" data-testid="popular-creators">
      {creators.map(([handle, name]) => (
        <li key={handle}>
          <TextLink
            to="/u/$handle"
            params={{ handle }}
            className="inline-block rounded-full border border-line bg-surface px-3 py-1 text-sm"
          >
            {name} <span className="text-muted">@{handle}</span>
          </TextLink>
        </li>
      ))}
    </ul>
  );
}
