import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, MailOutbox, Notifier, resolveAuthSecret } from '@lookbook/core';
import { DevInboxController } from './dev-inbox/dev-inbox.controller';
import { DevInboxReader } from './dev-inbox/dev-inbox.reader';
import { NotificationMailer } from './digest/notification-mailer.service';
import { SendDigestsJob } from './digest/send-digests.job';
import { SweepNotificationsJob } from './inbox/sweep-notifications.job';
import { UnsubscribeController } from './digest/unsubscribe.controller';
import { UnsubscribeTokens } from './digest/unsubscribe-token';
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationRepository } from './inbox/notification.repository';
import { NotificationResolver } from './inbox/notification.resolver';
import { NotificationService } from './inbox/notification.service';
import { NotifierService } from './inbox/notifier.service';
import { NotificationHub } from './live/notification-hub.service';
import { NotificationListenerRepository } from './live/notification-listener.repository';
import { NotificationStreamController } from './live/notification-stream.controller';
import { MailOutboxService } from './mail/mail-outbox.service';
import { MailSender } from './mail/mail-sender.service';
import { MailTransport, SMTP_URL } from './mail/mail-transport';
import { OutboxMailEntity } from './mail/outbox-mail.entity';
import { OutboxMailRepository } from './mail/outbox-mail.repository';
import { SendMailJob } from './mail/send-mail.job';
import { PreferenceEntity } from './preferences/preference.entity';
import { PreferenceRepository } from './preferences/preference.repository';
import { PreferenceResolver } from './preferences/preference.resolver';
import { PreferenceService } from './preferences/preference.service';

export interface NotificationsModuleOptions {
  config: AppConfig;
  /**
   * Where mail goes (the worker sends; `SMTP_URL` or the embedded sink). Absent: this process sends none and runs none
   * of notifications' jobs (mail, digests, retention).
   */
  smtpUrl?: string;
  /** This process serves the API: the GraphQL read side, the live bell's stream and the unsubscribe links. */
  api?: boolean;
}

/** Whether the development inbox is mounted: never in production. */
export const devInboxEnabled = (config: AppConfig) => !config.isProduction;

/**
 * Mail (the outbox, its send job, the SMTP transport), in-app notifications (the `Notifier` port, the bell's read
 * side and live stream, preferences, the daily digest) and the development inbox. Global: any domain queues mail
 * through core's `MailOutbox` port and notifies through its `Notifier` port without importing this module.
 */
@Global()
@Module({})
export class NotificationsModule {
  static register(options: NotificationsModuleOptions): DynamicModule {
    const inbox = devInboxEnabled(options.config);
    const api = options.api ?? false;
    return {
      module: NotificationsModule,
      imports: [TypeOrmModule.forFeature([OutboxMailEntity, NotificationEntity, PreferenceEntity])],
      controllers: [
        ...(inbox ? [DevInboxController] : []),
        ...(api ? [NotificationStreamController, UnsubscribeController] : []),
      ],
      providers: [
        OutboxMailRepository,
        MailOutboxService,
        { provide: MailOutbox, useExisting: MailOutboxService },
        NotificationRepository,
        PreferenceRepository,
        {
          provide: UnsubscribeTokens,
          useFactory: (config: AppConfig) => new UnsubscribeTokens(resolveAuthSecret(config)),
          inject: [APP_CONFIG],
        },
        NotificationMailer,
        NotifierService,
        { provide: Notifier, useExisting: NotifierService },
        NotificationService,
        PreferenceService,
        ...(api ? [NotificationResolver, PreferenceResolver, NotificationListenerRepository, NotificationHub] : []),
        ...(inbox ? [DevInboxReader] : []),
        ...(options.smtpUrl
          ? [
              { provide: SMTP_URL, useValue: options.smtpUrl },
              MailTransport,
              MailSender,
              SendMailJob,
              SendDigestsJob,
              SweepNotificationsJob,
            ]
          : []),
      ],
      exports: [MailOutbox, Notifier],
    };
  }
}
