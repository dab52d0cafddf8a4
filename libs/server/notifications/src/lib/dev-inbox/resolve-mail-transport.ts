import type { AppConfig } from '@lookbook/core';
import { mailSinkDirectory } from './dev-inbox.reader';
import { startMailSink } from './mail-sink';

export interface ResolvedMailTransport {
  smtpUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `SMTP_URL` when set. Otherwise the embedded default: the development SMTP sink in this process on
 * 127.0.0.1:EMBEDDED_SMTP_PORT, keeping what it receives under DATA_DIR/mail for the development inbox. In
 * production `SMTP_URL` is required (config), and the sink refuses to start regardless.
 */
export async function resolveMailTransport(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedMailTransport> {
  if (config.mail.smtpUrl) return { smtpUrl: config.mail.smtpUrl, embedded: false, stop: () => Promise.resolve() };
  const sink = await startMailSink({
    directory: mailSinkDirectory(config),
    port: config.mail.embeddedPort,
    production: config.isProduction,
    log,
  });
  log(`embedded SMTP sink running on ${sink.url} (mail in ${mailSinkDirectory(config)}, shown at /dev/inbox)`);
  return { smtpUrl: sink.url, embedded: true, stop: () => sink.stop() };
}

/** Environment for child processes sending through a sink started by the parent (npm start). */
export function mailEnvironment(smtpUrl: string): Record<string, string> {
  return { SMTP_URL: smtpUrl };
}
