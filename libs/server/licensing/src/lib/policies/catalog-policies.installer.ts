import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { CatalogPolicies } from '@lookbook/catalog';
import type { Actor } from '@lookbook/core';
import { LicenseRepository } from '../licenses/license.repository';
import { LicensingErrors } from '../licensing.errors';
import { OfferRules } from '../offers/offer-rules.service';
import { OfferService } from '../offers/offer.service';
import { modelSubject } from '../subjects/model-subjects';

/**
 * Plugs licensing into the catalog: a version publishes only with at least one offer that passes the compatibility
 * rules, and a paid file downloads for whoever holds an active licence covering its exact bytes.
 */
@Injectable()
export class CatalogPoliciesInstaller implements OnModuleInit {
  constructor(
    private readonly policies: CatalogPolicies,
    private readonly offers: OfferService,
    private readonly rules: OfferRules,
    private readonly licenses: LicenseRepository,
  ) {}

  onModuleInit(): void {
    this.policies.install({
      downloadAccess: {
        canDownload: (actor, resource) => this.licenses.covers(actor.userId, resource.versionId, resource.fileSha256),
      },
      licensing: { describe: (viewer, versionIds) => this.describe(viewer, versionIds) },
      publish: {
        assertPublishable: async (manager, version) => {
          const live = await this.offers.liveOffersIn(manager, version.versionId);
          if (!live.length) throw LicensingErrors.publishNeedsOffer();
          await this.rules.assertCompatible(manager, modelSubject(version), live);
        },
      },
    });
  }

  /** For tools looking a file up by hash: what is on sale, on which terms, and whether the caller holds a licence. */
  private async describe(viewer: Actor | undefined, versionIds: readonly string[]): Promise<Map<string, unknown>> {
    const [offers, held] = await Promise.all([
      this.offers.liveOffers(versionIds),
      viewer ? this.licenses.heldBy(viewer.userId, versionIds) : Promise.resolve([]),
    ]);
    return new Map(
      versionIds.map((versionId) => [
        versionId,
        {
          offers: offers
            .filter((o) => o.versionId === versionId)
            .map((o) => ({
              id: o.id,
              tier: o.tier,
              priceAmount: o.priceAmount,
              priceCurrency: o.priceCurrency,
              permissions: o.permissions,
              termsSha256: o.termsSha256,
            })),
          myActiveLicenses: held
            .filter((g) => g.versionId === versionId && g.status === 'ACTIVE')
            .map((g) => ({ id: g.id, tier: g.tier, permissions: g.permissions })),
        },
      ]),
    );
  }
}
