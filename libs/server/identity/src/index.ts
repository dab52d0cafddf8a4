export * from './lib/identity.module';
export * from './lib/identity.facade';
export { IdentityErrors } from './lib/identity.errors';
export { PublicProfileView } from './lib/users/public-profile.view';
