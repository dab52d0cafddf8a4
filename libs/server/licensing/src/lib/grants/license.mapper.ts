import type { Actor } from '@lookbook/core';
import { isStaff } from '@lookbook/core';
import type { CommercialUseValue, TierValue } from '../offers/offer.graphql';
import type { GrantEntity } from './grant.entity';
import type { LicenseSourceValue, RevocationReasonValue, LicenseStatusValue } from './license.graphql';
import { License } from './license.graphql';

/**
 * Who is looking decides what they see: the holder gets the certificate; holder, creator and staff see the price,
 * source and revocation note; anyone else (e.g. a verifier) sees the licence itself, never what was paid.
 */
export type LicenseAudience = 'HOLDER' | 'CREATOR' | 'STAFF' | 'PUBLIC';

export function audienceOf(grant: GrantEntity, viewer: Actor | undefined, creatorId?: string): LicenseAudience {
  if (!viewer) return 'PUBLIC';
  if (viewer.userId === grant.licenseeId) return 'HOLDER';
  if (creatorId !== undefined && viewer.userId === creatorId) return 'CREATOR';
  if (isStaff(viewer)) return 'STAFF';
  return 'PUBLIC';
}

export function toLicense(grant: GrantEntity, audience: LicenseAudience, publicUrl: string): License {
  const privileged = audience !== 'PUBLIC';
  return Object.assign(new License(), {
    id: grant.id,
    tier: grant.tier as TierValue,
    status: grant.status as LicenseStatusValue,
    resource: grant.resourceUrn,
    resourceName: grant.resourceName,
    modelId: grant.modelId,
    versionId: grant.versionId,
    licenseeId: grant.licenseeId,
    offerRevision: grant.offerRevision,
    permissions: { ...grant.permissions, commercialUse: grant.permissions.commercialUse as CommercialUseValue },
    termsText: grant.termsText,
    termsSha256: grant.termsSha256,
    fileSha256s: grant.fileSha256s,
    issuedAt: grant.issuedAt,
    revokedAt: grant.revokedAt,
    revocationReason: grant.revocationReason as RevocationReasonValue | null,
    keyId: grant.keyId,
    verifyUrl: `${publicUrl}/api/v1/licenses/${grant.id}/verify`,
    source: privileged ? (grant.source as LicenseSourceValue) : null,
    priceAmount: privileged ? grant.priceAmount : null,
    priceCurrency: privileged ? grant.priceCurrency : null,
    revocationNote: privileged ? grant.revocationNote : null,
    certificate: audience === 'HOLDER' ? grant.certificate : null,
  });
}
