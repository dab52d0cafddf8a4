import { scopes } from '../../../api/keys';

export const devInboxKeys = {
  all: scopes.devInbox,
  /** The received mails, newest first (all, or those to one address). */
  list: (to: string | undefined) => [...scopes.devInbox, 'list', to?.toLowerCase() ?? null] as const,
  mail: (id: string) => [...scopes.devInbox, 'mail', id] as const,
};
