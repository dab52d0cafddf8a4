import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import type { WebhookEventEntity } from './webhook-event.entity';
import { WebhookEventEntity as WebhookEvent } from './webhook-event.entity';

/** The webhook inbox: every verified provider event, once per id. */
@Injectable()
export class WebhookEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the event unless an event with its id is there already (a duplicate delivery); says whether it was new. */
  async insertIfNew(
    manager: EntityManager,
    event: Pick<WebhookEventEntity, 'id' | 'type' | 'account' | 'payload' | 'receivedAt'>,
  ): Promise<boolean> {
    // Plain SQL: the payload is the provider's own JSON, which TypeORM's deep-partial insert types cannot describe.
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO commerce.webhook_event (id, type, account, payload, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, event.type, event.account, event.payload, event.receivedAt],
    );
    return inserted.length > 0;
  }

  byId(id: string): Promise<WebhookEventEntity | null> {
    return this.dataSource.getRepository(WebhookEvent).findOneBy({ id });
  }

  async markProcessed(id: string, outcome: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(WebhookEvent)
      .update({ id, processedAt: IsNull() }, { processedAt: at, outcome: outcome.slice(0, 300) });
  }

  /** Events received before `before` and still unprocessed (their job was lost or exhausted its attempts). */
  async stalledIds(before: Date): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(WebhookEvent)
      .find({ where: { processedAt: IsNull(), receivedAt: LessThan(before) }, select: { id: true } });
    return rows.map((r) => r.id);
  }
}
