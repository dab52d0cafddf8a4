import type { NotificationKind, OutgoingMail } from '@lookbook/core';
import { groupSummary } from '../inbox/notification-rules';

/** How a kind is named in mail subjects and the settings page. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  FOLLOW: 'New followers',
  LIKE: 'Likes',
  REVIEW: 'Reviews of your work',
  REVIEW_REPLY: 'Replies to your reviews',
  COMMENT: 'Comments on your work',
  COMMENT_REPLY: 'Replies to your comments',
  MENTION: 'Mentions',
  SALE: 'Sales',
  REMIX_REQUEST: 'Remix requests',
  REMIX_DECISION: 'Remix decisions',
  LICENSE_REVOKED: 'Revoked licences',
  SAVED_SEARCH_MATCH: 'Saved-search matches',
  COLLECTION_INVITE: 'Collection invitations',
};

const footer = (settingsUrl: string, unsubscribeUrl: string, what: string) =>
  `\n\n--\nChange what Lookbook mails you: ${settingsUrl}\nStop ${what} by mail (one click, no sign-in): ${unsubscribeUrl}`;

/** One notification mailed at once, keyed by the notification (a replay mails once). */
export function immediateMail(input: {
  notificationId: string;
  kind: NotificationKind;
  to: string;
  text: string;
  link: string;
  settingsUrl: string;
  unsubscribeUrl: string;
  headers: Record<string, string>;
}): OutgoingMail {
  return {
    idempotencyKey: `notifications.immediate:${input.notificationId}`,
    kind: `notifications.${input.kind.toLowerCase()}`,
    to: input.to,
    subject: input.text.length > 120 ? `${input.text.slice(0, 117)}…` : input.text,
    text: `${input.text}\n\n${input.link}${footer(input.settingsUrl, input.unsubscribeUrl, `“${KIND_LABELS[input.kind].toLowerCase()}”`)}`,
    headers: input.headers,
  };
}

export interface DigestItem {
  kind: NotificationKind;
  text: string;
  url: string;
  groupKey: string;
  actorName: string | null;
}

/** One line of a digest: a group of the day's notifications as the bell reads it, newest text first. */
export interface DigestLine {
  kind: NotificationKind;
  summary: string;
  url: string;
}

/**
 * The day's digest lines: items of one group collapse into one line ("Ada and 39 others liked Neon Harbour"),
 * ordered by kind as in the settings, then by when the group began.
 */
export function digestLines(items: readonly DigestItem[], kindOrder: readonly NotificationKind[]): DigestLine[] {
  const groups = new Map<string, DigestItem[]>();
  for (const item of items) groups.set(item.groupKey, [...(groups.get(item.groupKey) ?? []), item]);
  return [...groups.values()]
    .map((members) => {
      const head = members.at(-1)!;
      return { kind: head.kind, summary: groupSummary(head.text, head.actorName, members.length), url: head.url };
    })
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
}

/** The daily digest mail of one member for one (UTC) day: one per member and day, whatever reruns. */
export function digestMail(input: {
  recipientId: string;
  day: string;
  to: string;
  lines: readonly DigestLine[];
  base: string;
  settingsUrl: string;
  unsubscribeUrl: string;
  headers: Record<string, string>;
}): OutgoingMail {
  const count = input.lines.length;
  const body = input.lines.map((line) => `• ${line.summary}\n  ${input.base}${line.url}`).join('\n');
  return {
    idempotencyKey: `notifications.digest:${input.recipientId}:${input.day}`,
    kind: 'notifications.digest',
    to: input.to,
    subject: `Your Lookbook day: ${count} ${count === 1 ? 'update' : 'updates'} (${input.day})`,
    text: `What happened on Lookbook on ${input.day}:\n\n${body}${footer(input.settingsUrl, input.unsubscribeUrl, 'the daily digest')}`,
    headers: input.headers,
  };
}
