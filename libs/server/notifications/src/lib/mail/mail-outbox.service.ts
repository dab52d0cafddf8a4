import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutgoingMail } from '@lookbook/core';
import { Clock, JobQueue, MailOutbox } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { NotificationsTasks } from '../notifications.tasks';
import { OutboxMailRepository } from './outbox-mail.repository';

/**
 * The mail outbox (core's `MailOutbox` port): the mail row and its send job are written in the caller's transaction,
 * so a mail exists exactly when its cause committed. A key seen before writes nothing and queues nothing.
 */
@Injectable()
export class MailOutboxService extends MailOutbox {
  constructor(
    private readonly mails: OutboxMailRepository,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {
    super();
  }

  async queue(manager: EntityManager, mail: OutgoingMail): Promise<void> {
    const headers = Object.entries(mail.headers ?? {});
    const badHeader = headers.some(([name, value]) => !/^[A-Za-z][A-Za-z0-9-]*$/.test(name) || /[\r\n]/.test(value));
    if (!mail.idempotencyKey || !mail.to.includes('@') || /[\r\n]/.test(mail.to + mail.subject) || badHeader) {
      throw new Error(`refusing a malformed mail (${mail.kind})`);
    }
    const id = newId();
    const written = await this.mails.insertIfAbsent(manager, {
      id,
      idempotencyKey: mail.idempotencyKey,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      status: 'PENDING',
      attempts: 0,
      lastError: null,
      lastAttemptAt: null,
      createdAt: this.clock.now(),
      sentAt: null,
      headers: Object.fromEntries(headers),
    });
    if (written) await this.jobs.enqueue(manager, NotificationsTasks.sendMail, { mailId: id });
  }
}
