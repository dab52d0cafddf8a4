import { scopes } from '../../../api/keys';

export const accountKeys = {
  all: scopes.account,
  /** Your sessions and API keys. */
  security: () => [...scopes.account, 'security'] as const,
  /** The members you blocked (account settings). */
  blocked: () => [...scopes.account, 'blocked'] as const,
  /** A creator's public page (handles are case-insensitive). */
  profile: (handle: string) => [...scopes.account, 'profile', handle.toLowerCase()] as const,
};
