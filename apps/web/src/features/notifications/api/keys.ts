import { scopes } from '../../../api/keys';

export const notificationKeys = {
  all: scopes.notifications,
  /** The unread count the bell shows (pushed live, polled when the stream is down). */
  count: () => [...scopes.notifications, 'count'] as const,
  /** Pages of the list: all, or unread only. */
  list: (unreadOnly: boolean) => [...scopes.notifications, 'list', unreadOnly ? 'unread' : 'all'] as const,
  /** The few newest, for the bell's popover. */
  latest: () => [...scopes.notifications, 'latest'] as const,
  preferences: () => [...scopes.notifications, 'preferences'] as const,
};
