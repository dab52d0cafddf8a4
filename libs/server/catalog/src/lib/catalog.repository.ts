import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page } from '@lookbook/core';
import { paginateNewestFirst, violatedConstraint } from '@lookbook/core';
import { CatalogErrors } from './catalog.errors';
import { BaseModelEntity } from './entities/base-model.entity';
import { BlockedHashEntity } from './entities/blocked-hash.entity';
import { ModelFileEntity } from './entities/model-file.entity';
import { ModelVersionEntity, VersionParentEntity } from './entities/model-version.entity';
import type { ModelType } from './entities/style-model.entity';
import { StyleModelEntity } from './entities/style-model.entity';
import { UploadEntity } from './entities/upload.entity';

export interface ModelListFilter {
  ownerId?: string;
  type?: ModelType;
  baseModelId?: string;
  /** Only PUBLISHED models unless listing one's own. */
  publishedOnly: boolean;
}

/** Every catalog query. Services hold the rules; this holds the SQL. */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // Base models
  baseModels(): Promise<BaseModelEntity[]> {
    return this.dataSource.getRepository(BaseModelEntity).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
  }
  baseModel(id: string): Promise<BaseModelEntity | null> {
    return this.dataSource.getRepository(BaseModelEntity).findOneBy({ id });
  }
  async saveBaseModel(model: BaseModelEntity): Promise<void> {
    await this.dataSource.getRepository(BaseModelEntity).save(model);
  }

  // Style models
  async insertModel(model: StyleModelEntity): Promise<void> {
    try {
      await this.dataSource.getRepository(StyleModelEntity).insert(model);
    } catch (error) {
      if (violatedConstraint(error) === 'style_model_owner_slug_key') throw CatalogErrors.slugTaken();
      throw error;
    }
  }
  async updateModel(id: string, changes: Partial<StyleModelEntity>, manager?: EntityManager): Promise<void> {
    try {
      await (manager ?? this.dataSource).getRepository(StyleModelEntity).update({ id }, changes);
    } catch (error) {
      if (violatedConstraint(error) === 'style_model_owner_slug_key') throw CatalogErrors.slugTaken();
      throw error;
    }
  }
  /** The owner's slugs equal to `base` or starting with `base-` (to derive a free one). */
  async slugsStartingWith(ownerId: string, base: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM catalog.style_model WHERE owner_id = $1 AND (slug = $2 OR starts_with(slug, $2 || '-'))`,
      [ownerId, base],
    );
    return rows.map((r) => r.slug);
  }
  model(id: string): Promise<StyleModelEntity | null> {
    return this.dataSource.getRepository(StyleModelEntity).findOneBy({ id });
  }
  modelForUpdate(manager: EntityManager, id: string): Promise<StyleModelEntity | null> {
    return manager
      .getRepository(StyleModelEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }
  listModels<T>(filter: ModelListFilter, args: ConnectionArgs, map: (m: StyleModelEntity) => T): Promise<Page<T>> {
    const qb = this.dataSource.getRepository(StyleModelEntity).createQueryBuilder('m').where('true');
    if (filter.publishedOnly) qb.andWhere(`m.status = 'PUBLISHED'`);
    if (filter.ownerId) qb.andWhere('m.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.type) qb.andWhere('m.type = :type', { type: filter.type });
    if (filter.baseModelId) qb.andWhere('m.base_model_id = :baseModelId', { baseModelId: filter.baseModelId });
    return paginateNewestFirst(qb, args, 'createdAt', map);
  }

  // Versions
  async insertVersion(version: ModelVersionEntity, parents: VersionParentEntity[]): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(ModelVersionEntity, version);
        if (parents.length) await manager.insert(VersionParentEntity, parents);
      });
    } catch (error) {
      if (violatedConstraint(error) === 'model_version_name_key') throw CatalogErrors.versionNameTaken();
      throw error;
    }
  }
  async updateVersion(id: string, changes: Partial<ModelVersionEntity>, manager?: EntityManager): Promise<void> {
    try {
      await (manager ?? this.dataSource).getRepository(ModelVersionEntity).update({ id }, changes);
    } catch (error) {
      if (violatedConstraint(error) === 'model_version_name_key') throw CatalogErrors.versionNameTaken();
      throw error;
    }
  }
  async modelOwners(modelIds: readonly string[]): Promise<{ id: string; ownerId: string }[]> {
    return this.dataSource.query(
      `SELECT id, owner_id AS "ownerId" FROM catalog.style_model WHERE id = ANY($1::uuid[])`,
      [modelIds],
    );
  }
  version(id: string): Promise<ModelVersionEntity | null> {
    return this.dataSource.getRepository(ModelVersionEntity).findOneBy({ id });
  }
  /** Locks a version row: publishing and adding files/images serialise on it, so nothing lands on a published version. */
  versionForUpdate(manager: EntityManager, id: string): Promise<ModelVersionEntity | null> {
    return manager
      .getRepository(ModelVersionEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }
  filesOfVersionIn(manager: EntityManager, versionId: string): Promise<ModelFileEntity[]> {
    return manager.getRepository(ModelFileEntity).findBy({ versionId });
  }
  versionsOfModels(modelIds: readonly string[], publishedOnly: boolean): Promise<ModelVersionEntity[]> {
    return this.dataSource.getRepository(ModelVersionEntity).find({
      where: { modelId: In([...modelIds]), ...(publishedOnly ? { status: 'PUBLISHED' as const } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }
  /** Versions with their models, one query for any number of ids (unknown ids are absent). */
  async versionsWithModels(
    versionIds: readonly string[],
  ): Promise<{ version: ModelVersionEntity; model: StyleModelEntity }[]> {
    if (!versionIds.length) return [];
    const versions = await this.dataSource.getRepository(ModelVersionEntity).findBy({ id: In([...versionIds]) });
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
  /** Parent versions with their model's owner and status, for the "published version of another model" rule. */
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
  async incrementDownloads(versionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE catalog.model_version SET download_count = download_count + 1 WHERE id = $1`, [
      versionId,
    ]);
  }

  // Files
  async insertFile(file: ModelFileEntity, upload: UploadEntity, manager: EntityManager): Promise<void> {
    await manager.insert(ModelFileEntity, file);
    await manager.insert(UploadEntity, upload);
  }
  file(id: string): Promise<ModelFileEntity | null> {
    return this.dataSource.getRepository(ModelFileEntity).findOneBy({ id });
  }
  fileForUpdate(manager: EntityManager, id: string): Promise<ModelFileEntity | null> {
    return manager
      .getRepository(ModelFileEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
  }
  filesOfVersions(versionIds: readonly string[]): Promise<ModelFileEntity[]> {
    return this.dataSource
      .getRepository(ModelFileEntity)
      .find({ where: { versionId: In([...versionIds]) }, order: { createdAt: 'ASC' } });
  }
  countFiles(versionId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(ModelFileEntity).countBy({ versionId });
  }
  async updateFile(id: string, changes: Partial<ModelFileEntity>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).getRepository(ModelFileEntity).update({ id }, changes);
  }
  /** READY files by SHA-256 or AutoV2, with the visibility facts the caller needs. */
  async readyFilesByHash(column: 'sha256' | 'autov2', hash: string): Promise<ModelFileEntity[]> {
    return this.dataSource
      .getRepository(ModelFileEntity)
      .find({ where: { [column]: hash, scanStatus: 'READY' }, order: { createdAt: 'ASC' } });
  }
  async isBlocked(sha256: string): Promise<boolean> {
    return (await this.dataSource.getRepository(BlockedHashEntity).countBy({ sha256 })) > 0;
  }
  async blockHash(sha256: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(BlockedHashEntity)
      .upsert({ sha256, reason, createdAt: new Date() }, ['sha256']);
  }

  // Uploads
  upload(id: string): Promise<UploadEntity | null> {
    return this.dataSource.getRepository(UploadEntity).findOneBy({ id });
  }
  uploadForUpdate(manager: EntityManager, id: string): Promise<UploadEntity | null> {
    return manager
      .getRepository(UploadEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id', { id })
      .getOne();
  }
  uploadOfFile(fileId: string): Promise<UploadEntity | null> {
    return this.dataSource.getRepository(UploadEntity).findOneBy({ fileId });
  }
  async updateUpload(id: string, changes: Partial<UploadEntity>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).getRepository(UploadEntity).update({ id }, changes);
  }
  expiredUploads(now: Date, limit: number): Promise<UploadEntity[]> {
    return this.dataSource
      .getRepository(UploadEntity)
      .createQueryBuilder('u')
      .where(`u.status = 'UPLOADING' AND u.expires_at < :now`, { now })
      .orderBy('u.expires_at')
      .take(limit)
      .getMany();
  }
}
