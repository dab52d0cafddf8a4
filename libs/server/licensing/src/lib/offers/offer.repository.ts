import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Tier } from './permissions';
import { OfferEntity } from './offer.entity';

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
  liveOfVersions(versionIds: readonly string[]): Promise<OfferEntity[]> {
    return this.repo().find({ where: { versionId: In([...versionIds]), retiredAt: IsNull() } });
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
