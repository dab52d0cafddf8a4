import { scopes } from '../../../api/keys';

/** The catalog's own queries: a model's page, and which model a version belongs to (search has its own keys). */
export const catalogKeys = {
  all: scopes.catalog,
  model: (id: string) => [...scopes.catalog, 'model', id] as const,
  versionModel: (versionId: string) => [...scopes.catalog, 'version', versionId] as const,
};
