import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import type { VersionFacts } from '@lookbook/catalog';
import { GrantEntity } from '../grants/grant.entity';
import type { ParentLicence } from './compatibility';
import { assertCompatible, mostPermissive } from './compatibility';
import { OfferEntity } from './offer.entity';
import type { Permissions, Tier } from './permissions';

/** Applies the compatibility rules to a version's offers, looking up the licences its creator holds to its parents. */
@Injectable()
export class OfferRules {
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
      manager.getRepository(GrantEntity).findBy({
        licenseeId: version.ownerId,
        versionId: In(foreign),
        status: 'ACTIVE',
      }),
      manager.getRepository(OfferEntity).findBy({ versionId: In(foreign), tier: 'FREE', retiredAt: IsNull() }),
    ]);
    return foreign.map((parentVersionId) => ({
      parentVersionId,
      permissions: mostPermissive(
        [...grants, ...freeOffers].filter((g) => g.versionId === parentVersionId).map((g) => g.permissions),
      ),
    }));
  }
}
