import { scopes } from '../../../api/keys';

/** What you own: licences and orders (a purchase, a claim or a refund elsewhere invalidates `scopes.library`). */
export const libraryKeys = {
  all: scopes.library,
  licences: () => [...scopes.library, 'licences'] as const,
  orders: () => [...scopes.library, 'orders'] as const,
};
