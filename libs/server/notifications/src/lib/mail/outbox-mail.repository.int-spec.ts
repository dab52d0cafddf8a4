import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { newId } from '@lookbook/kernel';
import type { OutboxMailEntity } from './outbox-mail.entity';
import { OutboxMailEntity as Entity } from './outbox-mail.entity';
import { OutboxMailRepository } from './outbox-mail.repository';

describe('OutboxMailRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let mails: OutboxMailRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([Entity]);
    mails = new OutboxMailRepository(bed.dataSource.getRepository(Entity));
  });
  afterAll(() => bed.close());

  const mail = (key: string): OutboxMailEntity => ({
    id: newId(),
    idempotencyKey: key,
    kind: 'test.mail',
    toAddress: 'mira@example.com',
    subject: 'Hello',
    textBody: 'Hello there',
    status: 'PENDING',
    attempts: 0,
    lastError: null,
    lastAttemptAt: null,
    createdAt: new Date(),
    sentAt: null,
    headers: {},
  });

  it('writes one mail per idempotency key, and only when the transaction commits', async () => {
    const first = mail('k-1');
    expect(await bed.dataSource.transaction((m) => mails.insertIfAbsent(m, first))).toBe(true);
    expect(await bed.dataSource.transaction((m) => mails.insertIfAbsent(m, mail('k-1')))).toBe(false);
    expect((await mails.findByIdempotencyKey('k-1'))!.id).toBe(first.id);

    const rolledBack = mail('k-2');
    await expect(
      bed.dataSource.transaction(async (m) => {
        await mails.insertIfAbsent(m, rolledBack);
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await mails.findById(rolledBack.id)).toBeNull();
  });

  it('counts failed attempts, marks a pending mail sent once, and never a sent one again', async () => {
    const row = mail('k-3');
    await bed.dataSource.transaction((m) => mails.insertIfAbsent(m, row));
    const at = new Date('2026-12-07T12:00:00.000Z');
    await mails.recordFailure(row.id, 'x'.repeat(900), at);
    await mails.recordFailure(row.id, 'connect ECONNREFUSED', at);
    expect(await mails.findById(row.id)).toMatchObject({
      attempts: 2,
      lastError: 'connect ECONNREFUSED',
      lastAttemptAt: at,
      status: 'PENDING',
    });
    expect(await mails.markSent(row.id, at)).toBe(true);
    expect(await mails.markSent(row.id, new Date())).toBe(false);
    await mails.recordFailure(row.id, 'late', new Date());
    expect(await mails.findById(row.id)).toMatchObject({ status: 'SENT', sentAt: at, attempts: 2, lastError: null });
  });
});
