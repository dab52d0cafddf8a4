import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger as NestLogger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Runner, TaskList } from 'graphile-worker';
import { Logger, parseCronItems, run } from 'graphile-worker';
import { Pool } from 'pg';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DATABASE_URL } from '../database/database.tokens';
import type { JobHandler } from './job-handler';
import { JOB_HANDLER } from './job-handler';
import type { TaskDefinition } from './task';

type AnyTask = TaskDefinition<Record<string, unknown>>;

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
  handlers(): Map<string, { task: AnyTask; handler: JobHandler }> {
    const found = new Map<string, { task: AnyTask; handler: JobHandler }>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!metatype || !wrapper.instance) continue;
      const task = Reflect.getMetadata(JOB_HANDLER, metatype) as AnyTask | undefined;
      if (!task) continue;
      if (found.has(task.name)) throw new Error(`Two job handlers for task ${task.name}`);
      found.set(task.name, { task, handler: wrapper.instance as JobHandler });
    }
    return found;
  }

  /**
   * The payload is parsed with the task's schema before the handler sees it: a job whose payload is not what the task
   * declares fails (with one clear log line, and the queue's backoff), never the process and never the handler.
   */
  runTask(task: AnyTask, handler: JobHandler): TaskList[string] {
    return async (payload, helpers) => {
      const parsed = task.payload.safeParse(payload);
      if (!parsed.success) {
        const problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
        this.log.error(`job ${helpers.job.id} (${task.name}) has a malformed payload: ${problem}`);
        throw new Error(`malformed payload for ${task.name}: ${problem}`);
      }
      await handler.handle(parsed.data, helpers);
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlers();
    const taskList: TaskList = {};
    for (const [name, { task, handler }] of handlers) taskList[name] = this.runTask(task, handler);
    const cron = [...handlers.values()]
      .filter(({ task }) => task.schedule)
      .map(({ task }) => ({
        task: task.name,
        match: task.schedule!,
        identifier: task.name,
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
