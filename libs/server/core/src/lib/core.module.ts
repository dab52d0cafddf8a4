import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Clock } from './clock/clock';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { WorkerRunner } from './jobs/worker-runner';
import { loggingModule } from './logging/logging';
import { RateLimitRepository } from './rate-limit/rate-limit.repository';
import { RateLimiter } from './rate-limit/rate-limiter';
import { SweepRateLimitsJob } from './rate-limit/sweep-rate-limits.job';

export interface CoreModuleOptions {
  config: AppConfig;
  /** The resolved database URL (DATABASE_URL or the embedded server). */
  databaseUrl: string;
  /** `api`, `worker`, … — names the logs and the database connections. */
  processName: string;
  /** False builds the module graph without connecting (schema generation). */
  connect?: boolean;
  /** Run job handlers in this process (the worker). */
  runJobs?: boolean;
  /** Tests pass a FakeClock. */
  clock?: Clock;
}

/** The plumbing every process and domain uses: config, logs, database, job queue, clock, rate limits. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(options.config),
        loggingModule(options.config, `lookbook-${options.processName}`),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolMax: options.config.database.poolMax,
          applicationName: `lookbook-${options.processName}`,
          connect: options.connect,
        }),
        DiscoveryModule,
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new Clock() },
        RateLimitRepository,
        RateLimiter,
        SweepRateLimitsJob,
        ...(options.runJobs ? [WorkerRunner] : []),
      ],
      exports: [Clock, RateLimiter],
    };
  }
}
