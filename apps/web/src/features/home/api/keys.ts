import { scopes } from '../../../api/keys';

export const homeKeys = {
  all: scopes.home,
  /** A home section's cards: the first published work in one sort. */
  section: (sort: string, first: number) => [...scopes.home, 'section', sort, first] as const,
  /** The newest few items of the following feed. */
  following: () => [...scopes.home, 'following'] as const,
};
