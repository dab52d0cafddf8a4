import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Runner, TaskList } from 'graphile-worker';
import { Logger, parseCronItems, run } from 'graphile-worker';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DATABASE_URL } from '../database/database.tokens';
import type { JobHandler, JobHandlerOptions } from './job-handler';
import { JOB_HANDLER } from './job-handler';

/** Runs every @JobTask provider of the application. Only the worker app imports this. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new NestLogger('WorkerRunner');
  private runner: Runner | undefined;
  private pool: Pool | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  /** Task identifiers with their handlers, found by metadata on providers. */
  handlers(): Map<string, { options: JobHandlerOptions; handler: JobHandler }> {
    const found = new Map<string, { options: JobHandlerOptions; handler: JobHandler }>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!metatype || !wrapper.instance) continue;
      const options = Reflect.getMetadata(JOB_HANDLER, metatype) as JobHandlerOptions | undefined;
      if (!options) continue;
      if (found.has(options.task)) throw new Error(`Two job handlers for task ${options.task}`);
      found.set(options.task, { options, handler: wrapper.instance as JobHandler });
    }
    return found;
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlers();
    const taskList: TaskList = {};
    for (const [task, { handler }] of handlers) taskList[task] = (payload, helpers) => handler.handle(payload, helpers);
    const cron = [...handlers.values()]
      .filter(({ options }) => options.schedule)
      .map(({ options }) => ({
        task: options.task,
        match: options.schedule!,
        identifier: options.task,
        options: { backfillPeriod: 0, maxAttempts: 3 },
      }));
    this.pool = new Pool({ connectionString: this.databaseUrl, max: this.config.worker.concurrency + 2 });
    // An idle client losing its connection (database restart) must not crash the worker; the pool reconnects.
    this.pool.on('error', (error) => this.log.warn(`database connection lost: ${error.message}`));
    this.pool.on('connect', (client) =>
      client.on('error', (error) => this.log.warn(`database client error: ${error.message}`)),
    );
    this.runner = await run({
      pgPool: this.pool,
      taskList,
      parsedCronItems: parseCronItems(cron),
      concurrency: this.config.worker.concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: new Logger((scope) => (level, message) => {
        // LogLevel is a type-only export at runtime: compare its string values.
        const severity = String(level);
        if (severity === 'error') this.log.error(message, scope.taskIdentifier);
        else if (severity === 'warning') this.log.warn(message);
        else this.log.debug?.(message);
      }),
    });
    this.log.log(`processing ${handlers.size} task(s): ${[...handlers.keys()].join(', ') || '(none)'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    // Lets running jobs finish (up to the graceful timeout); unfinished ones are unlocked for another worker.
    await this.runner?.stop();
    await this.pool?.end();
  }
}
