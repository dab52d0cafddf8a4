import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { AppConfig, Clock } from '@lookbook/core';
import { CoreModule } from '@lookbook/core';
import { CatalogModule } from '@lookbook/catalog';
import { CommerceModule } from '@lookbook/commerce';
import { CommunityModule } from '@lookbook/community';
import { IdentityModule } from '@lookbook/identity';
import { NotificationsModule } from '@lookbook/notifications';
import { SearchModule } from '@lookbook/search';
import type { S3Settings } from '@lookbook/storage';
import { StorageModule } from '@lookbook/storage';

/** The worker runs every @JobTask of the domains it imports, plus their schedules. */
@Module({})
export class WorkerModule {
  static register(options: {
    config: AppConfig;
    databaseUrl: string;
    storage: S3Settings;
    /** Where mail goes: `SMTP_URL`, or the embedded sink (`resolveMailTransport`). */
    smtpUrl: string;
    clock?: Clock;
  }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot({ ...options, processName: 'worker', runJobs: true }),
        StorageModule.forRoot(options.storage),
        NotificationsModule.register({ config: options.config, smtpUrl: options.smtpUrl }),
        IdentityModule,
        CatalogModule,
        SearchModule,
        CommunityModule,
        CommerceModule.register({ provider: options.config.payments.provider }),
      ],
    };
  }
}
