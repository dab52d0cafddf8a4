import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock } from '@lookbook/core';
import { htmlFromText, messageIdFor } from './mail-format';
import { MailTransport } from './mail-transport';
import { OutboxMailRepository } from './outbox-mail.repository';

export type SendOutcome = 'SENT' | 'ALREADY_SENT' | 'UNKNOWN';

/**
 * Sends one outbox mail. At least once towards the relay, exactly once at the receiver: every attempt carries the
 * same Message-ID, so a crash after the relay accepted it but before the row was marked sends the same message again,
 * which receivers keep once. A relay that is down throws: the attempt is recorded on the row and the job retries.
 */
@Injectable()
export class MailSender {
  private readonly log = new Logger('MailSender');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mails: OutboxMailRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  async send(mailId: string): Promise<SendOutcome> {
    const mail = await this.mails.findById(mailId);
    if (!mail) return 'UNKNOWN';
    if (mail.status === 'SENT') return 'ALREADY_SENT';
    try {
      await this.transport.send({
        messageId: messageIdFor(mail.id, this.config.mail.from),
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: htmlFromText(mail.textBody),
        headers: { ...mail.headers, 'X-Lookbook-Kind': mail.kind },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.mails.recordFailure(mail.id, reason, this.clock.now());
      this.log.warn(`mail ${mail.id} (${mail.kind}) not sent, will retry: ${reason}`);
      throw error;
    }
    await this.mails.markSent(mail.id, this.clock.now());
    return 'SENT';
  }
}
