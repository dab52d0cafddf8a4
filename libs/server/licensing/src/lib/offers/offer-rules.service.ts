import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LicenseRepository } from '../licenses/license.repository';
import type { Subject } from '../subjects/subject';
import type { ParentLicence } from './compatibility';
import { assertCompatible, mostPermissive } from './compatibility';
import { OfferRepository } from './offer.repository';
import type { Permissions, Tier } from './permissions';

/**
 * Applies the compatibility rules to a version's offers, looking up the licences its creator holds to its declared
 * parents.
 */
@Injectable()
export class OfferRules {
  constructor(
    private readonly offers: OfferRepository,
    private readonly licenses: LicenseRepository,
  ) {}

  async assertCompatible(
    manager: EntityManager,
    subject: Subject,
    offers: readonly { tier: Tier; permissions: Permissions }[],
  ): Promise<void> {
    assertCompatible(offers, {
      baseModelId: subject.baseModel?.id ?? '',
      baseModelNonCommercial: subject.baseModel?.nonCommercial ?? false,
      parents: await this.parentLicences(manager, subject),
    });
  }

  /**
   * For each declared parent owned by someone else: the best licence the version's creator holds to it (grant or free
   * offer).
   */
  private async parentLicences(manager: EntityManager, subject: Subject): Promise<ParentLicence[]> {
    const foreign = subject.parents.filter((p) => p.ownerId !== subject.ownerId).map((p) => p.versionId);
    if (!foreign.length) return [];
    const [grants, freeOffers] = await Promise.all([
      this.licenses.activeHeldIn(manager, subject.ownerId, foreign),
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
