import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { Clock, Transactions } from '@lookbook/core';
import { checkPrice, licensedWorkName, newId, ValidationError } from '@lookbook/kernel';
import { LicenseRepository } from '../licenses/license.repository';
import { LicensingErrors } from '../licensing.errors';
import type { SubjectKind } from '../subjects/subject';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import type { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import { OfferRules } from './offer-rules.service';
import type { Permissions, Tier } from './permissions';
import { licenseText, termsHash, validatePermissions } from './permissions';

export interface OfferInput {
  tier: Tier;
  priceAmount: number;
  priceCurrency: string;
  permissions: Permissions;
}

const duplicateTier = () => new ValidationError('DUPLICATE_TIER', 'Each tier can be offered once per version');

const same = (a: OfferEntity, b: Omit<OfferEntity, 'id' | 'revision' | 'createdAt' | 'retiredAt'>) =>
  a.priceAmount === b.priceAmount && a.priceCurrency === b.priceCurrency && a.termsSha256 === b.termsSha256;

/**
 * The offers of a version. Setting them is declarative (the list is the new truth) and never rewrites sold terms:
 * a changed offer is a new revision with its own licence text and hash, and the old row is retired, not edited.
 */
@Injectable()
export class OfferService {
  constructor(
    private readonly offers: OfferRepository,
    private readonly licenses: LicenseRepository,
    private readonly subjects: LicensableSubjects,
    private readonly rules: OfferRules,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Drafts may hold any valid offers (the compatibility rules run at publish); a published version's offers must pass
   * them at once and cannot be emptied. While an exclusive licence is active nothing else is offered.
   */
  async setOffers(
    actor: Actor,
    versionId: string,
    inputs: OfferInput[],
    kind: SubjectKind = 'MODEL',
  ): Promise<OfferEntity[]> {
    const source = this.subjects.of(kind);
    const owned = await source.owned(actor, versionId);
    if (new Set(inputs.map((o) => o.tier)).size !== inputs.length) throw duplicateTier();
    const tiers = new Set(inputs.map((o) => o.tier));
    if (tiers.has('FREE') && tiers.has('EXCLUSIVE')) throw LicensingErrors.exclusiveWithFree();
    const resource = licensedWorkName(owned.name, owned.versionLabel);
    const wanted = inputs.map((input) => {
      const permissions = validatePermissions(input.tier, input.permissions);
      const price = checkPrice(input.tier, input.priceAmount, input.priceCurrency);
      const text = licenseText(input.tier, permissions, resource, price.currency);
      return {
        subjectKind: kind,
        versionId,
        tier: input.tier,
        priceAmount: price.amount,
        priceCurrency: price.currency,
        permissions,
        termsText: text,
        termsSha256: termsHash(text),
      };
    });

    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      // The version row lock serialises offer edits with publishing and with licence sales of this version.
      const subject = await source.lock(manager, versionId);
      if (await this.licenses.hasActiveExclusive(manager, versionId)) {
        throw LicensingErrors.exclusivelyLicensed();
      }
      if (subject.versionStatus === 'PUBLISHED') {
        if (!wanted.length) throw LicensingErrors.publishedNeedsOffer();
        await this.rules.assertCompatible(manager, subject, wanted);
      } else {
        // The base model rule already; declared parents at publish.
        await this.rules.assertCompatible(manager, { ...subject, parents: [] }, wanted);
      }
      await source.checkOffers?.(manager, subject, wanted);
      const live = await this.offers.liveOf(versionId, manager);
      const result: OfferEntity[] = [];
      for (const offer of live) {
        const next = wanted.find((w) => w.tier === offer.tier);
        if (next && same(offer, next)) result.push(offer);
        else await this.offers.retire(manager, offer.id, now);
      }
      for (const next of wanted) {
        if (result.some((r) => r.tier === next.tier)) continue;
        const offer: OfferEntity = {
          id: newId(),
          ...next,
          revision: (await this.offers.latestRevision(manager, versionId, next.tier)) + 1,
          createdAt: now,
          retiredAt: null,
        };
        await this.offers.insert(manager, offer);
        result.push(offer);
      }
      await source.setAccess?.(manager, versionId, tiers.has('FREE') ? 'FREE' : 'LICENSED');
      return byTier(result);
    });
  }

  /** An exclusive licence was sold: take every offer of the version off sale. */
  async delistAll(manager: EntityManager, kind: SubjectKind, versionId: string, now: Date): Promise<void> {
    await this.offers.retireAllOf(manager, versionId, now);
    await this.subjects.of(kind).setAccess?.(manager, versionId, 'LICENSED');
  }

  /** Inside a transaction that holds the version lock. */
  liveOffersIn(manager: EntityManager, versionId: string): Promise<OfferEntity[]> {
    return this.offers.liveOf(versionId, manager);
  }

  byId(id: string): Promise<OfferEntity | null> {
    return this.offers.byId(id);
  }

  /** Live offers of several versions (batched for DataLoaders). */
  async liveOffers(versionIds: readonly string[]): Promise<OfferEntity[]> {
    return byTier(await this.offers.liveOfVersions(versionIds));
  }
}

const TIER_ORDER: Tier[] = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'];
const byTier = (offers: OfferEntity[]) =>
  offers.sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
