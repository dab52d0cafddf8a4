import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import { SampleImageEntity } from './sample-image.entity';

@Injectable()
export class SampleImageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countForVersion(versionId: string, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource).getRepository(SampleImageEntity).countBy({ versionId });
  }

  forVersions(versionIds: readonly string[]): Promise<SampleImageEntity[]> {
    return this.dataSource
      .getRepository(SampleImageEntity)
      .find({ where: { versionId: In([...versionIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts the image and its auto-credited resources together. */
  async insert(
    image: SampleImageEntity,
    linkedVersionIds: string[],
    precondition: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await precondition(manager);
      await manager.insert(SampleImageEntity, image);
      for (const versionId of linkedVersionIds) {
        await manager.query(
          `INSERT INTO catalog.sample_image_resource (image_id, version_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [image.id, versionId],
        );
      }
    });
  }

  async linkedVersions(imageIds: readonly string[]): Promise<{ imageId: string; versionId: string }[]> {
    if (!imageIds.length) return [];
    return this.dataSource.query(
      `SELECT image_id AS "imageId", version_id AS "versionId" FROM catalog.sample_image_resource WHERE image_id = ANY($1::uuid[])`,
      [imageIds],
    );
  }

  /** Published versions with a READY file whose AutoV2 or SHA-256 is one of these hashes. */
  async versionsByFileHashes(hashes: readonly string[]): Promise<string[]> {
    if (!hashes.length) return [];
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT v.id FROM catalog.model_file f
         JOIN catalog.model_version v ON v.id = f.version_id
         JOIN catalog.style_model m ON m.id = v.model_id
        WHERE f.scan_status = 'READY' AND (f.autov2 = ANY($1) OR f.sha256 = ANY($1))
          AND v.status = 'PUBLISHED' AND m.status = 'PUBLISHED'`,
      [hashes],
    );
    return rows.map((r) => r.id);
  }

  /** Of these media keys, those no sample image names (as its image or a thumbnail): safe to delete. */
  async unreferencedMediaKeys(keys: readonly string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await this.dataSource.query<{ key: string }[]>(
      `SELECT k.key FROM unnest($1::text[]) AS k(key)
        WHERE NOT EXISTS (SELECT 1 FROM catalog.sample_image s
                           WHERE s.storage_key = k.key OR s.thumbnails @> jsonb_build_array(jsonb_build_object('key', k.key)))`,
      [[...new Set(keys)]],
    );
    return rows.map((r) => r.key);
  }

  /**
   * The media keys of a model's sample images, each with whether an image of a model that is not taken down also
   * names it (content addresses are shared by identical bytes): those must stay public when this model is withheld.
   */
  async mediaKeysOfModel(modelId: string): Promise<{ key: string; sharedWithVisible: boolean }[]> {
    return this.dataSource.query(
      `WITH mine AS (
         SELECT DISTINCT k.key FROM catalog.sample_image s
           JOIN catalog.model_version v ON v.id = s.version_id
           CROSS JOIN LATERAL (SELECT s.storage_key UNION ALL SELECT t ->> 'key' FROM jsonb_array_elements(s.thumbnails) t) AS k(key)
          WHERE v.model_id = $1)
       SELECT mine.key, EXISTS (
           SELECT 1 FROM catalog.sample_image o
             JOIN catalog.model_version ov ON ov.id = o.version_id
             JOIN catalog.style_model om ON om.id = ov.model_id
            WHERE om.id <> $1 AND om.status <> 'TAKEN_DOWN'
              AND (o.storage_key = mine.key OR o.thumbnails @> jsonb_build_array(jsonb_build_object('key', mine.key)))
         ) AS "sharedWithVisible"
         FROM mine`,
      [modelId],
    );
  }
}
