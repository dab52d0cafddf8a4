import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@lookbook/core';
import { NotFoundError } from '@lookbook/kernel';
import { DevInboxReader } from './dev-inbox.reader';
import type { ReceivedMail } from './received-mail';
import { linksIn } from './received-mail';

const summary = ({ id, receivedAt, from, to, subject, kind }: ReceivedMail) => ({
  id,
  receivedAt,
  from,
  to,
  subject,
  kind,
});

/**
 * The development inbox: what the embedded SMTP sink received. Registered only outside production
 * (`NotificationsModule.register`), so a production server has no such route at all. Open to anyone who can reach a
 * development server — it is the developer's own mail.
 */
@Controller('api/dev/mail')
export class DevInboxController {
  constructor(private readonly inbox: DevInboxReader) {}

  @Public()
  @Get()
  async list(@Query('to') to?: string) {
    return { mails: (await this.inbox.list(typeof to === 'string' ? to : undefined)).map(summary) };
  }

  @Public()
  @Get(':id')
  async get(@Param('id') id: string) {
    const mail = await this.inbox.get(id);
    if (!mail) throw new NotFoundError('MAIL_NOT_FOUND', 'No such mail in the development inbox');
    return {
      ...summary(mail),
      messageId: mail.messageId,
      text: mail.text,
      links: linksIn(mail.text),
      listUnsubscribe: mail.listUnsubscribe ?? null,
      listUnsubscribePost: mail.listUnsubscribePost ?? null,
    };
  }
}
