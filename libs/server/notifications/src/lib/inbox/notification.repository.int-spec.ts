import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { newId } from '@lookbook/kernel';
import { NotificationEntity } from './notification.entity';
import { NotificationRepository } from './notification.repository';

describe('NotificationRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let notifications: NotificationRepository;
  let recipientId: string;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([NotificationEntity]);
    notifications = new NotificationRepository(bed.dataSource.getRepository(NotificationEntity));
    recipientId = (await bed.seed.user()).id;
  });
  afterAll(() => bed.close());

  const row = (key: string): NotificationEntity => ({
    id: newId(),
    recipientId,
    kind: 'SALE',
    actorId: null,
    subjectKind: 'MODEL',
    subjectId: newId(),
    text: 'Someone licensed Neon Harbour',
    url: '/models/x',
    dedupeKey: key,
    createdAt: new Date(),
    readAt: null,
    groupKey: key,
  });

  it('writes one notification per dedupe key, and only when the transaction commits', async () => {
    const first = row('n-1');
    expect(await bed.dataSource.transaction((m) => notifications.insertIfAbsent(m, first))).toBe(true);
    expect(await bed.dataSource.transaction((m) => notifications.insertIfAbsent(m, row('n-1')))).toBe(false);
    expect((await notifications.findByDedupeKey('n-1'))!.id).toBe(first.id);

    await expect(
      bed.dataSource.transaction(async (m) => {
        await notifications.insertIfAbsent(m, row('n-2'));
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await notifications.findByDedupeKey('n-2')).toBeNull();
  });

  it('refuses a notification of one’s own act and a link off the site', async () => {
    await expect(
      bed.dataSource.transaction((m) => notifications.insertIfAbsent(m, { ...row('n-3'), actorId: recipientId })),
    ).rejects.toThrow(/notification_not_self/);
    await expect(
      bed.dataSource.transaction((m) => notifications.insertIfAbsent(m, { ...row('n-4'), url: 'https://x.example' })),
    ).rejects.toThrow(/check/i);
  });
});
