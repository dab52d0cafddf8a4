export * from './lib/identity.module';
export * from './lib/identity.facade';
export { IdentityErrors } from './lib/identity.errors';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './lib/password-hasher';
export { resolveAuthSecret } from './lib/token-signer';
