import { queryOptions } from '@tanstack/react-query';
import { restRequest } from '../../../lib/graphql-client';
import { devInboxKeys } from './keys';

export interface InboxMailSummary {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  kind: string | null;
}

export interface InboxMail extends InboxMailSummary {
  messageId: string;
  text: string;
  links: string[];
}

/**
 * What the development SMTP sink received (REST: `/api/dev/mail`, never mounted in production — there the route does
 * not exist and the page says so). Refetched every few seconds: mail arrives from the worker, not from this page.
 */
export const inboxQuery = (to?: string) =>
  queryOptions({
    queryKey: devInboxKeys.list(to),
    queryFn: () =>
      restRequest<{ mails: InboxMailSummary[] }>(`/api/dev/mail${to ? `?to=${encodeURIComponent(to)}` : ''}`, {
        method: 'GET',
      }),
    refetchInterval: 3000,
  });

export const inboxMailQuery = (id: string) =>
  queryOptions({
    queryKey: devInboxKeys.mail(id),
    queryFn: () => restRequest<InboxMail>(`/api/dev/mail/${encodeURIComponent(id)}`, { method: 'GET' }),
    staleTime: Infinity, // a received mail never changes
  });
