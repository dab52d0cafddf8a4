import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, JobHandler, PayloadOf } from '@lookbook/core';
import { APP_CONFIG, JobTask } from '@lookbook/core';
import { signWebhook, webhookSecrets } from '../../webhooks/webhook-secrets';
import { LocalGatewayTasks } from '../../commerce.tasks';
import { LocalGatewayRepository } from './local-gateway.repository';

/**
 * Delivers one local-gateway event to the webhook route the way Stripe does: a POST of the event JSON with a
 * `Stripe-Signature` header computed at delivery time. A non-2xx answer is retried with backoff.
 */
@Injectable()
@JobTask(LocalGatewayTasks.deliverEvent)
export class DeliverLocalEventJob implements JobHandler<PayloadOf<typeof LocalGatewayTasks.deliverEvent>> {
  constructor(
    private readonly books: LocalGatewayRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ eventId }: PayloadOf<typeof LocalGatewayTasks.deliverEvent>): Promise<void> {
    const event = await this.books.get(undefined, eventId);
    if (!event) return;
    const payload = JSON.stringify(event);
    const response = await fetch(this.config.payments.localGatewayWebhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signWebhook(payload, webhookSecrets(this.config)[0]!),
      },
      body: payload,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status} for ${event['type'] as string}`);
  }
}
