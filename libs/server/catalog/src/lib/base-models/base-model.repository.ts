import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseModelEntity } from './base-model.entity';

/** The base models style models target (seeded; admins edit them). */
@Injectable()
export class BaseModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<BaseModelEntity[]> {
    return this.dataSource.getRepository(BaseModelEntity).find({ order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  byId(id: string): Promise<BaseModelEntity | null> {
    return this.dataSource.getRepository(BaseModelEntity).findOneBy({ id });
  }

  async save(model: BaseModelEntity): Promise<void> {
    await this.dataSource.getRepository(BaseModelEntity).save(model);
  }
}
