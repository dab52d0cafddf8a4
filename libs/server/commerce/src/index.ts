export * from './lib/commerce.module';
export * from './lib/split-plan';
export * from './lib/provider/payment-provider';
export * from './lib/provider/stripe-provider';
export { LocalGateway, localProcessorFee } from './lib/local-gateway/local-gateway';
export { signWebhook, verifyWebhook, webhookSecrets, WEBHOOK_TOLERANCE_SECONDS } from './lib/webhooks/webhook-secrets';
