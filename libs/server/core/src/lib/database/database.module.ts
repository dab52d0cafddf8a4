import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobQueue } from '../jobs/job-queue';
import { DATABASE_URL } from './database.tokens';
import { PublicCatalogChanges } from './public-changes';
import { Readiness } from './readiness';
import { Transactions } from './transactions';
import { typeormOptions } from './typeorm-options';

export interface DatabaseModuleOptions {
  url: string;
  poolMax: number;
  applicationName: string;
  /** Build the module graph without connecting (schema generation). */
  connect?: boolean;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...typeormOptions(options),
          autoLoadEntities: true,
          manualInitialization: options.connect === false,
          // Boot fails fast if the database is down at start; later outages are handled per request.
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      providers: [
        { provide: DATABASE_URL, useValue: options.url },
        JobQueue,
        Readiness,
        Transactions,
        PublicCatalogChanges,
      ],
      exports: [DATABASE_URL, JobQueue, Readiness, Transactions, PublicCatalogChanges],
    };
  }
}
