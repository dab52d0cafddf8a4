import type { Actor } from '@lookbook/core';
import { isStaff } from '@lookbook/core';
import type { ModelVersionEntity } from '../versions/model-version.entity';
import type { StyleModelEntity } from './style-model.entity';

export { isStaff };

/** Owners, moderators and admins see every status; everyone else sees PUBLISHED only. */
export function canSeeModel(model: Pick<StyleModelEntity, 'ownerId' | 'status'>, viewer: Actor | undefined): boolean {
  if (model.status === 'PUBLISHED') return true;
  return !!viewer && (viewer.userId === model.ownerId || isStaff(viewer));
}

export const isOwner = (model: Pick<StyleModelEntity, 'ownerId'>, viewer: Actor | undefined): boolean =>
  !!viewer && viewer.userId === model.ownerId;

/** A version is visible when its model is, and (unless the viewer owns it or is staff) it is published. */
export function isVisibleVersion(
  {
    version,
    model,
  }: { version: Pick<ModelVersionEntity, 'status'>; model: Pick<StyleModelEntity, 'ownerId' | 'status'> },
  viewer: Actor | undefined,
): boolean {
  return canSeeModel(model, viewer) && (version.status === 'PUBLISHED' || isOwner(model, viewer) || isStaff(viewer));
}
