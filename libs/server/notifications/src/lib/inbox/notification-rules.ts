import type { NotificationKind } from '@lookbook/core';
import { NOTIFICATION_KINDS } from '@lookbook/core';

/** How a member hears of one kind: shown in the bell or not, and mailed never, at once or in the daily digest. */
export const EMAIL_CHOICES = ['OFF', 'IMMEDIATE', 'DIGEST'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

export interface KindPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: EmailChoice;
}

/**
 * The defaults, used while a member has not chosen: what is about money, rights or a person speaking to you is mailed
 * at once; what comes in numbers (likes, follows, saved-search matches) waits for the digest.
 */
export const DEFAULT_EMAIL: Record<NotificationKind, EmailChoice> = {
  FOLLOW: 'DIGEST',
  LIKE: 'DIGEST',
  REVIEW: 'IMMEDIATE',
  REVIEW_REPLY: 'IMMEDIATE',
  COMMENT: 'DIGEST',
  COMMENT_REPLY: 'IMMEDIATE',
  MENTION: 'IMMEDIATE',
  SALE: 'IMMEDIATE',
  REMIX_REQUEST: 'IMMEDIATE',
  REMIX_DECISION: 'IMMEDIATE',
  LICENSE_REVOKED: 'IMMEDIATE',
  SAVED_SEARCH_MATCH: 'DIGEST',
  COLLECTION_INVITE: 'IMMEDIATE',
};

/** Every kind with the member's choice, or the default where they made none. */
export function effectivePreferences(chosen: readonly KindPreference[]): KindPreference[] {
  const byKind = new Map(chosen.map((p) => [p.kind, p]));
  return NOTIFICATION_KINDS.map((kind) => byKind.get(kind) ?? { kind, inApp: true, email: DEFAULT_EMAIL[kind] });
}

/**
 * Kinds that come in storms: notifications of one of these kinds about one subject on one (UTC) day share a group and
 * read as one line. Every other notification is its own group.
 */
export const GROUPED_KINDS: ReadonlySet<NotificationKind> = new Set([
  'LIKE',
  'FOLLOW',
  'COMMENT',
  'SAVED_SEARCH_MATCH',
]);

/** The group a new notification joins (written with it, so reads group without knowing the rule). */
export function groupKeyOf(
  n: { id: string; kind: NotificationKind; subjectKind: string | null; subjectId: string | null },
  at: Date,
): string {
  if (!GROUPED_KINDS.has(n.kind) || !n.subjectId) return n.id;
  return `${n.kind}:${n.subjectKind ?? '-'}:${n.subjectId}:${at.toISOString().slice(0, 10)}`;
}

/**
 * The line a group reads as: its newest notification's text, and when others share the group, "Ada and 39 others
 * liked Neon Harbour" (the newest actor's name is where the text starts) or else "… (and 39 more)".
 */
export function groupSummary(headText: string, headActorName: string | null, count: number): string {
  if (count <= 1) return headText;
  const others = count - 1;
  if (headActorName && headText.startsWith(`${headActorName} `)) {
    const rest = headText.slice(headActorName.length);
    return `${headActorName} and ${others} ${others === 1 ? 'other' : 'others'}${rest}`;
  }
  return `${headText} (and ${others} more)`;
}
