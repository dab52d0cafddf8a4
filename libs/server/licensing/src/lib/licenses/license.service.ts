import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TIERS } from '@lookbook/kernel';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { LicensingErrors } from '../licensing.errors';
import type { SubjectKind } from '../subjects/subject';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import { OfferService } from '../offers/offer.service';
import type { LicenseEntity, RevocationReason } from './license.entity';
import { LicenseIssuer } from './license-issuer.service';
import { LicenseRepository } from './license.repository';
import type { Verification } from './license-verifier.service';
import { LicenseVerifier } from './license-verifier.service';
import type { LicenseAudience } from './license-audience';
import { audienceOf } from './license-audience';

/** The licence use cases behind the API: claim, gift, revoke, list, verify. */
@Injectable()
export class LicenseService {
  constructor(
    private readonly issuer: LicenseIssuer,
    private readonly licenses: LicenseRepository,
    private readonly offers: OfferService,
    private readonly verifier: LicenseVerifier,
    private readonly subjects: LicensableSubjects,
    private readonly identity: IdentityFacade,
    private readonly transactions: Transactions,
  ) {}

  mine<T>(actor: Actor, args: ConnectionArgs, map: (g: LicenseEntity) => T): Promise<Page<T>> {
    return this.licenses.pageForLicensee(actor.userId, args, map);
  }

  async sold<T>(
    actor: Actor,
    versionId: string,
    args: ConnectionArgs,
    map: (g: LicenseEntity) => T,
    kind: SubjectKind = 'MODEL',
  ): Promise<Page<T>> {
    await this.subjects.of(kind).owned(actor, versionId); // VERSION_NOT_FOUND unless it is yours
    return this.licenses.pageForVersion(versionId, args, map);
  }

  /** A licence the viewer may look at (holder, the version's creator, staff); LICENSE_NOT_FOUND otherwise. */
  async visible(viewer: Actor, id: string): Promise<{ grant: LicenseEntity; audience: LicenseAudience }> {
    const grant = await this.licenses.byId(id);
    if (!grant) throw LicensingErrors.licenseNotFound();
    const owner = (await this.subjects.of(grant.subjectKind).owners([grant.subjectId])).get(grant.subjectId);
    const audience = audienceOf(grant, viewer, owner);
    if (audience === 'PUBLIC') throw LicensingErrors.licenseNotFound();
    return { grant, audience };
  }

  /**
   * In the caller's transaction (share-locked): the strongest active licence a person holds on a subject, any
   * version — EXCLUSIVE over ENTERPRISE over COMMERCIAL over PERSONAL over FREE, the earliest of a tier — or null.
   */
  async strongestActiveOn(
    manager: EntityManager,
    licenseeId: string,
    kind: SubjectKind,
    subjectId: string,
  ): Promise<LicenseEntity | null> {
    const held = await this.licenses.activeOnSubject(manager, licenseeId, kind, subjectId);
    const rank = (g: LicenseEntity) => TIERS.indexOf(g.tier);
    return held.reduce<LicenseEntity | null>((best, g) => (!best || rank(g) > rank(best) ? g : best), null);
  }

  heldBy(viewer: Actor, versionIds: readonly string[]): Promise<LicenseEntity[]> {
    return this.licenses.heldBy(viewer.userId, versionIds);
  }

  verifyCertificate(certificate: string): Promise<Verification> {
    return this.verifier.verifyCertificate(certificate);
  }

  async claimFree(actor: Actor, versionId: string, kind: SubjectKind = 'MODEL'): Promise<LicenseEntity> {
    await this.subjects.of(kind).visible(actor, versionId); // a stranger's draft is "not found", not "not for sale"
    const free = (await this.offers.liveOffers([versionId])).find((o) => o.tier === 'FREE' && o.subjectKind === kind);
    if (!free) throw LicensingErrors.offerNotAvailable();
    return this.transactions.run((manager) =>
      this.issuer.issue(manager, { offerId: free.id, licenseeId: actor.userId, source: 'FREE_CLAIM' }),
    );
  }

  async gift(actor: Actor, offerId: string, licenseeHandle: string): Promise<LicenseEntity> {
    const offer = await this.offers.byId(offerId);
    if (!offer) throw LicensingErrors.offerNotFound();
    await this.subjects
      .of(offer.subjectKind)
      .owned(actor, offer.versionId)
      .catch(() => {
        throw LicensingErrors.offerNotFound(); // someone else's offer: same answer as a missing one
      });
    if (offer.tier === 'FREE') throw LicensingErrors.wrongSource('Free offers are claimed, not gifted');
    const licensee = await this.identity.userByHandle(licenseeHandle.trim());
    if (!licensee) throw LicensingErrors.licenseeNotFound();
    return this.transactions.run((manager) =>
      this.issuer.issue(manager, { offerId, licenseeId: licensee.id, source: 'GIFT' }),
    );
  }

  async revoke(id: string, reason: RevocationReason, note: string | null): Promise<LicenseEntity> {
    const { grant, changed } = await this.transactions.run((manager) => this.issuer.revoke(manager, id, reason, note));
    if (!changed) throw LicensingErrors.alreadyRevoked();
    return grant;
  }
}
