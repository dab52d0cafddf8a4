import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { insertIfAbsent } from '@lookbook/core';
import type { DisputeEntity } from './dispute.entity';
import { DisputeEntity as Dispute } from './dispute.entity';

@Injectable()
export class DisputeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a dispute once per provider id; false when it was already recorded. */
  async insertIfNew(manager: EntityManager, dispute: DisputeEntity): Promise<boolean> {
    return insertIfAbsent(manager.getRepository(Dispute), dispute);
  }

  lock(manager: EntityManager, id: string): Promise<DisputeEntity | null> {
    return manager
      .getRepository(Dispute)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  async close(manager: EntityManager, id: string, status: 'WON' | 'LOST', at: Date): Promise<void> {
    await manager.getRepository(Dispute).update({ id }, { status, closedAt: at });
  }

  byId(id: string): Promise<DisputeEntity | null> {
    return this.dataSource.getRepository(Dispute).findOneBy({ id });
  }
}
