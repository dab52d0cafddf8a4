import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { insertIfAbsent } from '@lookbook/core';
import { NotificationEntity } from './notification.entity';

@Injectable()
export class NotificationRepository {
  constructor(@InjectRepository(NotificationEntity) private readonly rows: Repository<NotificationEntity>) {}

  /** Writes the notification in the caller's transaction unless one with its dedupe key exists; returns whether it did. */
  insertIfAbsent(manager: EntityManager, notification: NotificationEntity): Promise<boolean> {
    return insertIfAbsent(manager.getRepository(NotificationEntity), notification);
  }

  findByDedupeKey(dedupeKey: string): Promise<NotificationEntity | null> {
    return this.rows.findOneBy({ dedupeKey });
  }
}
