import type { LicenseEntity } from '../licenses/license.entity';
import type { OfferEntity } from '../offers/offer.entity';
import type { LicenseAudience } from '../licenses/license-audience';
import type { OfferInput } from '../offers/offer.service';
import type { LicenseOfferInput } from './licensing.inputs';
import { License, LicenseOffer } from './licensing.objects';

/** The API's offer input as the offer service takes it (optional caps become explicit nulls). */
export const fromOfferInput = (o: LicenseOfferInput): OfferInput => ({
  tier: o.tier,
  priceAmount: o.priceAmount,
  priceCurrency: o.priceCurrency,
  permissions: {
    commercialUse: o.permissions.commercialUse,
    derivativesAllowed: o.permissions.derivativesAllowed,
    derivativeMayChangeLicense: o.permissions.derivativeMayChangeLicense,
    creditRequired: o.permissions.creditRequired,
    creditLine: o.permissions.creditLine ?? null,
    seats: o.permissions.seats ?? null,
    revenueCap: o.permissions.revenueCap ?? null,
    printRunCap: o.permissions.printRunCap ?? null,
  },
});

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
    subjectKind: license.subjectKind,
    subjectId: license.subjectId,
    modelId: license.subjectId,
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
