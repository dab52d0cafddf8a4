import { useMutation, useQueryClient } from '@tanstack/react-query';
import { execute } from '../../../lib/graphql-client';
import { notificationKeys } from './keys';
import { MarkAllRead, MarkRead } from './queries';

/** Marks lines read (each id its whole group) and refreshes the bell and the lists. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => (await execute(MarkRead, { ids })).markNotificationsRead,
    onSuccess: (count) => {
      client.setQueryData(notificationKeys.count(), count);
      void client.invalidateQueries({ queryKey: notificationKeys.all, predicate: (q) => q.queryKey[1] !== 'count' });
    },
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await execute(MarkAllRead)).markAllNotificationsRead,
    onSuccess: (count) => {
      client.setQueryData(notificationKeys.count(), count);
      void client.invalidateQueries({ queryKey: notificationKeys.all, predicate: (q) => q.queryKey[1] !== 'count' });
    },
  });
}
