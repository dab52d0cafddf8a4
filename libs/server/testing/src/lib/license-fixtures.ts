import type { Server } from 'node:http';
import { gql } from './graphql-client';

/** Licence offer inputs for tests (GraphQL `LicenseOfferInput`). */
const permissions = (over: Record<string, unknown> = {}) => ({
  commercialUse: 'NONE',
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: false,
  ...over,
});

export const OFFERS = {
  free: { tier: 'FREE', priceAmount: 0, priceCurrency: 'EUR', permissions: permissions() },
  personal: { tier: 'PERSONAL', priceAmount: 500, priceCurrency: 'EUR', permissions: permissions() },
  commercial: {
    tier: 'COMMERCIAL',
    priceAmount: 4900,
    priceCurrency: 'EUR',
    permissions: permissions({
      commercialUse: 'SELL_GENERATED_IMAGES',
      creditRequired: true,
      creditLine: 'Style by its creator',
    }),
  },
  exclusive: {
    tier: 'EXCLUSIVE',
    priceAmount: 250000,
    priceCurrency: 'EUR',
    permissions: permissions({ commercialUse: 'RESELL_MODEL', derivativeMayChangeLicense: true }),
  },
};

export type OfferInput = (typeof OFFERS)[keyof typeof OFFERS];

/** Sets a version's offers through the API; throws on any error. Returns the live offers by tier. */
export async function setOffers(
  server: Server,
  token: string,
  versionId: string,
  offers: OfferInput[],
): Promise<Record<string, { id: string; termsSha256: string }>> {
  const result = await gql<{ setLicenseOffers: { id: string; tier: string; termsSha256: string }[] }>(
    server,
    `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $o) { id tier termsSha256 } }`,
    { v: versionId, o: offers },
    token,
  );
  if (!result.data) throw new Error(`setLicenseOffers failed: ${JSON.stringify(result.errors)}`);
  return Object.fromEntries(
    result.data.setLicenseOffers.map((o) => [o.tier, { id: o.id, termsSha256: o.termsSha256 }]),
  );
}
