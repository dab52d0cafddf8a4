import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { AppConfig, Clock } from '@lookbook/core';
import { AuthGuard, CoreModule, DomainErrorFilter, GraphqlApiModule, TextHygienePipe } from '@lookbook/core';
import { CatalogModule } from '@lookbook/catalog';
import { CommerceModule } from '@lookbook/commerce';
import { CommunityModule } from '@lookbook/community';
import { IdentityModule } from '@lookbook/identity';
import { LicensingModule } from '@lookbook/licensing';
import { NotificationsModule } from '@lookbook/notifications';
import { SearchModule } from '@lookbook/search';
import { TemplatesModule } from '@lookbook/templates';
import type { S3Settings } from '@lookbook/storage';
import { StorageModule } from '@lookbook/storage';
import { HealthController } from './health.controller';
import { MediaController } from './media.controller';

export interface ApiModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  connect?: boolean;
  clock?: Clock;
  storage: S3Settings;
}

@Module({})
export class AppModule {
  static register(options: ApiModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...options, processName: 'api' }),
        GraphqlApiModule.forRoot(options.config),
        StorageModule.forRoot(options.storage),
        NotificationsModule.register({ config: options.config, api: true }),
        IdentityModule,
        CatalogModule,
        LicensingModule,
        SearchModule,
        TemplatesModule,
        CommunityModule,
        CommerceModule.register({ provider: options.config.payments.provider }),
      ],
      controllers: [HealthController, MediaController],
      providers: [
        // Deny by default: every resolver and route needs a credential unless marked @Public().
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        // Every text argument and body passes the kernel's text rules (NUL, lone surrogates, bidi overrides…).
        { provide: APP_PIPE, useClass: TextHygienePipe },
      ],
    };
  }
}
