import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { violatedConstraint } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { BaseModelEntity } from './base-model.entity';
import { KnownModelFileEntity } from './known-model-file.entity';

/** Well-known model files (seeded; admins edit them), always read with their base model. */
@Injectable()
export class KnownModelFileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private withBaseModels() {
    return this.dataSource
      .getRepository(KnownModelFileEntity)
      .createQueryBuilder('k')
      .leftJoinAndMapOne('k.baseModel', BaseModelEntity, 'b', 'b.id = k.base_model_id');
  }

  /** Every known file, grouped by base model in its display order (files of no base model last), then by name. */
  all(): Promise<KnownModelFileEntity[]> {
    return this.withBaseModels()
      .orderBy('b.sort_order', 'ASC', 'NULLS LAST')
      .addOrderBy('lower(k.file_name)', 'ASC')
      .addOrderBy('k.sha256', 'ASC', 'NULLS LAST')
      .getMany();
  }

  byId(id: string): Promise<KnownModelFileEntity | null> {
    return this.withBaseModels().where('k.id = :id', { id }).getOne();
  }

  /** One statement: the files with any of these SHA-256s, and the files with any of these names (lower case). */
  matching(sha256s: readonly string[], lowerNames: readonly string[]): Promise<KnownModelFileEntity[]> {
    if (!sha256s.length && !lowerNames.length) return Promise.resolve([]);
    return this.withBaseModels()
      .where('k.sha256 = ANY (:sha256s::text[]) OR lower(k.file_name) = ANY (:names::text[])', {
        sha256s: [...sha256s],
        names: [...lowerNames],
      })
      .getMany();
  }

  /** Insert or replace by id; a SHA-256 listed twice, or a second name-only row for one name, is KNOWN_FILE_EXISTS. */
  async save(file: Omit<KnownModelFileEntity, 'baseModel'>): Promise<void> {
    try {
      await this.dataSource.getRepository(KnownModelFileEntity).save(file);
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === 'known_model_file_sha256_key' || constraint === 'known_model_file_name_only_idx')
        throw CatalogErrors.knownFileExists();
      if (constraint === 'known_model_file_base_model_id_fkey') throw CatalogErrors.baseModelNotFound();
      throw error;
    }
  }

  /** Whether a row was removed. */
  async remove(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(KnownModelFileEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
