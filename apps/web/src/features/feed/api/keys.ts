import { scopes } from '../../../api/keys';

export const feedKeys = {
  all: scopes.feed,
  /** Your following feed (pages of it). */
  following: () => [...scopes.feed, 'following'] as const,
};
