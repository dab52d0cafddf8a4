import { scopes } from '../../../api/keys';

export const checkoutKeys = {
  all: scopes.checkout,
  order: (id: string) => [...scopes.checkout, 'order', id] as const,
};
