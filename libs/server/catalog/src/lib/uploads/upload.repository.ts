import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { ModelFileEntity } from '../files/model-file.entity';
import { UploadEntity } from './upload.entity';

/** Resumable uploads: each one names the file row it fills. */
@Injectable()
export class UploadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(UploadEntity);
  }

  /** The file row and its upload, in the caller's transaction: neither exists without the other. */
  async insertWithFile(file: ModelFileEntity, upload: UploadEntity, manager: EntityManager): Promise<void> {
    await manager.insert(ModelFileEntity, file);
    await manager.insert(UploadEntity, upload);
  }

  byId(id: string): Promise<UploadEntity | null> {
    return this.repo().findOneBy({ id });
  }

  /** Locks the upload row while storage completes it, so a double click waits instead of racing. */
  forUpdate(manager: EntityManager, id: string): Promise<UploadEntity | null> {
    return this.repo(manager).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  ofFile(fileId: string): Promise<UploadEntity | null> {
    return this.repo().findOneBy({ fileId });
  }

  async update(id: string, changes: Partial<UploadEntity>, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, changes);
  }

  expired(now: Date, limit: number): Promise<UploadEntity[]> {
    return this.repo()
      .createQueryBuilder('u')
      .where(`u.status = 'UPLOADING' AND u.expires_at < :now`, { now })
      .orderBy('u.expires_at')
      .take(limit)
      .getMany();
  }
}
