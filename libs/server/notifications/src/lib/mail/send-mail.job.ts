import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { NotificationsTasks } from '../notifications.tasks';
import { MailSender } from './mail-sender.service';

/** Sends an outbox mail; a failure throws, and the queue retries with exponential backoff. */
@Injectable()
@JobTask(NotificationsTasks.sendMail)
export class SendMailJob implements JobHandler<PayloadOf<typeof NotificationsTasks.sendMail>> {
  constructor(private readonly sender: MailSender) {}

  async handle({ mailId }: PayloadOf<typeof NotificationsTasks.sendMail>): Promise<void> {
    await this.sender.send(mailId);
  }
}
