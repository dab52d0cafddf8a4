import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import type { AppConfig } from '@lookbook/core';
import { resolveAuthSecret } from '@lookbook/core';
import type { ProviderEvent } from '../provider/payment-provider';

/** Stripe's default: a signature older than five minutes is a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The secrets webhook signatures may be made with (Stripe: the platform and Connect endpoints' secrets). */
export function webhookSecrets(config: AppConfig): string[] {
  if (config.payments.provider === 'stripe') {
    return [config.payments.webhookSecret, config.payments.connectWebhookSecret].filter((s): s is string => !!s);
  }
  // The local gateway signs with a secret derived from the auth secret, so the API and worker agree without setup.
  const derived = createHmac('sha256', resolveAuthSecret(config)).update('lookbook local gateway webhooks');
  return [`whsec_${derived.digest('base64url').replace(/[^\w]/g, '')}`];
}

export class WebhookSignatureError extends Error {}

/**
 * Checks a delivery exactly as Stripe documents: HMAC-SHA256 of `<timestamp>.<raw body>` with the endpoint secret,
 * timestamp within the tolerance. Uses the SDK's own implementation; any secret in the list may match.
 */
export function verifyWebhook(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  secrets: readonly string[],
): ProviderEvent {
  if (!signatureHeader) throw new WebhookSignatureError('Missing Stripe-Signature header');
  let last: unknown;
  for (const secret of secrets) {
    try {
      return Stripe.webhooks.constructEvent(rawBody, signatureHeader, secret, WEBHOOK_TOLERANCE_SECONDS);
    } catch (error) {
      last = error;
    }
  }
  throw new WebhookSignatureError(last instanceof Error ? last.message : 'Invalid signature');
}

/** Signs a payload the way Stripe does (used by the local gateway, and by tests to play Stripe). */
export function signWebhook(payload: string, secret: string, timestampSeconds?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: timestampSeconds });
}
