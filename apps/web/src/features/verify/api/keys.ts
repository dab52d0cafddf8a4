import { scopes } from '../../../api/keys';

export const verifyKeys = {
  all: scopes.verify,
  jwks: () => [...scopes.verify, 'jwks'] as const,
  /** A signature check, redone when the keys were read again. */
  signature: (certificate: string, keysUpdatedAt: number) =>
    [...scopes.verify, 'signature', certificate, keysUpdatedAt] as const,
  online: (certificate: string) => [...scopes.verify, 'online', certificate] as const,
};
