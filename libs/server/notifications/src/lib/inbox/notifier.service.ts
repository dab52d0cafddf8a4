import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@lookbook/core';
import { BLOCK_EXEMPT_KINDS, Clock, NOTIFICATION_KINDS, Notifier } from '@lookbook/core';
import { newId, sanitizeText } from '@lookbook/kernel';
import { NotificationMailer } from '../digest/notification-mailer.service';
import type { NotificationEntity } from './notification.entity';
import { groupKeyOf } from './notification-rules';
import { NotificationRepository } from './notification.repository';

/** A stored line is at most this many characters (code points). */
export const MAX_TEXT = 500;

/**
 * Core's `Notifier` port: the notification is written in the caller's transaction, once per dedupe key, with the
 * group it reads in; the live bell is signalled on commit, and a kind the recipient gets mailed at once is queued in
 * the outbox in that same transaction. A member is never notified of their own act. A text that is a predicate
 * ("replied to your review", starting in lower case) gets the actor's public name put before it, so every line reads
 * as a sentence and groups as "Ada and 3 others …". Nothing is written between two members apart by a block (either
 * way). A malformed event is a programming error in the calling domain,
 * so it throws.
 */
@Injectable()
export class NotifierService extends Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly mailer: NotificationMailer,
    private readonly clock: Clock,
  ) {
    super();
  }

  /**
   * Actors' public names per transaction: a domain notifies once per recipient (a comment's mentions, a sale's
   * creators), and the name is looked up once per actor in that transaction, not once per recipient. Only a
   * transaction's own manager is cached (it is dropped with the transaction); the shared manager is never.
   */
  private readonly names = new WeakMap<EntityManager, Map<string, Promise<string | null>>>();

  private actorName(manager: EntityManager, actorId: string): Promise<string | null> {
    if (!manager.queryRunner) return this.notifications.publicName(manager, actorId);
    const names = this.names.get(manager) ?? new Map<string, Promise<string | null>>();
    this.names.set(manager, names);
    const name = names.get(actorId) ?? this.notifications.publicName(manager, actorId);
    names.set(actorId, name);
    return name;
  }

  async notify(manager: EntityManager, event: NotificationEvent): Promise<void> {
    if (
      !event.dedupeKey ||
      !NOTIFICATION_KINDS.includes(event.kind) ||
      !/^\/(?![/\\])/.test(event.url) ||
      !event.text
    ) {
      throw new Error(`refusing a malformed notification (${event.kind})`);
    }
    if (event.actorId && event.actorId === event.recipientId) return;
    // Apart by a block: not written, so not mailed either (the read side hides what was written before a block),
    // except business the block does not end (a sale, a remix request or decision, a revoked licence).
    if (
      event.actorId &&
      !BLOCK_EXEMPT_KINDS.includes(event.kind) &&
      (await this.notifications.blockedBetween(manager, event.recipientId, event.actorId))
    )
      return;
    const now = this.clock.now();
    // Names and excerpts in the text were checked where they were written; cleaned again here all the same (lone
    // surrogates, controls, bidi overrides), so no text can make the cause's transaction fail or a line lie.
    let text = sanitizeText(event.text).replace(/\s+/g, ' ').trim();
    if (!text) throw new Error(`refusing a notification with no text once cleaned (${event.kind})`);
    if (event.actorId && /^\p{Ll}/u.test(text)) {
      // A lower-case start may already be the name (a handle such as "ada"): put it there only when it is not.
      const name = await this.actorName(manager, event.actorId);
      if (name && !text.startsWith(`${name} `)) text = `${name} ${text}`;
    }
    const fields = {
      id: newId(),
      kind: event.kind,
      subjectKind: event.subjectKind ?? null,
      subjectId: event.subjectId ?? null,
    };
    const row: NotificationEntity = {
      ...fields,
      recipientId: event.recipientId,
      actorId: event.actorId ?? null,
      text: Array.from(text).slice(0, MAX_TEXT).join(''), // code points: never half an emoji
      url: event.url,
      dedupeKey: event.dedupeKey,
      groupKey: groupKeyOf(fields, now),
      createdAt: now,
      readAt: null,
    };
    if (await this.notifications.insertIfAbsent(manager, row)) await this.mailer.afterWrite(manager, row);
  }
}
