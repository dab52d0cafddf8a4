import { scopes } from '../../../api/keys';

export const earningsKeys = {
  all: scopes.earnings,
  summary: () => [...scopes.earnings, 'summary'] as const,
};
