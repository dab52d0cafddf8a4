import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LicenseEntity, RevocationReason } from './licenses/license.entity';
import type { PurchaseQuote } from './licenses/license-issuer.service';
import { LicenseIssuer } from './licenses/license-issuer.service';
import type { Tier } from './offers/permissions';

export interface LicenseSummary {
  id: string;
  licenseeId: string;
  modelId: string;
  versionId: string;
  tier: Tier;
  priceAmount: number;
  priceCurrency: string;
  status: 'ACTIVE' | 'REVOKED';
}

const summary = (g: LicenseEntity): LicenseSummary => ({
  id: g.id,
  licenseeId: g.licenseeId,
  modelId: g.modelId,
  versionId: g.versionId,
  tier: g.tier,
  priceAmount: g.priceAmount,
  priceCurrency: g.priceCurrency,
  status: g.status,
});

/** What commerce may ask of licensing. Grants are issued and revoked inside the caller's transaction. */
@Injectable()
export class LicensingFacade {
  constructor(private readonly issuer: LicenseIssuer) {}

  /** Can this buyer purchase this offer right now, and at what price? Typed errors say why not. */
  quote(offerId: string, buyerId: string): Promise<PurchaseQuote> {
    return this.issuer.quote(offerId, buyerId);
  }

  /** A paid order line becomes a licence. Replaying the same `orderRef` returns the same grant. */
  async issueForOrder(
    manager: EntityManager,
    input: { offerId: string; licenseeId: string; orderRef: string },
  ): Promise<LicenseSummary> {
    return summary(await this.issuer.issue(manager, { ...input, source: 'PURCHASE' }));
  }

  /** Refunds and lost disputes end the licence; revoking twice is a no-op. */
  async revoke(
    manager: EntityManager,
    grantId: string,
    reason: RevocationReason,
    note?: string,
  ): Promise<LicenseSummary> {
    return summary((await this.issuer.revoke(manager, grantId, reason, note ?? null)).grant);
  }
}
