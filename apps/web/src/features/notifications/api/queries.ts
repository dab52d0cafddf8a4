import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { notificationKeys } from './keys';

const Notifications = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      nodes {
        id
        kind
        text
        url
        count
        read
        createdAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const UnreadCount = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const Preferences = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      inApp
      email
    }
  }
`);

export const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [UUID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

export const MarkAllRead = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const UpdatePreferences = graphql(`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(preferences: $preferences) {
      kind
      inApp
      email
    }
  }
`);

export const NOTIFICATIONS_PAGE = 20;
/** When the live stream is down, the bell asks this often. */
export const POLL_MS = 30_000;

export const notificationsQuery = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam }) => execute(Notifications, { first: NOTIFICATIONS_PAGE, after: pageParam, unreadOnly }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.notifications.pageInfo.hasNextPage ? last.notifications.pageInfo.endCursor : undefined,
  });

export const latestNotificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: () => execute(Notifications, { first: 5, after: null, unreadOnly: false }),
  });

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.count(),
    queryFn: async () => (await execute(UnreadCount)).unreadNotificationCount,
  });

export const preferencesQuery = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: async () => (await execute(Preferences)).notificationPreferences,
  });
