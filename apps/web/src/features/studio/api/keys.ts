import { scopes } from '../../../api/keys';

/** What a creator edits: a change anywhere in the studio invalidates `studioKeys.all`. */
export const studioKeys = {
  all: scopes.studio,
  models: (ownerId: string) => [...scopes.studio, 'models', ownerId] as const,
  templates: () => [...scopes.studio, 'templates'] as const,
  model: (id: string) => [...scopes.studio, 'model', id] as const,
  modelSummary: (modelId: string) => [...scopes.studio, 'model-summary', modelId] as const,
  version: (id: string) => [...scopes.studio, 'version', id] as const,
};
