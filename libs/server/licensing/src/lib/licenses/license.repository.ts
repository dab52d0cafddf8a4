import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { paginateNewestFirst, violatedConstraint } from '@lookbook/core';
import { LicensingErrors } from '../licensing.errors';
import type { Tier } from '../offers/permissions';
import type { SubjectKind } from '../subjects/subject';
import type { LicenseEntity } from './license.entity';
import { LicenseEntity as License } from './license.entity';

/**
 * Licences (table `licensing.grant`). The database keeps them immutable (only ACTIVE → REVOKED), one active licence per
 * person, version and tier, and at most one active EXCLUSIVE per version: those constraints become typed errors here.
 */
@Injectable()
export class LicenseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(License);
  }

  byId(id: string): Promise<LicenseEntity | null> {
    return this.repo().findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<LicenseEntity | null> {
    return this.repo(manager).createQueryBuilder('g').setLock('pessimistic_write').where('g.id = :id', { id }).getOne();
  }

  byOrderRef(manager: EntityManager, orderRef: string): Promise<LicenseEntity | null> {
    return this.repo(manager).findOneBy({ orderRef });
  }

  async insert(manager: EntityManager, license: LicenseEntity): Promise<void> {
    try {
      await this.repo(manager).insert(license);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'grant_active_exclusive_key') throw LicensingErrors.exclusivelyLicensed();
      if (constraint === 'grant_active_tier_key') throw LicensingErrors.alreadyLicensed();
      throw error;
    }
  }

  async update(manager: EntityManager, id: string, changes: Partial<LicenseEntity>): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  hasActiveExclusive(manager: EntityManager, versionId: string): Promise<boolean> {
    return this.repo(manager).existsBy({ versionId, tier: 'EXCLUSIVE', status: 'ACTIVE' });
  }

  activeOfTier(
    manager: EntityManager,
    licenseeId: string,
    versionId: string,
    tier: Tier,
  ): Promise<LicenseEntity | null> {
    return this.repo(manager).findOneBy({ licenseeId, versionId, tier, status: 'ACTIVE' });
  }

  /** In the caller's transaction: one person's active licences to these versions (the parent-licence rule). */
  activeHeldIn(manager: EntityManager, licenseeId: string, versionIds: readonly string[]): Promise<LicenseEntity[]> {
    return this.repo(manager).findBy({ licenseeId, versionId: In([...versionIds]), status: 'ACTIVE' });
  }

  /**
   * In the caller's transaction: one person's active licences on a subject (any of its versions), share-locked so a
   * concurrent revocation waits for the caller to commit (a review resting on one sees it revoked afterwards).
   */
  activeOnSubject(
    manager: EntityManager,
    licenseeId: string,
    subjectKind: SubjectKind,
    subjectId: string,
  ): Promise<LicenseEntity[]> {
    return this.repo(manager).find({
      where: { licenseeId, subjectKind, subjectId, status: 'ACTIVE' },
      order: { issuedAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_read' },
    });
  }

  /** One person's licences (any status) for several versions — batched for DataLoaders. */
  heldBy(licenseeId: string, versionIds: readonly string[]): Promise<LicenseEntity[]> {
    return this.repo().find({
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

  pageForLicensee<T>(licenseeId: string, args: ConnectionArgs, map: (l: LicenseEntity) => T): Promise<Page<T>> {
    const qb = this.repo().createQueryBuilder('g').where('g.licenseeId = :licenseeId', { licenseeId });
    return paginateNewestFirst(qb, args, 'issuedAt', map);
  }

  pageForVersion<T>(versionId: string, args: ConnectionArgs, map: (l: LicenseEntity) => T): Promise<Page<T>> {
    const qb = this.repo().createQueryBuilder('g').where('g.versionId = :versionId', { versionId });
    return paginateNewestFirst(qb, args, 'issuedAt', map);
  }
}
