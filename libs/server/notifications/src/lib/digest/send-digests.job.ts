import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { Clock, JobTask } from '@lookbook/core';
import { NotificationsTasks } from '../notifications.tasks';
import { NotificationMailer, previousDay } from './notification-mailer.service';

/** The daily digest: yesterday's (UTC) digest notifications, one mail per member; a rerun queues nothing new. */
@Injectable()
@JobTask(NotificationsTasks.sendDigests)
export class SendDigestsJob implements JobHandler<Record<string, unknown>> {
  private readonly log = new Logger('SendDigestsJob');

  constructor(
    private readonly mailer: NotificationMailer,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const day = previousDay(this.clock.now());
    const queued = await this.mailer.queueDigests(day);
    this.log.log(`digest of ${day}: ${queued} mail(s) queued`);
  }
}
