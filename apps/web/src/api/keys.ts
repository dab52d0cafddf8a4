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
  discussions: ['discussions'],
  reviews: ['reviews'],
  collections: ['collections'],
  home: ['home'],
  savedSearches: ['saved-searches'],
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

/** Discussions of models, templates and versions (shown on several features' pages): a page list per subject and order. */
export const discussionKeys = {
  all: scopes.discussions,
  subject: (kind: string, id: string) => [...scopes.discussions, kind, id] as const,
  page: (kind: string, id: string, order: string) => [...scopes.discussions, kind, id, order] as const,
};

/** Reviews of a model or template (and your eligibility), and a member's reviews (their profile's tab). */
export const reviewKeys = {
  all: scopes.reviews,
  of: (kind: string, id: string) => [...scopes.reviews, 'of', kind, id] as const,
  eligibility: (kind: string, id: string, signedIn: boolean) =>
    [...scopes.reviews, 'eligibility', kind, id, signedIn] as const,
  byMember: (userId: string) => [...scopes.reviews, 'member', userId] as const,
  revisions: (reviewId: string) => [...scopes.reviews, 'revisions', reviewId] as const,
};

/** Collections: read by the collection page, the Save dialog on every page, profiles and the home page. */
export const collectionKeys = {
  all: scopes.collections,
  one: (id: string, signedIn: boolean) => [...scopes.collections, 'one', id, signedIn] as const,
  mine: () => [...scopes.collections, 'mine'] as const,
  holding: (kind: string, itemId: string) => [...scopes.collections, 'holding', kind, itemId] as const,
  ofMember: (handle: string, signedIn: boolean) => [...scopes.collections, 'member', handle, signedIn] as const,
  featured: (first: number, signedIn: boolean) => [...scopes.collections, 'featured', first, signedIn] as const,
};
