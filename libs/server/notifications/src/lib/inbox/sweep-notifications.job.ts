import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig, JobHandler } from '@lookbook/core';
import { APP_CONFIG, Clock, JobTask } from '@lookbook/core';
import { NotificationsTasks } from '../notifications.tasks';
import type { RetentionCursor } from './notification.repository';
import { NotificationRepository } from './notification.repository';

const DAY_MS = 86_400_000;
/** Notifications looked at per statement: each batch is one short, bounded DELETE. */
export const RETENTION_BATCH = 1000;
/** Batches per run (a million rows looked at); what is left waits for the next night. */
export const RETENTION_MAX_BATCHES = 1000;

/**
 * Retention: read notifications are deleted `NOTIFICATION_READ_RETENTION_DAYS` (90) days after they were written, any
 * notification after `NOTIFICATION_RETENTION_DAYS` (365). The sweep walks the old ones oldest first in bounded batches,
 * never holding one long transaction; a rerun finds nothing more to do.
 */
@Injectable()
@JobTask(NotificationsTasks.sweepOld)
export class SweepNotificationsJob implements JobHandler<Record<string, unknown>> {
  private readonly log = new Logger('SweepNotificationsJob');

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(): Promise<void> {
    const now = this.clock.now().getTime();
    const { readRetentionDays, retentionDays } = this.config.notifications;
    const readBefore = new Date(now - readRetentionDays * DAY_MS);
    const anyBefore = new Date(now - Math.max(retentionDays, readRetentionDays) * DAY_MS);
    let after: RetentionCursor | null = null;
    let deleted = 0;
    for (let batch = 0; batch < RETENTION_MAX_BATCHES; batch++) {
      const result = await this.notifications.deleteExpiredBatch(readBefore, anyBefore, after, RETENTION_BATCH);
      deleted += result.deleted;
      if (!result.last) break;
      after = result.last;
    }
    this.log.log(`retention: ${deleted} notification(s) deleted`);
  }
}
