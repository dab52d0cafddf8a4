import { scopes } from '../../../api/keys';

export const templateKeys = {
  all: scopes.templates,
  /** Everything about one template (its page for any viewer, its subgraphs). */
  detail: (id: string) => [...scopes.templates, id] as const,
  page: (id: string, viewerId: string | null) => [...scopes.templates, id, viewerId] as const,
  subgraphs: (id: string) => [...scopes.templates, id, 'subgraphs'] as const,
  rollup: (versionId: string, purpose: string, signedIn: boolean) =>
    [...scopes.templates, 'rollup', versionId, purpose, signedIn] as const,
  ipConsole: () => [...scopes.templates, 'ip-console'] as const,
};
