import { Injectable, Logger } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { CommunityTasks } from '../community.tasks';
import type { RecountFix } from './counter.repository';
import { CounterRepository } from './counter.repository';

/** Nightly: recomputes the counters from their truth tables and repairs drift, reporting what it fixed. */
@Injectable()
@JobTask(CommunityTasks.recountCounters)
export class RecountCountersJob implements JobHandler {
  private readonly logger = new Logger(RecountCountersJob.name);

  constructor(private readonly counters: CounterRepository) {}

  async handle(): Promise<void> {
    await this.recount();
  }

  /** Repairs drift and reports it (logged: a warning naming each metric that drifted). */
  async recount(): Promise<RecountFix[]> {
    const fixed = await this.counters.recount();
    if (fixed.length)
      this.logger.warn(
        `counter recount repaired ${fixed.map((f) => `${f.metric}: ${f.subjects} subjects (off by ${f.drift})`).join('; ')}`,
      );
    else this.logger.log('counter recount: no drift');
    return fixed;
  }
}
