export * from './lib/commerce.module';
export * from './lib/commerce.tasks';
export * from './lib/provider/payment-provider';
export * from './lib/provider/stripe/stripe-provider';
export { LocalGateway } from './lib/provider/local/local-gateway';
export { LocalGatewaySimulator } from './lib/provider/local/local-gateway.simulator';
export { signWebhook, verifyWebhook, webhookSecrets } from './lib/webhooks/webhook-secrets';
