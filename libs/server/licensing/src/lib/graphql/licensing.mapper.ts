import type { LicenseEntity } from '../licenses/license.entity';
import type { OfferEntity } from '../offers/offer.entity';
import type { LicenseAudience } from '../licenses/license-audience';
import { License, LicenseOffer } from './licensing.objects';

export const toOffer = (o: OfferEntity): LicenseOffer =>
  Object.assign(new LicenseOffer(), {
    id: o.id,
    tier: o.tier,
    revision: o.revision,
    priceAmount: o.priceAmount,
    priceCurrency: o.priceCurrency,
    permissions: o.permissions,
    termsText: o.termsText,
    termsSha256: o.termsSha256,
  });

export function toLicense(license: LicenseEntity, audience: LicenseAudience, publicUrl: string): License {
  const privileged = audience !== 'PUBLIC';
  return Object.assign(new License(), {
    id: license.id,
    tier: license.tier,
    status: license.status,
    resource: license.resourceUrn,
    resourceName: license.resourceName,
    modelId: license.modelId,
    versionId: license.versionId,
    licenseeId: license.licenseeId,
    offerRevision: license.offerRevision,
    permissions: license.permissions,
    termsText: license.termsText,
    termsSha256: license.termsSha256,
    fileSha256s: license.fileSha256s,
    issuedAt: license.issuedAt,
    revokedAt: license.revokedAt,
    revocationReason: license.revocationReason,
    keyId: license.keyId,
    verifyUrl: `${publicUrl}/api/v1/licenses/${license.id}/verify`,
    source: privileged ? license.source : null,
    priceAmount: privileged ? license.priceAmount : null,
    priceCurrency: privileged ? license.priceCurrency : null,
    revocationNote: privileged ? license.revocationNote : null,
    certificate: audience === 'HOLDER' ? license.certificate : null,
  });
}
