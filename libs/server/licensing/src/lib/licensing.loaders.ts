import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import type { VersionLicensing } from './offers/offer.repository';
import { OfferRepository } from './offers/offer.repository';

/** The batch functions behind licensing's fields on versions: one statement per request, whatever the list size. */
@Injectable()
export class LicensingLoaders {
  constructor(private readonly offers: OfferRepository) {}

  /**
   * Each version's live offers and the viewer's licences to it (`licenseOffers`, `myLicenses` and `ownedByMe` share it),
   * in one statement; signed out (`viewerId` null) the licences are empty.
   */
  versionLicensing(loaders: LoaderRegistry, viewerId: string | null) {
    return loaders.get<string, VersionLicensing>(`licensing.versionLicensing:${viewerId ?? ''}`, async (ids) => {
      const rows = new Map((await this.offers.liveWithHeld(ids, viewerId)).map((r) => [r.versionId, r]));
      return ids.map((id) => rows.get(id) ?? { versionId: id, offers: [], held: [] });
    });
  }
}
