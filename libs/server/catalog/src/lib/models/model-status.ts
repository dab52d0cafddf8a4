export const MODEL_STATUSES = ['DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED', 'TAKEN_DOWN'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Who asks for a transition: the owner, or a moderator acting on a report/notice. */
export type StatusActor = 'OWNER' | 'MODERATOR';

/**
 * Every allowed status change of a style model, and who may make it. Anything not listed is refused.
 * - Owners publish, unpublish, republish and archive their own models; archived models can come back as unpublished.
 * - Only moderators take a model down or restore it (after a counter-notice); owners cannot undo a takedown.
 * Publishing also needs the publish rules (a published version) — checked by the service, not here.
 */
const TRANSITIONS: Record<ModelStatus, Partial<Record<ModelStatus, readonly StatusActor[]>>> = {
  DRAFT: { PUBLISHED: ['OWNER'], ARCHIVED: ['OWNER'], TAKEN_DOWN: ['MODERATOR'] },
  PUBLISHED: { UNPUBLISHED: ['OWNER', 'MODERATOR'], ARCHIVED: ['OWNER'], TAKEN_DOWN: ['MODERATOR'] },
  UNPUBLISHED: { PUBLISHED: ['OWNER'], ARCHIVED: ['OWNER'], TAKEN_DOWN: ['MODERATOR'] },
  ARCHIVED: { UNPUBLISHED: ['OWNER'], TAKEN_DOWN: ['MODERATOR'] },
  TAKEN_DOWN: { UNPUBLISHED: ['MODERATOR'] },
};

export function canTransition(from: ModelStatus, to: ModelStatus, actor: StatusActor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

/** Visible to everyone (listings, search, downloads of free versions). */
export const isPublic = (status: ModelStatus): boolean => status === 'PUBLISHED';
