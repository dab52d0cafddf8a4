import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { CatalogPolicies } from '@lookbook/catalog';
import { GrantService } from './grants/grant.service';
import { LicensingErrors } from './licensing.errors';
import { OfferRules } from './offers/offer-rules';
import { OfferService } from './offers/offer.service';

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
    private readonly grants: GrantService,
  ) {}

  onModuleInit(): void {
    this.policies.install({
      downloadAccess: {
        canDownload: (actor, resource) => this.grants.covers(actor.userId, resource.versionId, resource.fileSha256),
      },
      publish: {
        assertPublishable: async (manager, version) => {
          const live = await this.offers.liveOffersIn(manager, version.versionId);
          if (!live.length) throw LicensingErrors.publishNeedsOffer();
          await this.rules.assertCompatible(manager, version, live);
        },
      },
    });
  }
}
