import type { BrowseSearch } from './search';

/**
 * The first element of every query key: which data it holds. A feature builds its keys on its own scope with its
 * key factory (`features/<feature>/api/keys.ts`); data several features read has its factory below. When something a
 * feature does changes another feature's data, it invalidates that feature's scope (`scopes.library` after a refund)
 * rather than spell a key of that feature.
 */
export const scopes = {
  session: ['session'],
  search: ['search'],
  baseModels: ['base-models'],
  modelParents: ['model-parents'],
  account: ['account'],
  catalog: ['catalog'],
  checkout: ['checkout'],
  devInbox: ['dev-inbox'],
  earnings: ['earnings'],
  library: ['library'],
  staff: ['staff'],
  studio: ['studio'],
  templates: ['templates'],
  verify: ['verify'],
  social: ['social'],
  feed: ['feed'],
  notifications: ['notifications'],
} as const;

/** The signed-in person (or none): one entry per session state, so signing in or out reads it afresh. */
export const sessionKeys = {
  all: scopes.session,
  me: (signedIn: boolean) => [...scopes.session, 'me', signedIn ? 'signed-in' : 'anonymous'] as const,
};

/** Search results, tag values and suggestions: what the viewer's maturity setting changes. */
export const searchKeys = {
  all: scopes.search,
  results: (search: BrowseSearch) => [...scopes.search, 'results', search] as const,
  tagValues: (search: BrowseSearch, prefix: string) => [...scopes.search, 'tags', search, prefix] as const,
  suggest: (prefix: string) => [...scopes.search, 'suggest', prefix] as const,
};

export const baseModelKeys = {
  all: scopes.baseModels,
  list: () => [...scopes.baseModels, 'list'] as const,
};

/** A model's declared parents, as its public page and its studio page show them. */
export const modelParentKeys = {
  all: scopes.modelParents,
  of: (modelId: string) => [...scopes.modelParents, modelId] as const,
};

/** Follow states asked for on their own (the follow button beside a creator's name). */
export const socialKeys = {
  all: scopes.social,
  follow: (kind: string, id: string, signedIn: boolean) => [...scopes.social, 'follow', kind, id, signedIn] as const,
};
