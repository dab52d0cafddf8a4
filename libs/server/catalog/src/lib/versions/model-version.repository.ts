import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import { violatedConstraint } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { StyleModelEntity } from '../models/style-model.entity';
import type { VersionFacts } from '../policies/version-facts';
import { ModelVersionEntity, VersionParentEntity } from './model-version.entity';

/** Model versions and their declared parents. A duplicate version name within a model is VERSION_NAME_TAKEN. */
@Injectable()
export class ModelVersionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(ModelVersionEntity);
  }

  async insert(version: ModelVersionEntity, parents: VersionParentEntity[]): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ModelVersionEntity, version);
        if (parents.length) await manager.insert(VersionParentEntity, parents);
      });
    } catch (error) {
      throw mapped(error);
    }
  }

  async update(id: string, changes: Partial<ModelVersionEntity>, manager?: EntityManager): Promise<void> {
    try {
      await this.repo(manager).update({ id }, changes);
    } catch (error) {
      throw mapped(error);
    }
  }

  byId(id: string): Promise<ModelVersionEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Locks a version row: publishing, adding files/images, offer changes and licence grants serialise on it. */
  forUpdate(manager: EntityManager, id: string): Promise<ModelVersionEntity | null> {
    return this.repo(manager).createQueryBuilder('v').setLock('pessimistic_write').where('v.id = :id', { id }).getOne();
  }

  ofModels(modelIds: readonly string[], publishedOnly: boolean): Promise<ModelVersionEntity[]> {
    return this.repo().find({
      where: { modelId: In([...modelIds]), ...(publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Versions with their models, one query each for any number of ids (unknown ids are absent). */
  async withModels(versionIds: readonly string[]): Promise<{ version: ModelVersionEntity; model: StyleModelEntity }[]> {
    if (!versionIds.length) return [];
    const versions = await this.repo().findBy({ id: In([...versionIds]) });
    const models = await this.dataSource
      .getRepository(StyleModelEntity)
      .findBy({ id: In([...new Set(versions.map((v) => v.modelId))]) });
    return versions.flatMap((version) => {
      const model = models.find((m) => m.id === version.modelId);
      return model ? [{ version, model }] : [];
    });
  }

  parentsOf(versionIds: readonly string[]): Promise<VersionParentEntity[]> {
    return this.dataSource.getRepository(VersionParentEntity).findBy({ versionId: In([...versionIds]) });
  }

  /** Parent versions with their model's status, for the "published version of another model" rule. */
  async parentCandidates(
    ids: readonly string[],
  ): Promise<{ id: string; modelId: string; status: string; modelStatus: string }[]> {
    if (!ids.length) return [];
    return this.dataSource.query(
      `SELECT v.id, v.model_id AS "modelId", v.status, m.status AS "modelStatus"
         FROM catalog.model_version v JOIN catalog.style_model m ON m.id = v.model_id WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** In the caller's transaction: a version's declared parents with the owner of each parent's model. */
  parentFacts(manager: EntityManager, versionId: string): Promise<VersionFacts['parents']> {
    return manager.query(
      `SELECT p.parent_version_id AS "versionId", p.relation, m.owner_id AS "ownerId"
         FROM catalog.version_parent p
         JOIN catalog.model_version v ON v.id = p.parent_version_id
         JOIN catalog.style_model m ON m.id = v.model_id
        WHERE p.version_id = $1 ORDER BY p.parent_version_id`,
      [versionId],
    );
  }

  async incrementDownloads(versionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE catalog.model_version SET download_count = download_count + 1 WHERE id = $1`, [
      versionId,
    ]);
  }
}

const mapped = (error: unknown) =>
  violatedConstraint(error) === 'model_version_name_key' ? CatalogErrors.versionNameTaken() : error;
