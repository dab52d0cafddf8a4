import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@lookbook/core';
import { Clock, NOTIFICATION_KINDS, Notifier } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { NotificationRepository } from './notification.repository';

/**
 * Core's `Notifier` port: the notification is written in the caller's transaction, once per dedupe key. A member is
 * never notified of their own act. A malformed event is a programming error in the calling domain, so it throws.
 */
@Injectable()
export class NotifierService extends Notifier {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async notify(manager: EntityManager, event: NotificationEvent): Promise<void> {
    if (!event.dedupeKey || !NOTIFICATION_KINDS.includes(event.kind) || !event.url.startsWith('/') || !event.text) {
      throw new Error(`refusing a malformed notification (${event.kind})`);
    }
    if (event.actorId && event.actorId === event.recipientId) return;
    await this.notifications.insertIfAbsent(manager, {
      id: newId(),
      recipientId: event.recipientId,
      kind: event.kind,
      actorId: event.actorId ?? null,
      subjectKind: event.subjectKind ?? null,
      subjectId: event.subjectId ?? null,
      text: event.text.replace(/\s+/g, ' ').trim().slice(0, 500),
      url: event.url,
      dedupeKey: event.dedupeKey,
      createdAt: this.clock.now(),
      readAt: null,
    });
  }
}
