import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, JobHandler } from '@lookbook/core';
import { APP_CONFIG, JobTask } from '@lookbook/core';
import { signWebhook, webhookSecrets } from '../webhooks/webhook-secrets';
import { LocalGatewaySimulator } from './local-gateway.simulator';
import { DELIVER_EVENT_TASK, LocalGatewayStore } from './local-gateway.store';

/**
 * Delivers one local-gateway event to the webhook route the way Stripe does: a POST of the event JSON with a
 * `Stripe-Signature` header computed at delivery time. A non-2xx answer is retried with backoff.
 */
@Injectable()
@JobTask({ task: DELIVER_EVENT_TASK })
export class DeliverLocalEventJob implements JobHandler<{ eventId: string }> {
  constructor(
    private readonly store: LocalGatewayStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ eventId }: { eventId: string }): Promise<void> {
    if (this.config.payments.provider !== 'local') return;
    const event = await this.store.get(undefined, eventId);
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

/** What Stripe does on its own clock: expire abandoned checkouts, pay connected balances out to banks. */
@Injectable()
@JobTask({ task: 'local-gateway.expire-sessions', schedule: '* * * * *' })
export class ExpireLocalSessionsJob implements JobHandler {
  constructor(
    private readonly gateway: LocalGatewaySimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<void> {
    if (this.config.payments.provider === 'local') await this.gateway.expireSessions();
  }
}

@Injectable()
@JobTask({ task: 'local-gateway.payouts', schedule: '0 * * * *' })
export class LocalPayoutsJob implements JobHandler {
  constructor(
    private readonly gateway: LocalGatewaySimulator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<void> {
    if (this.config.payments.provider === 'local') await this.gateway.payOutAll();
  }
}
