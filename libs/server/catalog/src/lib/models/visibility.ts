import type { Actor } from '@lookbook/core';
import type { StyleModelEntity } from '../entities/style-model.entity';

/** Owners, moderators and admins see every status; everyone else sees PUBLISHED only. */
export function canSeeModel(model: Pick<StyleModelEntity, 'ownerId' | 'status'>, viewer: Actor | undefined): boolean {
  if (model.status === 'PUBLISHED') return true;
  return !!viewer && (viewer.userId === model.ownerId || isStaff(viewer));
}

export function isStaff(viewer: Actor | undefined): boolean {
  return !!viewer && (viewer.roles.includes('moderator') || viewer.roles.includes('admin'));
}

export const isOwner = (model: Pick<StyleModelEntity, 'ownerId'>, viewer: Actor | undefined): boolean =>
  !!viewer && viewer.userId === model.ownerId;
