export * from './lib/certificates/certificate';
export * from './lib/certificates/key-ring';
export * from './lib/licensing.module';
export * from './lib/offers/permissions';
