import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';
import { insertIfAbsent } from '@lookbook/core';
import { OutboxMailEntity } from './outbox-mail.entity';

@Injectable()
export class OutboxMailRepository {
  constructor(@InjectRepository(OutboxMailEntity) private readonly mails: Repository<OutboxMailEntity>) {}

  /**
   * Writes the mail in the caller's transaction unless one with its idempotency key exists. Returns whether this call
   * wrote it (only then is a send job due).
   */
  async insertIfAbsent(manager: EntityManager, mail: OutboxMailEntity): Promise<boolean> {
    return insertIfAbsent(manager.getRepository(OutboxMailEntity), mail);
  }

  findById(id: string): Promise<OutboxMailEntity | null> {
    return this.mails.findOneBy({ id });
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<OutboxMailEntity | null> {
    return this.mails.findOneBy({ idempotencyKey });
  }

  /** Only a pending mail becomes sent (a replayed job changes nothing). */
  async markSent(id: string, at: Date): Promise<boolean> {
    const result = await this.mails.update({ id, status: 'PENDING' }, { status: 'SENT', sentAt: at, lastError: null });
    return (result.affected ?? 0) > 0;
  }

  /** Counts an attempt the relay refused or never answered; the job retries with backoff. */
  async recordFailure(id: string, error: string, at: Date): Promise<void> {
    await this.mails
      .createQueryBuilder()
      .update(OutboxMailEntity)
      .set({ attempts: () => 'attempts + 1', lastError: error.slice(0, 500), lastAttemptAt: at })
      .where('id = :id AND status = :pending', { id, pending: 'PENDING' })
      .execute();
  }
}
