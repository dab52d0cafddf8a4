import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { entityFromRow } from '@lookbook/core';
import type { Tier } from './permissions';
import { OfferEntity } from './offer.entity';
import { LicenseEntity } from '../licenses/license.entity';

/** A version's live offers and the licences one person holds to it (none signed out). */
export interface VersionLicensing {
  versionId: string;
  offers: OfferEntity[];
  held: LicenseEntity[];
}

/** Licence offers. Rows are never edited: a changed offer is a new revision and the old one is retired. */
@Injectable()
export class OfferRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(OfferEntity);
  }

  byId(id: string, manager?: EntityManager): Promise<OfferEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** The live (not retired) offers of one version. */
  liveOf(versionId: string, manager?: EntityManager): Promise<OfferEntity[]> {
    return this.repo(manager).findBy({ versionId, retiredAt: IsNull() });
  }

  /** Live offers of several versions (batched for DataLoaders). */
  /**
   * Live offers of several versions, cheapest tier first (every card on a page shows them). Fixed SQL on the
   * `(version_id, tier) WHERE retired_at IS NULL` index; rows hydrated directly, no query builder per call.
   */
  async liveOfVersions(versionIds: readonly string[]): Promise<OfferEntity[]> {
    if (!versionIds.length) return [];
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM licensing.offer WHERE version_id = ANY($1::uuid[]) AND retired_at IS NULL
        ORDER BY version_id, array_position(ARRAY['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'], tier)`,
      [versionIds],
    );
    const metadata = this.dataSource.getMetadata(OfferEntity);
    return rows.map((row) => entityFromRow<OfferEntity>(metadata, row));
  }

  /**
   * For each version: its live offers (cheapest tier first, as `liveOfVersions`) and the licences `licenseeId` holds to
   * it (newest first; none when null), in one statement — a version's price list and "you own this" on the model page
   * come together.
   */
  async liveWithHeld(versionIds: readonly string[], licenseeId: string | null): Promise<VersionLicensing[]> {
    if (!versionIds.length) return [];
    const rows = await this.dataSource.query<
      { id: string; offers: Record<string, unknown>[]; held: Record<string, unknown>[] }[]
    >(
      `SELECT v.id,
              (SELECT coalesce(json_agg(o ORDER BY array_position(ARRAY['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'], o.tier)), '[]'::json)
                 FROM licensing.offer o WHERE o.version_id = v.id AND o.retired_at IS NULL) AS offers,
              (SELECT coalesce(json_agg(g ORDER BY g.issued_at DESC, g.id DESC), '[]'::json)
                 FROM licensing.grant g WHERE $2::uuid IS NOT NULL AND g.licensee_id = $2 AND g.version_id = v.id) AS held
         FROM unnest($1::uuid[]) AS v (id)`,
      [versionIds, licenseeId],
    );
    const offer = this.dataSource.getMetadata(OfferEntity);
    const grant = this.dataSource.getMetadata(LicenseEntity);
    return rows.map((row) => ({
      versionId: row.id,
      offers: row.offers.map((o) => entityFromRow<OfferEntity>(offer, o)),
      held: row.held.map((g) => entityFromRow<LicenseEntity>(grant, g)),
    }));
  }

  /** Live FREE offers of several versions, in the caller's transaction (the parent-licence rule). */
  liveFreeOf(manager: EntityManager, versionIds: readonly string[]): Promise<OfferEntity[]> {
    return this.repo(manager).findBy({ versionId: In([...versionIds]), tier: 'FREE', retiredAt: IsNull() });
  }

  async retire(manager: EntityManager, id: string, at: Date): Promise<void> {
    await this.repo(manager).update({ id }, { retiredAt: at });
  }

  async retireAllOf(manager: EntityManager, versionId: string, at: Date): Promise<void> {
    await this.repo(manager).update({ versionId, retiredAt: IsNull() }, { retiredAt: at });
  }

  /** The latest revision number of a version's tier (any state), 0 when it was never offered. */
  async latestRevision(manager: EntityManager, versionId: string, tier: Tier): Promise<number> {
    return (await this.repo(manager).maximum('revision', { versionId, tier })) ?? 0;
  }

  async insert(manager: EntityManager, offer: OfferEntity): Promise<void> {
    await this.repo(manager).insert(offer);
  }
}
