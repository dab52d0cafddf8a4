import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GrantEntity, RevocationReason } from './grants/grant.entity';
import { GrantService } from './grants/grant.service';
import { OfferService } from './offers/offer.service';
import type { Tier } from './offers/permissions';

export interface GrantSummary {
  id: string;
  licenseeId: string;
  modelId: string;
  versionId: string;
  tier: Tier;
  priceAmount: number;
  priceCurrency: string;
  status: 'ACTIVE' | 'REVOKED';
}

export interface OfferSummary {
  id: string;
  versionId: string;
  tier: Tier;
  revision: number;
  priceAmount: number;
  priceCurrency: string;
  live: boolean;
}

const summary = (g: GrantEntity): GrantSummary => ({
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
  constructor(
    private readonly grants: GrantService,
    private readonly offers: OfferService,
  ) {}

  async offer(offerId: string): Promise<OfferSummary | null> {
    const offer = await this.offers.byId(offerId);
    return (
      offer && {
        id: offer.id,
        versionId: offer.versionId,
        tier: offer.tier,
        revision: offer.revision,
        priceAmount: offer.priceAmount,
        priceCurrency: offer.priceCurrency,
        live: offer.retiredAt === null,
      }
    );
  }

  /** A paid order line becomes a licence. Replaying the same `orderRef` returns the same grant. */
  async issueForOrder(
    manager: EntityManager,
    input: { offerId: string; licenseeId: string; orderRef: string },
  ): Promise<GrantSummary> {
    return summary(await this.grants.issue(manager, { ...input, source: 'PURCHASE' }));
  }

  /** Refunds and lost disputes end the licence; revoking twice is a no-op. */
  async revoke(
    manager: EntityManager,
    grantId: string,
    reason: RevocationReason,
    note?: string,
  ): Promise<GrantSummary> {
    return summary((await this.grants.revoke(manager, grantId, reason, note ?? null)).grant);
  }
}
