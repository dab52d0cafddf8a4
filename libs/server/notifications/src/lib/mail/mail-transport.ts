import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { createTransport } from 'nodemailer';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';

export interface MailMessage {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** Where SMTP goes: `SMTP_URL`, or the embedded sink's address on the development defaults. */
export const SMTP_URL = Symbol('SMTP_URL');

/**
 * The SMTP port: nodemailer over `SMTP_URL`. Throws when the relay is unreachable or refuses the mail (the job then
 * retries); resolves once the relay has accepted it.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter: Transporter | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMTP_URL) private readonly smtpUrl: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    // Short timeouts: a relay that does not answer fails the attempt, and the job retries later.
    const url = new URL(this.smtpUrl);
    for (const [name, value] of [
      ['connectionTimeout', '10000'],
      ['greetingTimeout', '10000'],
      ['socketTimeout', '30000'],
    ] as const)
      if (!url.searchParams.has(name)) url.searchParams.set(name, value);
    this.transporter ??= createTransport(url.toString());
    await this.transporter.sendMail({ ...message, from: this.config.mail.from });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
