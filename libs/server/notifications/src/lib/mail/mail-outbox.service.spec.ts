import { Clock, JobQueue } from '@lookbook/core';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { NotificationsTasks } from '../notifications.tasks';
import { MailOutboxService } from './mail-outbox.service';
import { OutboxMailRepository } from './outbox-mail.repository';

const now = new Date('2026-12-07T12:00:00.000Z');
const mail = {
  idempotencyKey: 'identity.verify-email:1',
  kind: 'identity.verify-email',
  to: 'mira@example.com',
  subject: 'Verify your email address',
  text: 'Hello',
};

function setUp(written: boolean) {
  const { sut, mock } = newTestService(MailOutboxService, [[Clock, new FakeClock(now)]]);
  const mails = mock(OutboxMailRepository);
  mails.insertIfAbsent.mockResolvedValue(written);
  const jobs = mock(JobQueue);
  jobs.enqueue.mockResolvedValue('1');
  return { sut, mails, jobs };
}

describe('MailOutboxService', () => {
  it('writes the mail and its send job in the caller’s transaction', async () => {
    const { sut, mails, jobs } = setUp(true);
    await sut.queue(TEST_MANAGER, mail);
    const [manager, row] = mails.insertIfAbsent.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(row).toMatchObject({
      idempotencyKey: mail.idempotencyKey,
      toAddress: mail.to,
      textBody: mail.text,
      status: 'PENDING',
      attempts: 0,
      createdAt: now,
    });
    expect(jobs.enqueue).toHaveBeenCalledWith(TEST_MANAGER, NotificationsTasks.sendMail, { mailId: row.id });
  });

  it('queues nothing for a key it has seen (a retried request, a double click)', async () => {
    const { sut, jobs } = setUp(false);
    await sut.queue(TEST_MANAGER, mail);
    expect(jobs.enqueue).not.toHaveBeenCalled();
  });

  it.each([
    ['no key', { idempotencyKey: '' }],
    ['no address', { to: 'nobody' }],
    ['a header injection in the address', { to: 'a@b.c\r\nBcc: x@y.z' }],
    ['a header injection in the subject', { subject: 'Hi\nBcc: x@y.z' }],
  ])('refuses a mail with %s, writing nothing', async (_name, bad) => {
    const { sut, mails } = setUp(true);
    await expect(sut.queue(TEST_MANAGER, { ...mail, ...bad })).rejects.toThrow(/malformed mail/);
    expect(mails.insertIfAbsent).not.toHaveBeenCalled();
  });
});
