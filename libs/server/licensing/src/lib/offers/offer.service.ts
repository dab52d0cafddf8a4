import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { CatalogFacade } from '@lookbook/catalog';
import { money, MoneyError, newId, ValidationError } from '@lookbook/kernel';
import { OfferEntity } from './offer.entity';
import type { Permissions, Tier } from './permissions';
import { licenseText, termsHash, validatePermissions } from './permissions';

export interface OfferInput {
  tier: Tier;
  priceAmount: number;
  priceCurrency: string;
  permissions: Permissions;
}

const OfferErrors = {
  duplicateTier: () => new ValidationError('DUPLICATE_TIER', 'Each tier can be offered once per version'),
  badPrice: (message: string) => new ValidationError('INVALID_PRICE', message),
  nonCommercialBase: (base: string) =>
    new ValidationError(
      'NON_COMMERCIAL_BASE_MODEL',
      `The base model (${base}) does not allow commercial use, so no commercial tier can be offered`,
    ),
};

const same = (a: OfferEntity, b: Omit<OfferEntity, 'id' | 'revision' | 'createdAt' | 'retiredAt'>) =>
  a.priceAmount === b.priceAmount && a.priceCurrency === b.priceCurrency && a.termsSha256 === b.termsSha256;

/**
 * The offers of a version. Setting them is declarative (the list is the new truth) and never rewrites sold terms:
 * a changed offer is a new revision with its own licence text and hash, and the old row is retired, not edited.
 */
@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogFacade,
    private readonly clock: Clock,
  ) {}

  async setOffers(actor: Actor, versionId: string, inputs: OfferInput[]): Promise<OfferEntity[]> {
    const version = await this.catalog.ownedVersion(actor, versionId);
    if (new Set(inputs.map((o) => o.tier)).size !== inputs.length) throw OfferErrors.duplicateTier();
    const resource = `${version.modelName} — ${version.versionName}`;
    const wanted = inputs.map((input) => {
      const permissions = validatePermissions(input.tier, input.permissions);
      if (version.baseModelNonCommercial && permissions.commercialUse !== 'NONE')
        throw OfferErrors.nonCommercialBase(version.baseModelId);
      let price;
      try {
        price = money(input.priceAmount, input.priceCurrency);
      } catch (error) {
        throw OfferErrors.badPrice(error instanceof MoneyError ? error.message : 'Invalid price');
      }
      if (price.amount < 0) throw OfferErrors.badPrice('A price cannot be negative');
      if ((input.tier === 'FREE') !== (price.amount === 0))
        throw OfferErrors.badPrice('The FREE tier costs 0, every other tier costs more than 0');
      const text = licenseText(input.tier, permissions, resource);
      return {
        versionId,
        tier: input.tier,
        priceAmount: price.amount,
        priceCurrency: price.currency,
        permissions,
        termsText: text,
        termsSha256: termsHash(text),
      };
    });

    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(OfferEntity);
      // Serialise concurrent edits of one version's offers.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`offers:${versionId}`]);
      const live = await repo.findBy({ versionId, retiredAt: IsNull() });
      const result: OfferEntity[] = [];
      for (const offer of live) {
        const next = wanted.find((w) => w.tier === offer.tier);
        if (next && same(offer, next)) result.push(offer);
        else await repo.update({ id: offer.id }, { retiredAt: now });
      }
      for (const next of wanted) {
        if (result.some((r) => r.tier === next.tier)) continue;
        const previous = await repo.maximum('revision', { versionId, tier: next.tier });
        const offer: OfferEntity = {
          id: newId(),
          ...next,
          revision: (previous ?? 0) + 1,
          createdAt: now,
          retiredAt: null,
        };
        await repo.insert(offer);
        result.push(offer);
      }
      return byTier(result);
    });
  }

  /** Live offers of several versions (batched for DataLoaders). */
  async liveOffers(versionIds: readonly string[]): Promise<OfferEntity[]> {
    const rows = await this.dataSource
      .getRepository(OfferEntity)
      .find({ where: { versionId: In([...versionIds]), retiredAt: IsNull() } });
    return byTier(rows);
  }
}

const TIER_ORDER: Tier[] = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'];
const byTier = (offers: OfferEntity[]) =>
  offers.sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
