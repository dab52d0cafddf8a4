export * from './lib/certificates/certificate';
export * from './lib/certificates/key-ring';
export * from './lib/licensing.module';
export * from './lib/offers/permissions';
export * from './lib/licensing.facade';
export type { RevocationReason } from './lib/licenses/license.entity';
export type { PurchaseQuote } from './lib/licenses/license-issuer.service';
export { TierEnum } from './lib/graphql/licensing.objects';
