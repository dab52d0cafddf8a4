import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import { BlockedHashEntity } from './blocked-hash.entity';
import { ModelFileEntity } from './model-file.entity';

/** Model files (and the hashes moderators have blocked from ever being uploaded again). */
@Injectable()
export class ModelFileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(ModelFileEntity);
  }

  byId(id: string): Promise<ModelFileEntity | null> {
    return this.repo().findOneBy({ id });
  }

  ofVersion(versionId: string, manager?: EntityManager): Promise<ModelFileEntity[]> {
    return this.repo(manager).findBy({ versionId });
  }

  ofVersions(versionIds: readonly string[]): Promise<ModelFileEntity[]> {
    return this.repo().find({ where: { versionId: In([...versionIds]) }, order: { createdAt: 'ASC' } });
  }

  countOfVersion(versionId: string, manager: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ versionId });
  }

  async update(id: string, changes: Partial<ModelFileEntity>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  /** READY files by SHA-256 or AutoV2. */
  readyByHash(column: 'sha256' | 'autov2', hash: string): Promise<ModelFileEntity[]> {
    return this.repo().find({ where: { [column]: hash, scanStatus: 'READY' }, order: { createdAt: 'ASC' } });
  }

  /** READY files with any of these SHA-256s, or named any of these names (lower-case base names). Bounded by the caller. */
  async readyMatching(sha256s: readonly string[], names: readonly string[]): Promise<ModelFileEntity[]> {
    if (!sha256s.length && !names.length) return [];
    return this.repo()
      .createQueryBuilder('f')
      .where(`f.scan_status = 'READY'`)
      .andWhere(`(f.sha256 = ANY (:sha256s) OR lower(f.file_name) = ANY (:names))`, { sha256s, names })
      .orderBy('f.created_at', 'ASC')
      .limit(500)
      .getMany();
  }

  async isBlocked(sha256: string): Promise<boolean> {
    return (await this.dataSource.getRepository(BlockedHashEntity).countBy({ sha256 })) > 0;
  }

  async block(sha256: string, reason: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(BlockedHashEntity).upsert({ sha256, reason, createdAt: at }, ['sha256']);
  }
}
