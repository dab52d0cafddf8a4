import { Injectable } from '@nestjs/common';
import type { JobHandler } from '../jobs/job-handler';
import { JobTask } from '../jobs/job-handler';
import { CoreTasks } from '../core.tasks';
import { RateLimitRepository } from './rate-limit.repository';

/** Expired rate-limit windows are dead rows: drop them every ten minutes. */
@Injectable()
@JobTask(CoreTasks.sweepRateLimits)
export class SweepRateLimitsJob implements JobHandler {
  constructor(private readonly counters: RateLimitRepository) {}

  async handle(): Promise<void> {
    await this.counters.deleteExpired(Date.now());
  }
}
