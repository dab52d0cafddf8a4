import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@lookbook/core';
import { MailOutbox, Notifier } from '@lookbook/core';
import { DevInboxController } from './dev-inbox/dev-inbox.controller';
import { DevInboxReader } from './dev-inbox/dev-inbox.reader';
import { NotificationEntity } from './inbox/notification.entity';
import { NotificationRepository } from './inbox/notification.repository';
import { NotifierService } from './inbox/notifier.service';
import { MailOutboxService } from './mail/mail-outbox.service';
import { MailSender } from './mail/mail-sender.service';
import { MailTransport, SMTP_URL } from './mail/mail-transport';
import { OutboxMailEntity } from './mail/outbox-mail.entity';
import { OutboxMailRepository } from './mail/outbox-mail.repository';
import { SendMailJob } from './mail/send-mail.job';

export interface NotificationsModuleOptions {
  config: AppConfig;
  /** Where mail goes (the worker sends; `SMTP_URL` or the embedded sink). Absent: this process sends none. */
  smtpUrl?: string;
}

/** Whether the development inbox is mounted: never in production. */
export const devInboxEnabled = (config: AppConfig) => !config.isProduction;

/**
 * Mail (the outbox, its send job, the SMTP transport), in-app notifications and the development inbox. Global: any
 * domain queues mail through core's `MailOutbox` port and notifies through its `Notifier` port without importing this
 * module.
 */
@Global()
@Module({})
export class NotificationsModule {
  static register(options: NotificationsModuleOptions): DynamicModule {
    const inbox = devInboxEnabled(options.config);
    return {
      module: NotificationsModule,
      imports: [TypeOrmModule.forFeature([OutboxMailEntity, NotificationEntity])],
      controllers: inbox ? [DevInboxController] : [],
      providers: [
        OutboxMailRepository,
        MailOutboxService,
        { provide: MailOutbox, useExisting: MailOutboxService },
        NotificationRepository,
        NotifierService,
        { provide: Notifier, useExisting: NotifierService },
        ...(inbox ? [DevInboxReader] : []),
        ...(options.smtpUrl
          ? [{ provide: SMTP_URL, useValue: options.smtpUrl }, MailTransport, MailSender, SendMailJob]
          : []),
      ],
      exports: [MailOutbox, Notifier],
    };
  }
}
