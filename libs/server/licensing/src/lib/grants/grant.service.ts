import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { Clock, paginateNewestFirst, violatedConstraint } from '@lookbook/core';
import type { VersionFacts } from '@lookbook/catalog';
import { CatalogFacade, versionUrn } from '@lookbook/catalog';
import type { Money } from '@lookbook/kernel';
import { codePoints, manyLines, newId } from '@lookbook/kernel';
import type { Tier } from '../offers/permissions';
import { signCertificate } from '../certificates/certificate';
import { LicenseKeyRing } from '../certificates/key-ring';
import { LicensingErrors } from '../licensing.errors';
import { OfferEntity } from '../offers/offer.entity';
import { OfferService } from '../offers/offer.service';
import type { GrantSource, RevocationReason } from './grant.entity';
import { GrantEntity } from './grant.entity';

export interface PurchaseQuote {
  offerId: string;
  offerRevision: number;
  tier: Tier;
  price: Money;
  versionId: string;
  modelId: string;
  sellerId: string;
  itemName: string;
}

export interface IssueGrantInput {
  offerId: string;
  licenseeId: string;
  source: GrantSource;
  /** PURCHASE only: the commerce order line that paid for it. One grant per line, so a replay returns the first. */
  orderRef?: string;
}

/**
 * Issues, revokes and reads licence grants. Issuing and delisting serialise on the version row (the same lock as
 * publishing and offer changes), so an exclusive sale and any other sale of the same version never both succeed.
 */
@Injectable()
export class GrantService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogFacade,
    private readonly offers: OfferService,
    private readonly keys: LicenseKeyRing,
    private readonly clock: Clock,
  ) {}

  /** Issues a grant inside the caller's transaction (commerce's fulfilment, a free claim, a creator's gift). */
  async issue(manager: EntityManager, input: IssueGrantInput): Promise<GrantEntity> {
    if ((input.source === 'PURCHASE') !== !!input.orderRef) {
      throw LicensingErrors.wrongSource('A purchase names its order line; nothing else does');
    }
    const offers = manager.getRepository(OfferEntity);
    const found = await offers.findOneBy({ id: input.offerId });
    if (!found) throw LicensingErrors.offerNotFound();
    const version = await this.catalog.lockVersion(manager, found.versionId);
    const grants = manager.getRepository(GrantEntity);
    if (input.orderRef) {
      const replay = await grants.findOneBy({ orderRef: input.orderRef });
      if (replay) return replay;
    }
    const offer = (await offers.findOneBy({ id: input.offerId }))!; // as of now, under the lock
    const held = await this.checkAvailable(manager, offer, version, input.licenseeId, input.source);
    if (held) {
      if (input.source === 'FREE_CLAIM') return held; // claiming twice is harmless
      throw LicensingErrors.alreadyLicensed();
    }

    const id = newId();
    const issuedAt = this.clock.now();
    const resourceUrn = versionUrn(version.modelId, version.versionId);
    const certificate = await signCertificate(
      {
        grantId: id,
        licenseeId: input.licenseeId,
        resource: resourceUrn,
        tier: offer.tier,
        termsSha256: offer.termsSha256,
        fileSha256s: version.fileSha256s,
        issuedAt,
      },
      this.keys,
    );
    const grant: GrantEntity = {
      id,
      licenseeId: input.licenseeId,
      modelId: version.modelId,
      versionId: version.versionId,
      resourceUrn,
      resourceName: `${version.modelName} — ${version.versionName}`,
      offerId: offer.id,
      offerRevision: offer.revision,
      tier: offer.tier,
      permissions: offer.permissions,
      termsText: offer.termsText,
      termsSha256: offer.termsSha256,
      fileSha256s: version.fileSha256s,
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
    try {
      await grants.insert(grant);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'grant_active_exclusive_key') throw LicensingErrors.exclusivelyLicensed();
      if (constraint === 'grant_active_tier_key') throw LicensingErrors.alreadyLicensed();
      throw error;
    }
    if (offer.tier === 'EXCLUSIVE') await this.offers.delistAll(manager, version.versionId, issuedAt);
    return grant;
  }

  /**
   * Could this person buy this offer now? Checked before checkout (the same rules run again when the paid order is
   * fulfilled, under the version lock). Returns what the order records.
   */
  async quote(offerId: string, buyerId: string): Promise<PurchaseQuote> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await manager.getRepository(OfferEntity).findOneBy({ id: offerId });
      if (!offer) throw LicensingErrors.offerNotFound();
      const version = await this.catalog.lockVersion(manager, offer.versionId);
      // An offer of a draft or unlisted model is "not found" to everyone but its creator, exactly like an unknown id.
      const listed = version.versionStatus === 'PUBLISHED' && version.modelStatus === 'PUBLISHED';
      if (!listed && version.ownerId !== buyerId) throw LicensingErrors.offerNotFound();
      if (await this.checkAvailable(manager, offer, version, buyerId, 'PURCHASE'))
        throw LicensingErrors.alreadyLicensed();
      return {
        offerId: offer.id,
        offerRevision: offer.revision,
        tier: offer.tier,
        price: { amount: offer.priceAmount, currency: offer.priceCurrency },
        versionId: version.versionId,
        modelId: version.modelId,
        sellerId: version.ownerId,
        itemName: `${version.modelName} — ${version.versionName} (${offer.tier.toLowerCase()} licence)`,
      };
    });
  }

  /** The rules every new licence passes; returns the person's active licence of that tier, if any. */
  private async checkAvailable(
    manager: EntityManager,
    offer: OfferEntity,
    version: VersionFacts,
    licenseeId: string,
    source: GrantSource,
  ): Promise<GrantEntity | null> {
    const grants = manager.getRepository(GrantEntity);
    if (version.ownerId === licenseeId) throw LicensingErrors.ownWork();
    if (await grants.existsBy({ versionId: version.versionId, tier: 'EXCLUSIVE', status: 'ACTIVE' })) {
      throw LicensingErrors.exclusivelyLicensed();
    }
    const onSale = version.versionStatus === 'PUBLISHED' && version.modelStatus === 'PUBLISHED';
    if (offer.retiredAt || !onSale || !version.fileSha256s.length) throw LicensingErrors.offerNotAvailable();
    if ((source === 'FREE_CLAIM') !== (offer.tier === 'FREE')) {
      throw LicensingErrors.wrongSource('Free offers are claimed; every other tier is bought or gifted');
    }
    return grants.findOneBy({ licenseeId, versionId: version.versionId, tier: offer.tier, status: 'ACTIVE' });
  }

  /** Ends a licence. Idempotent for callers like refunds: `changed` says whether this call revoked it. */
  async revoke(
    manager: EntityManager,
    grantId: string,
    reason: RevocationReason,
    note: string | null = null,
  ): Promise<{ grant: GrantEntity; changed: boolean }> {
    const cleanNote = note === null ? null : manyLines(note, 'note') || null;
    if (cleanNote !== null && codePoints(cleanNote) > 500) throw LicensingErrors.invalidNote();
    const grant = await manager
      .getRepository(GrantEntity)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :grantId', { grantId })
      .getOne();
    if (!grant) throw LicensingErrors.licenseNotFound();
    if (grant.status === 'REVOKED') return { grant, changed: false };
    const changes = {
      status: 'REVOKED' as const,
      revokedAt: this.clock.now(),
      revocationReason: reason,
      revocationNote: cleanNote,
    };
    await manager.getRepository(GrantEntity).update({ id: grant.id }, changes);
    return { grant: { ...grant, ...changes }, changed: true };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  byId(id: string): Promise<GrantEntity | null> {
    return this.dataSource.getRepository(GrantEntity).findOneBy({ id });
  }

  pageForLicensee<T>(licenseeId: string, args: ConnectionArgs, map: (g: GrantEntity) => T): Promise<Page<T>> {
    const qb = this.dataSource
      .getRepository(GrantEntity)
      .createQueryBuilder('g')
      .where('g.licenseeId = :licenseeId', { licenseeId });
    return paginateNewestFirst(qb, args, 'issuedAt', map);
  }

  pageForVersion<T>(versionId: string, args: ConnectionArgs, map: (g: GrantEntity) => T): Promise<Page<T>> {
    const qb = this.dataSource
      .getRepository(GrantEntity)
      .createQueryBuilder('g')
      .where('g.versionId = :versionId', { versionId });
    return paginateNewestFirst(qb, args, 'issuedAt', map);
  }

  /** One person's grants (any status) for several versions — batched for DataLoaders. */
  heldBy(licenseeId: string, versionIds: readonly string[]): Promise<GrantEntity[]> {
    return this.dataSource.getRepository(GrantEntity).find({
      where: { licenseeId, versionId: In([...versionIds]) },
      order: { issuedAt: 'DESC', id: 'DESC' },
    });
  }

  /** Does this person hold an active licence to the version that covers these exact bytes? */
  async covers(licenseeId: string, versionId: string, fileSha256: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM licensing.grant
        WHERE licensee_id = $1 AND version_id = $2 AND status = 'ACTIVE' AND $3 = ANY (file_sha256s) LIMIT 1`,
      [licenseeId, versionId, fileSha256],
    );
    return rows.length > 0;
  }
}
