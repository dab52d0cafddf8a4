import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { JobHandler } from '../jobs/job-handler';
import { JobTask } from '../jobs/job-handler';

/** Expired rate-limit windows are dead rows: drop them every ten minutes. */
@Injectable()
@JobTask({ task: 'core.sweep-rate-limits', schedule: '*/10 * * * *' })
export class SweepRateLimitsJob implements JobHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(): Promise<void> {
    await this.dataSource.query(`DELETE FROM core.rate_limit WHERE expire < $1`, [Date.now()]);
  }
}
