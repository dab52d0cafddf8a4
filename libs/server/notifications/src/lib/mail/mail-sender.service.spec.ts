import { APP_CONFIG, Clock } from '@lookbook/core';
import { FakeClock, newTestService, testConfig } from '@lookbook/testing';
import { MailSender } from './mail-sender.service';
import { MailTransport } from './mail-transport';
import type { OutboxMailEntity } from './outbox-mail.entity';
import { OutboxMailRepository } from './outbox-mail.repository';

const now = new Date('2026-12-07T12:00:00.000Z');
const pending: OutboxMailEntity = {
  id: '00000000-0000-4000-8000-0000000000d1',
  idempotencyKey: 'identity.reset-password:1',
  kind: 'identity.reset-password',
  toAddress: 'mira@example.com',
  subject: 'Reset your password',
  textBody: 'Open https://lookbook.example/reset-password?token=lbt_x&a=<b> now',
  status: 'PENDING',
  attempts: 0,
  lastError: null,
  lastAttemptAt: null,
  createdAt: now,
  sentAt: null,
  headers: {},
};

function setUp(found: OutboxMailEntity | null = pending) {
  const { sut, mock } = newTestService(MailSender, [
    [APP_CONFIG, testConfig({ MAIL_FROM: 'Lookbook <hello@mail.lookbook.example>' })],
    [Clock, new FakeClock(now)],
  ]);
  const mails = mock(OutboxMailRepository);
  mails.findById.mockResolvedValue(found);
  mails.markSent.mockResolvedValue(true);
  mails.recordFailure.mockResolvedValue(undefined);
  const transport = mock(MailTransport);
  transport.send.mockResolvedValue(undefined);
  return { sut, mails, transport };
}

describe('MailSender', () => {
  it('sends with a Message-ID that is a function of the mail alone, then marks it sent', async () => {
    const first = setUp();
    expect(await first.sut.send(pending.id)).toBe('SENT');
    const message = first.transport.send.mock.calls[0]![0];
    expect(message).toMatchObject({
      messageId: `<${pending.id}@mail.lookbook.example>`,
      to: pending.toAddress,
      subject: pending.subject,
      text: pending.textBody,
      headers: { 'X-Lookbook-Kind': 'identity.reset-password' },
    });
    // The link ends where the URL does; the rest is escaped text.
    expect(message.html).toContain('<a href="https://lookbook.example/reset-password?token=lbt_x&amp;a=">');
    expect(message.html).toContain('</a>&lt;b&gt; now');
    expect(message.html).not.toContain('<b>');
    expect(first.mails.markSent).toHaveBeenCalledWith(pending.id, now);

    const again = setUp(); // the same row sent again (a crash before the mark): the same message to the receiver
    await again.sut.send(pending.id);
    expect(again.transport.send.mock.calls[0]![0]).toEqual(message);
  });

  it.each([
    ['already sent', { ...pending, status: 'SENT' as const, sentAt: now }, 'ALREADY_SENT'],
    ['gone', null, 'UNKNOWN'],
  ])('sends nothing for a mail that is %s', async (_name, found, outcome) => {
    const { sut, transport, mails } = setUp(found);
    expect(await sut.send(pending.id)).toBe(outcome);
    expect(transport.send).not.toHaveBeenCalled();
    expect(mails.markSent).not.toHaveBeenCalled();
  });

  it('records a refused or unreachable relay on the row and throws, so the queue retries; nothing is marked sent', async () => {
    const { sut, transport, mails } = setUp();
    transport.send.mockRejectedValue(new Error('connect ECONNREFUSED 127.0.0.1:2525'));
    await expect(sut.send(pending.id)).rejects.toThrow(/ECONNREFUSED/);
    expect(mails.recordFailure).toHaveBeenCalledWith(pending.id, 'connect ECONNREFUSED 127.0.0.1:2525', now);
    expect(mails.markSent).not.toHaveBeenCalled();
  });
});
