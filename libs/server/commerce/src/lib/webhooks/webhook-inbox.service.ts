import { Injectable } from '@nestjs/common';
import { Clock, JobQueue, Transactions } from '@lookbook/core';
import { sanitizeJson } from '@lookbook/kernel';
import { CommerceTasks } from '../commerce.tasks';
import type { ProviderEvent } from '../provider/payment-provider';
import type { WebhookEventEntity } from './webhook-event.entity';
import { WebhookEventRepository } from './webhook-event.repository';

/** Every verified event, once per id. Storing and queueing its processing are one transaction. */
@Injectable()
export class WebhookInbox {
  constructor(
    private readonly events: WebhookEventRepository,
    private readonly queue: JobQueue,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** True when the event is new; a duplicate delivery (even five at once) stores and queues nothing. */
  async accept(event: ProviderEvent): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const fresh = await this.events.insertIfNew(manager, {
        id: event.id,
        type: event.type,
        account: event.account ?? null,
        // jsonb cannot hold NUL or lone surrogates; an event carrying them (in a customer's name, say) must still land.
        payload: sanitizeJson(event),
        receivedAt: this.clock.now(),
      });
      if (fresh) await this.queue.enqueue(manager, CommerceTasks.processEvent, { eventId: event.id });
      return fresh;
    });
  }

  get(id: string): Promise<WebhookEventEntity | null> {
    return this.events.byId(id);
  }

  markProcessed(id: string, outcome: string): Promise<void> {
    return this.events.markProcessed(id, outcome, this.clock.now());
  }
}
