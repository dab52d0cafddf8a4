export * from './lib/commerce.module';
export * from './lib/split-plan';
export * from './lib/provider/payment-provider';
export * from './lib/provider/stripe-provider';
export { LocalGateway } from './lib/local-gateway/local-gateway';
export { LocalGatewaySimulator } from './lib/local-gateway/local-gateway.simulator';
export { signWebhook, verifyWebhook, webhookSecrets } from './lib/webhooks/webhook-secrets';
// Job handlers and services the end-to-end and property tests drive step by step (instead of a worker's timing).
export { ProcessEventJob } from './lib/webhooks/event-processor';
export { TransferService } from './lib/payouts/transfer.service';
export { RefundJob, ReverseTransferJob } from './lib/refunds/money-back.jobs';
export { MoneySweepJob } from './lib/money-sweep.job';
