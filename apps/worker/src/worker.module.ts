import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { CoreModule } from '@lookbook/core';
import { IdentityModule } from '@lookbook/identity';

/** The worker runs every @JobTask of the domains it imports, plus their schedules. */
@Module({})
export class WorkerModule {
  static register(options: { config: AppConfig; databaseUrl: string }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ ...options, processName: 'worker', runJobs: true }), IdentityModule],
    };
  }
}
