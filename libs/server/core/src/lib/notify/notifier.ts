import type { EntityManager } from 'typeorm';

/** Every kind of in-app notification; each has a preference (in-app, mail now, mail in the digest, off). */
export const NOTIFICATION_KINDS = [
  'FOLLOW',
  'LIKE',
  'REVIEW',
  'REVIEW_REPLY',
  'COMMENT',
  'COMMENT_REPLY',
  'MENTION',
  'SALE',
  'REMIX_REQUEST',
  'REMIX_DECISION',
  'LICENSE_REVOKED',
  'SAVED_SEARCH_MATCH',
  'COLLECTION_INVITE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Business between two members that a block does not end: a sale, a remix request and its decision, a revoked
 * licence. These are still written and shown between members apart by a block; every other kind is not.
 */
export const BLOCK_EXEMPT_KINDS: readonly NotificationKind[] = [
  'SALE',
  'REMIX_REQUEST',
  'REMIX_DECISION',
  'LICENSE_REVOKED',
];

/** A notification as the domain that causes it words it. */
export interface NotificationEvent {
  recipientId: string;
  kind: NotificationKind;
  /** Who did it (absent for system events such as a saved-search match). The recipient is never notified of their own act. */
  actorId?: string | null;
  /** What it is about, for grouping ("Ada and 41 others liked Neon Harbour") and for hiding taken-down items. */
  subjectKind?: string | null;
  subjectId?: string | null;
  /**
   * One short line of plain text (the client escapes it; no markup): a sentence, or a predicate starting in lower case
   * ("replied to your review") before which the actor's public name is put.
   */
  text: string;
  /** The in-app path the bell links to, e.g. `/models/<id>#review-<id>`. */
  url: string;
  /**
   * One notification per key: a retried request or a replayed job queueing the same key changes nothing. Name it after
   * its cause, e.g. `community.follow:<follower>:<followee>`.
   */
  dedupeKey: string;
}

/**
 * The notification port. `notify` writes the notification in the caller's transaction (pass its EntityManager), so it
 * exists if and only if its cause commits; delivery (the live bell, mail now or in a digest, per the recipient's
 * preferences) happens afterwards. Provided by the notifications domain, so any domain can notify without importing it.
 */
export abstract class Notifier {
  abstract notify(manager: EntityManager, event: NotificationEvent): Promise<void>;
}
