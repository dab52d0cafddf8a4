import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import { entityFromRow, violatedConstraint } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { ModelFileEntity } from '../files/model-file.entity';
import { SampleImageEntity } from '../samples/sample-image.entity';
import { StyleModelEntity } from '../models/style-model.entity';
import type { VersionFacts } from '../policies/version-facts';
import { ModelVersionEntity, VersionParentEntity } from './model-version.entity';

/** Which children of each version a read needs (what the GraphQL selection asks for). */
export interface VersionParts {
  files: boolean;
  samples: boolean;
  parents: boolean;
}

/** A version with the children a page shows, read in the same statement. */
export interface VersionBundle {
  version: ModelVersionEntity;
  files?: ModelFileEntity[];
  samples?: { image: SampleImageEntity; linkedVersionIds: string[] }[];
  parents?: VersionParentEntity[];
}

const EMPTY = `'[]'::json`;

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

  /**
   * Every version of these models, newest first, with the children asked for — files, sample images (each with the
   * versions credited from its hashes) and parents — aggregated per version, so a page of models with everything on
   * its cards is one statement however long the lists are. Each subquery runs on its `(version_id, …)` index.
   */
  async bundlesOfModels(modelIds: readonly string[], parts: VersionParts): Promise<VersionBundle[]> {
    if (!modelIds.length) return [];
    // json, not jsonb: nothing here is queried, only shipped, and json_agg/row_to_json skip jsonb's conversion
    // (half the statement's time on a page of cards).
    const rows = await this.dataSource.query<
      { version: Json; files: Json[]; samples: (Json & { linked: string[] })[]; parents: Json[] }[]
    >(
      `SELECT row_to_json(v) AS version,
         ${parts.files ? `(SELECT coalesce(json_agg(f ORDER BY f.created_at, f.id), ${EMPTY}) FROM catalog.model_file f WHERE f.version_id = v.id)` : EMPTY} AS files,
         ${parts.samples ? `(SELECT coalesce(json_agg(s ORDER BY s.created_at, s.id), ${EMPTY}) FROM (SELECT s.*, (SELECT coalesce(array_agg(r.version_id), '{}') FROM catalog.sample_image_resource r WHERE r.image_id = s.id) AS linked FROM catalog.sample_image s WHERE s.version_id = v.id) s)` : EMPTY} AS samples,
         ${parts.parents ? `(SELECT coalesce(json_agg(p), ${EMPTY}) FROM catalog.version_parent p WHERE p.version_id = v.id)` : EMPTY} AS parents
       FROM catalog.model_version v WHERE v.model_id = ANY($1::uuid[])
       ORDER BY v.created_at DESC, v.id DESC`,
      [modelIds],
    );
    const meta = {
      version: this.dataSource.getMetadata(ModelVersionEntity),
      file: this.dataSource.getMetadata(ModelFileEntity),
      sample: this.dataSource.getMetadata(SampleImageEntity),
      parent: this.dataSource.getMetadata(VersionParentEntity),
    };
    return rows.map((row) => ({
      version: entityFromRow<ModelVersionEntity>(meta.version, row.version),
      ...(parts.files && { files: row.files.map((f) => entityFromRow<ModelFileEntity>(meta.file, f)) }),
      ...(parts.samples && {
        samples: row.samples.map((s) => ({
          image: entityFromRow<SampleImageEntity>(meta.sample, s),
          linkedVersionIds: s.linked,
        })),
      }),
      ...(parts.parents && { parents: row.parents.map((p) => entityFromRow<VersionParentEntity>(meta.parent, p)) }),
    }));
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
  parentFacts(manager: EntityManager, versionId: string): Promise<VersionFacts['declaredParents']> {
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

type Json = Record<string, unknown>;

const mapped = (error: unknown) =>
  violatedConstraint(error) === 'model_version_name_key' ? CatalogErrors.versionNameTaken() : error;
