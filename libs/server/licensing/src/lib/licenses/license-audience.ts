import type { Actor } from '@lookbook/core';
import { isStaff } from '@lookbook/core';
import type { LicenseEntity } from './license.entity';

/**
 * Who is looking decides what they see: the holder gets the certificate; holder, creator and staff see the price,
 * source and revocation note; anyone else (e.g. a verifier) sees the licence itself, never what was paid.
 */
export type LicenseAudience = 'HOLDER' | 'CREATOR' | 'STAFF' | 'PUBLIC';

export function audienceOf(license: LicenseEntity, viewer: Actor | undefined, creatorId?: string): LicenseAudience {
  if (!viewer) return 'PUBLIC';
  if (viewer.userId === license.licenseeId) return 'HOLDER';
  if (creatorId !== undefined && viewer.userId === creatorId) return 'CREATOR';
  if (isStaff(viewer)) return 'STAFF';
  return 'PUBLIC';
}
