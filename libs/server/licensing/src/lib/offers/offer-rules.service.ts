import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VersionFacts } from '@lookbook/catalog';
import { LicenseRepository } from '../licenses/license.repository';
import type { ParentLicence } from './compatibility';
import { assertCompatible, mostPermissive } from './compatibility';
import { OfferRepository } from './offer.repository';
import type { Permissions, Tier } from './permissions';

/** Applies the compatibility rules to a version's offers, looking up the licences its creator holds to its parents. */
@Injectable()
export class OfferRules {
  constructor(
    private readonly offers: OfferRepository,
    private readonly licenses: LicenseRepository,
  ) {}

  async assertCompatible(
    manager: EntityManager,
    version: VersionFacts,
    offers: readonly { tier: Tier; permissions: Permissions }[],
  ): Promise<void> {
    assertCompatible(offers, {
      baseModelId: version.baseModelId,
      baseModelNonCommercial: version.baseModelNonCommercial,
      parents: await this.parentLicences(manager, version),
    });
  }

  /** For each parent owned by someone else: the best licence the version's creator holds to it (grant or free offer). */
  private async parentLicences(manager: EntityManager, version: VersionFacts): Promise<ParentLicence[]> {
    const foreign = version.parents.filter((p) => p.ownerId !== version.ownerId).map((p) => p.versionId);
    if (!foreign.length) return [];
    const [grants, freeOffers] = await Promise.all([
      this.licenses.activeHeldIn(manager, version.ownerId, foreign),
      this.offers.liveFreeOf(manager, foreign),
    ]);
    return foreign.map((parentVersionId) => ({
      parentVersionId,
      permissions: mostPermissive(
        [...grants, ...freeOffers].filter((g) => g.versionId === parentVersionId).map((g) => g.permissions),
      ),
    }));
  }
}
