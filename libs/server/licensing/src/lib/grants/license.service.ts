import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { CatalogFacade } from '@lookbook/catalog';
import { IdentityFacade } from '@lookbook/identity';
import { LicensingErrors } from '../licensing.errors';
import { OfferService } from '../offers/offer.service';
import type { GrantEntity, RevocationReason } from './grant.entity';
import { GrantService } from './grant.service';
import type { Verification } from './license-verifier';
import { LicenseVerifier } from './license-verifier';
import type { LicenseAudience } from './license.mapper';
import { audienceOf } from './license.mapper';

/** The licence use cases behind the API: claim, gift, revoke, list, verify. */
@Injectable()
export class LicenseService {
  constructor(
    private readonly grants: GrantService,
    private readonly offers: OfferService,
    private readonly verifier: LicenseVerifier,
    private readonly catalog: CatalogFacade,
    private readonly identity: IdentityFacade,
  ) {}

  mine<T>(actor: Actor, args: ConnectionArgs, map: (g: GrantEntity) => T): Promise<Page<T>> {
    return this.grants.pageForLicensee(actor.userId, args, map);
  }

  async sold<T>(actor: Actor, versionId: string, args: ConnectionArgs, map: (g: GrantEntity) => T): Promise<Page<T>> {
    await this.catalog.ownedVersion(actor, versionId); // VERSION_NOT_FOUND unless it is yours
    return this.grants.pageForVersion(versionId, args, map);
  }

  /** A licence the viewer may look at (holder, the version's creator, staff); LICENSE_NOT_FOUND otherwise. */
  async visible(viewer: Actor, id: string): Promise<{ grant: GrantEntity; audience: LicenseAudience }> {
    const grant = await this.grants.byId(id);
    if (!grant) throw LicensingErrors.licenseNotFound();
    const owner = (await this.catalog.modelOwners([grant.modelId])).get(grant.modelId);
    const audience = audienceOf(grant, viewer, owner);
    if (audience === 'PUBLIC') throw LicensingErrors.licenseNotFound();
    return { grant, audience };
  }

  heldBy(viewer: Actor, versionIds: readonly string[]): Promise<GrantEntity[]> {
    return this.grants.heldBy(viewer.userId, versionIds);
  }

  verifyCertificate(certificate: string): Promise<Verification> {
    return this.verifier.verifyCertificate(certificate);
  }

  async claimFree(actor: Actor, versionId: string): Promise<GrantEntity> {
    await this.catalog.visibleVersion(actor, versionId); // a stranger's draft is "not found", not "not for sale"
    const free = (await this.offers.liveOffers([versionId])).find((o) => o.tier === 'FREE');
    if (!free) throw LicensingErrors.offerNotAvailable();
    return this.grants.transaction((manager) =>
      this.grants.issue(manager, { offerId: free.id, licenseeId: actor.userId, source: 'FREE_CLAIM' }),
    );
  }

  async gift(actor: Actor, offerId: string, licenseeHandle: string): Promise<GrantEntity> {
    const offer = await this.offers.byId(offerId);
    if (!offer) throw LicensingErrors.offerNotFound();
    await this.catalog.ownedVersion(actor, offer.versionId).catch(() => {
      throw LicensingErrors.offerNotFound(); // someone else's offer: same answer as a missing one
    });
    if (offer.tier === 'FREE') throw LicensingErrors.wrongSource('Free offers are claimed, not gifted');
    const licensee = await this.identity.userByHandle(licenseeHandle.trim());
    if (!licensee) throw LicensingErrors.licenseeNotFound();
    return this.grants.transaction((manager) =>
      this.grants.issue(manager, { offerId, licenseeId: licensee.id, source: 'GIFT' }),
    );
  }

  async revoke(id: string, reason: RevocationReason, note: string | null): Promise<GrantEntity> {
    const { grant, changed } = await this.grants.transaction((manager) =>
      this.grants.revoke(manager, id, reason, note),
    );
    if (!changed) throw LicensingErrors.alreadyRevoked();
    return grant;
  }
}
