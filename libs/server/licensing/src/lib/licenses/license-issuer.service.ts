import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, Notifier, Transactions } from '@lookbook/core';
import type { Money } from '@lookbook/kernel';
import { codePoints, manyLines, newId } from '@lookbook/kernel';
import type { Tier } from '../offers/permissions';
import { signCertificate } from '../certificates/certificate';
import { LicenseKeyRing } from '../certificates/key-ring';
import type { Subject, SubjectKind } from '../subjects/subject';
import { isListed } from '../subjects/subject';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import { LicensingErrors } from '../licensing.errors';
import type { OfferEntity } from '../offers/offer.entity';
import { OfferRepository } from '../offers/offer.repository';
import { OfferService } from '../offers/offer.service';
import type { LicenseEntity, LicenseSource, RevocationReason } from './license.entity';
import { LicenseRepository } from './license.repository';

export interface PurchaseQuote {
  offerId: string;
  offerRevision: number;
  /** What is sold: a style model's version, or a workflow template's. */
  subjectKind: SubjectKind;
  tier: Tier;
  price: Money;
  versionId: string;
  subjectId: string;
  sellerId: string;
  itemName: string;
}

export interface IssueLicenseInput {
  offerId: string;
  licenseeId: string;
  source: LicenseSource;
  /** PURCHASE only: the commerce order line that paid for it. One grant per line, so a replay returns the first. */
  orderRef?: string;
}

/** How a revocation reads to the licensee. */
const REVOKED_BECAUSE: Record<RevocationReason, string> = {
  REFUNDED: 'refunded',
  DISPUTE_LOST: 'the payment was disputed',
  FRAUD: 'fraud',
  TERMS_VIOLATION: 'a violation of its terms',
  TAKEDOWN: 'the work was taken down',
  ISSUED_IN_ERROR: 'issued in error',
};

/**
 * Issues and revokes licences (the rules every new licence passes), always in the caller's transaction. Issuing and delisting serialise on the version row (the same lock as
 * publishing and offer changes), so an exclusive sale and any other sale of the same version never both succeed.
 */
@Injectable()
export class LicenseIssuer {
  constructor(
    private readonly licenses: LicenseRepository,
    private readonly offerRows: OfferRepository,
    private readonly offers: OfferService,
    private readonly subjects: LicensableSubjects,
    private readonly keys: LicenseKeyRing,
    private readonly transactions: Transactions,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** Issues a grant inside the caller's transaction (commerce's fulfilment, a free claim, a creator's gift). */
  async issue(manager: EntityManager, input: IssueLicenseInput): Promise<LicenseEntity> {
    if ((input.source === 'PURCHASE') !== !!input.orderRef) {
      throw LicensingErrors.wrongSource('A purchase names its order line; nothing else does');
    }
    const found = await this.offerRows.byId(input.offerId, manager);
    if (!found) throw LicensingErrors.offerNotFound();
    const source = this.subjects.of(found.subjectKind);
    const subject = await source.lock(manager, found.versionId);
    if (input.orderRef) {
      const replay = await this.licenses.byOrderRef(manager, input.orderRef);
      if (replay) return replay;
    }
    const offer = (await this.offerRows.byId(input.offerId, manager))!; // as of now, under the lock
    const held = await this.checkAvailable(manager, offer, subject, input.licenseeId, input.source);
    if (held) {
      if (input.source === 'FREE_CLAIM') return held; // claiming twice is harmless
      throw LicensingErrors.alreadyLicensed();
    }

    const id = newId();
    const issuedAt = this.clock.now();
    const resourceUrn = source.urn(subject.subjectId, subject.versionId);
    const certificate = await signCertificate(
      {
        grantId: id,
        licenseeId: input.licenseeId,
        resource: resourceUrn,
        tier: offer.tier,
        termsSha256: offer.termsSha256,
        fileSha256s: subject.contentSha256s,
        issuedAt,
      },
      this.keys,
    );
    const grant: LicenseEntity = {
      id,
      licenseeId: input.licenseeId,
      subjectKind: offer.subjectKind,
      subjectId: subject.subjectId,
      versionId: subject.versionId,
      resourceUrn,
      resourceName: `${subject.name} — ${subject.versionLabel}`,
      offerId: offer.id,
      offerRevision: offer.revision,
      tier: offer.tier,
      permissions: offer.permissions,
      termsText: offer.termsText,
      termsSha256: offer.termsSha256,
      fileSha256s: subject.contentSha256s,
      priceAmount: input.source === 'PURCHASE' ? offer.priceAmount : 0,
      priceCurrency: offer.priceCurrency,
      source: input.source,
      orderRef: input.orderRef ?? null,
      issuedAt,
      keyId: this.keys.activeKid,
      certificate,
      status: 'ACTIVE',
      revokedAt: null,
      revocationReason: null,
      revocationNote: null,
    };
    await this.licenses.insert(manager, grant);
    if (offer.tier === 'EXCLUSIVE')
      await this.offers.delistAll(manager, offer.subjectKind, subject.versionId, issuedAt);
    return grant;
  }

  /**
   * Could this person buy this offer now? Checked before checkout (the same rules run again when the paid order is
   * fulfilled, under the version lock). Returns what the order records.
   */
  async quote(offerId: string, buyerId: string): Promise<PurchaseQuote> {
    return this.transactions.run(async (manager) => {
      const offer = await this.offerRows.byId(offerId, manager);
      if (!offer) throw LicensingErrors.offerNotFound();
      const subject = await this.subjects.of(offer.subjectKind).lock(manager, offer.versionId);
      // An offer of a draft or unlisted subject is "not found" to everyone but its creator, exactly like an unknown id.
      if (!isListed(subject) && subject.ownerId !== buyerId) throw LicensingErrors.offerNotFound();
      if (await this.checkAvailable(manager, offer, subject, buyerId, 'PURCHASE'))
        throw LicensingErrors.alreadyLicensed();
      return {
        offerId: offer.id,
        offerRevision: offer.revision,
        subjectKind: offer.subjectKind,
        tier: offer.tier,
        price: { amount: offer.priceAmount, currency: offer.priceCurrency },
        versionId: subject.versionId,
        subjectId: subject.subjectId,
        sellerId: subject.ownerId,
        itemName: `${subject.name} — ${subject.versionLabel} (${offer.tier.toLowerCase()} licence)`,
      };
    });
  }

  /** The rules every new licence passes; returns the person's active licence of that tier, if any. */
  private async checkAvailable(
    manager: EntityManager,
    offer: OfferEntity,
    subject: Subject,
    licenseeId: string,
    source: LicenseSource,
  ): Promise<LicenseEntity | null> {
    if (subject.ownerId === licenseeId) throw LicensingErrors.ownWork();
    if (await this.licenses.hasActiveExclusive(manager, subject.versionId)) {
      throw LicensingErrors.exclusivelyLicensed();
    }
    if (offer.retiredAt || !isListed(subject) || !subject.contentSha256s.length)
      throw LicensingErrors.offerNotAvailable();
    if ((source === 'FREE_CLAIM') !== (offer.tier === 'FREE')) {
      throw LicensingErrors.wrongSource('Free offers are claimed; every other tier is bought or gifted');
    }
    return this.licenses.activeOfTier(manager, licenseeId, subject.versionId, offer.tier);
  }

  /** Ends a licence. Idempotent for callers like refunds: `changed` says whether this call revoked it. */
  async revoke(
    manager: EntityManager,
    grantId: string,
    reason: RevocationReason,
    note: string | null = null,
  ): Promise<{ grant: LicenseEntity; changed: boolean }> {
    const cleanNote = note === null ? null : manyLines(note, 'note') || null;
    if (cleanNote !== null && codePoints(cleanNote) > 500) throw LicensingErrors.invalidNote();
    const grant = await this.licenses.lockById(manager, grantId);
    if (!grant) throw LicensingErrors.licenseNotFound();
    if (grant.status === 'REVOKED') return { grant, changed: false };
    const changes = {
      status: 'REVOKED' as const,
      revokedAt: this.clock.now(),
      revocationReason: reason,
      revocationNote: cleanNote,
    };
    await this.licenses.update(manager, grant.id, changes);
    await this.notifier.notify(manager, {
      recipientId: grant.licenseeId,
      kind: 'LICENSE_REVOKED',
      subjectKind: 'LICENSE',
      subjectId: grant.id,
      text: `Your licence for ${grant.resourceName} was revoked (${REVOKED_BECAUSE[reason]})`,
      url: '/library',
      dedupeKey: `licensing.revoked:${grant.id}`,
    });
    return { grant: { ...grant, ...changes }, changed: true };
  }
}
