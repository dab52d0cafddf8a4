export * from './lib/notifications.module';
export { NotificationsTasks } from './lib/notifications.tasks';
export { startMailSink } from './lib/dev-inbox/mail-sink';
export type { MailSink } from './lib/dev-inbox/mail-sink';
export { mailSinkDirectory } from './lib/dev-inbox/dev-inbox.reader';
export type { ReceivedMail } from './lib/dev-inbox/received-mail';
export { linksIn } from './lib/dev-inbox/received-mail';
export { mailEnvironment, resolveMailTransport } from './lib/dev-inbox/resolve-mail-transport';
