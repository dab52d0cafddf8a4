import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import type { LicenseEntity, RevocationReason } from './licenses/license.entity';
import { LicenseService } from './licenses/license.service';
import type { OfferEntity } from './offers/offer.entity';
import type { OfferInput } from './offers/offer.service';
import { OfferService } from './offers/offer.service';
import type { SubjectKind } from './subjects/subject';
import type { PurchaseQuote } from './licenses/license-issuer.service';
import { LicenseIssuer } from './licenses/license-issuer.service';
import type { Permissions, Tier } from './offers/permissions';

export interface LicenseSummary {
  id: string;
  licenseeId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  versionId: string;
  tier: Tier;
  permissions: Permissions;
  resourceName: string;
  priceAmount: number;
  priceCurrency: string;
  status: 'ACTIVE' | 'REVOKED';
}

const summary = (g: LicenseEntity): LicenseSummary => ({
  id: g.id,
  licenseeId: g.licenseeId,
  subjectKind: g.subjectKind,
  subjectId: g.subjectId,
  versionId: g.versionId,
  tier: g.tier,
  permissions: g.permissions,
  resourceName: g.resourceName,
  priceAmount: g.priceAmount,
  priceCurrency: g.priceCurrency,
  status: g.status,
});

/**
 * What the domains above licensing (templates, commerce) may ask of it. Grants are issued and revoked inside the
 * caller's transaction.
 */
@Injectable()
export class LicensingFacade {
  constructor(
    private readonly issuer: LicenseIssuer,
    private readonly offers: OfferService,
    private readonly licenses: LicenseService,
  ) {}

  /** The subject's offers, replaced declaratively (see OfferService.setOffers). */
  setOffers(actor: Actor, kind: SubjectKind, versionId: string, inputs: OfferInput[]): Promise<OfferEntity[]> {
    return this.offers.setOffers(actor, versionId, inputs, kind);
  }

  /** Live offers of several versions of any kind (batched for DataLoaders). */
  liveOffers(versionIds: readonly string[]): Promise<OfferEntity[]> {
    return this.offers.liveOffers(versionIds);
  }

  /** The viewer's active licences to any of these versions. */
  async activeHeldBy(viewer: Actor, versionIds: readonly string[]): Promise<LicenseSummary[]> {
    if (!versionIds.length) return [];
    const held = await this.licenses.heldBy(viewer, versionIds);
    return held.filter((g) => g.status === 'ACTIVE').map(summary);
  }

  /**
   * In the caller's transaction: the strongest active licence a person holds on a model or template (any version),
   * share-locked until the caller commits, or null. Community's reviews rest on it.
   */
  async strongestActiveOn(
    manager: EntityManager,
    licenseeId: string,
    kind: SubjectKind,
    subjectId: string,
  ): Promise<LicenseSummary | null> {
    const grant = await this.licenses.strongestActiveOn(manager, licenseeId, kind, subjectId);
    return grant && summary(grant);
  }

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
