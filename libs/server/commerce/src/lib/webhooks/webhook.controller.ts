import type { RawBodyRequest } from '@nestjs/common';
import { Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Public } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import { WebhookInbox } from './webhook-inbox.service';
import { verifyWebhook, webhookSecrets } from './webhook-secrets';

/**
 * Stripe's (and the local gateway's) events. The signature is checked over the exact bytes received; a valid event is
 * stored in the inbox by id and acknowledged at once — processing happens in a job, so a slow or failing handler never
 * makes the provider resend, and a resent event is a no-op.
 */
@Controller('webhooks')
export class StripeWebhookController {
  private readonly secrets: string[];

  constructor(
    private readonly inbox: WebhookInbox,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secrets = webhookSecrets(config);
  }

  @Public()
  @Post('stripe')
  @HttpCode(200)
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<{ received: true; duplicate: boolean }> {
    if (!request.rawBody?.length) throw new ValidationError('WEBHOOK_BODY_REQUIRED', 'Send the event as JSON');
    let event;
    try {
      event = verifyWebhook(request.rawBody, signature, this.secrets);
    } catch {
      throw new ValidationError(
        'WEBHOOK_SIGNATURE_INVALID',
        'The Stripe-Signature header does not match this body, or it is older than the tolerance',
      );
    }
    const fresh = await this.inbox.accept(event);
    return { received: true, duplicate: !fresh };
  }
}
