import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobQueue } from '@lookbook/core';
import type { ProviderEvent } from '../provider/payment-provider';

export const PROCESS_EVENT_TASK = 'commerce.process-event';

export interface InboxEvent {
  id: string;
  type: string;
  account: string | null;
  payload: ProviderEvent;
  processedAt: Date | null;
  outcome: string | null;
}

/** Every verified event, once per id. Storing and queueing its processing are one transaction. */
@Injectable()
export class WebhookInbox {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** True when the event is new; a duplicate delivery (even five at once) stores and queues nothing. */
  async accept(event: ProviderEvent): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO commerce.webhook_event (id, type, account, payload, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, event.account ?? null, event, this.clock.now()],
      );
      if (!inserted.length) return false;
      await this.queue.enqueue(manager, PROCESS_EVENT_TASK, { eventId: event.id }, { jobKey: `event:${event.id}` });
      return true;
    });
  }

  async get(id: string): Promise<InboxEvent | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        type: string;
        account: string | null;
        payload: ProviderEvent;
        processed_at: Date | null;
        outcome: string | null;
      }[]
    >(`SELECT id, type, account, payload, processed_at, outcome FROM commerce.webhook_event WHERE id = $1`, [id]);
    return row
      ? {
          id: row.id,
          type: row.type,
          account: row.account,
          payload: row.payload,
          processedAt: row.processed_at,
          outcome: row.outcome,
        }
      : null;
  }

  async markProcessed(id: string, outcome: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE commerce.webhook_event SET processed_at = $2, outcome = $3 WHERE id = $1 AND processed_at IS NULL`,
      [id, this.clock.now(), outcome.slice(0, 300)],
    );
  }
}
