import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createParser } from 'eventsource-parser';
import { useEffect, useState } from 'react';
import { sessionStore } from '../../../lib/session-store';
import { notificationKeys } from './keys';
import { POLL_MS, unreadCountQuery } from './queries';

const STREAM = '/api/v1/me/notifications/stream';
const RETRY_MS = 15_000;
/**
 * The first count comes from the query; the stream joins once the page has loaded, so a page never waits on it (and
 * "network idle" — what tools and tests wait for — is reached before the long-lived request opens).
 */
const START_MS = 3_000;

/**
 * The unread count, live: a Server-Sent Events stream (fetch with the session's bearer token, read with an
 * event-stream parser) pushes it on connect and on every change, and the list is refreshed with it. While the stream
 * is down the count is polled, and the stream is tried again a little later.
 */
export function useLiveUnreadCount(enabled: boolean): number | undefined {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const count = useQuery({ ...unreadCountQuery(), enabled, refetchInterval: enabled && !live ? POLL_MS : false });

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let controller: AbortController | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;

    const connect = async () => {
      const token = sessionStore.get()?.accessToken;
      if (!token || stopped) return;
      controller = new AbortController();
      try {
        const response = await fetch(STREAM, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        setLive(true);
        const parser = createParser({
          onEvent: (event) => {
            if (event.event !== 'unread') return;
            const next = (JSON.parse(event.data) as { count: number }).count;
            const before = client.getQueryData<number>(notificationKeys.count());
            client.setQueryData(notificationKeys.count(), next);
            if (before !== undefined && before !== next)
              void client.invalidateQueries({
                queryKey: notificationKeys.all,
                predicate: (q) => q.queryKey[1] !== 'count',
              });
          },
        });
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        // Down or refused (an expired token is refreshed by the next query): poll, try again later.
      }
      setLive(false);
      if (!stopped) retry = setTimeout(() => void connect(), RETRY_MS);
    };
    retry = setTimeout(() => void connect(), START_MS);
    const unsubscribe = sessionStore.subscribe(() => {
      controller?.abort();
    });
    return () => {
      stopped = true;
      unsubscribe();
      controller?.abort();
      if (retry) clearTimeout(retry);
    };
  }, [enabled, client]);

  return count.data;
}
