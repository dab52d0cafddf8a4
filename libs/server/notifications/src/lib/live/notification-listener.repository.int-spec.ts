import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { NotificationEntity } from '../inbox/notification.entity';
import { NotificationRepository } from '../inbox/notification.repository';
import type { Listening } from './notification-listener.repository';
import { NotificationListenerRepository } from './notification-listener.repository';

/** Two API processes' listeners on one database: a signal reaches both, and only once its transaction commits. */
describe('NotificationListenerRepository (PostgreSQL LISTEN/NOTIFY)', () => {
  let bed: RepositoryTestBed;
  let notifications: NotificationRepository;
  const received: [string[], string[]] = [[], []];
  const listening: Listening[] = [];
  let lost = 0;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([NotificationEntity]);
    notifications = new NotificationRepository(bed.dataSource.getRepository(NotificationEntity));
    for (const inbox of received)
      listening.push(
        await new NotificationListenerRepository(bed.db.url).listen(
          (userId) => inbox.push(userId),
          () => lost++,
        ),
      );
  });
  afterAll(async () => {
    for (const l of listening) await l.close();
    await bed.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  it('delivers a signal to every listener only when its transaction commits', async () => {
    await bed.dataSource.transaction(async (m) => {
      await notifications.signal(m, 'ada');
      await settle();
      expect(received).toEqual([[], []]); // not yet: the transaction is open
    });
    await settle();
    expect(received).toEqual([['ada'], ['ada']]);
  });

  it('never delivers a signal of a transaction rolled back', async () => {
    await expect(
      bed.dataSource.transaction(async (m) => {
        await notifications.signal(m, 'tom');
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    await settle();
    expect(received.map((r) => r.includes('tom'))).toEqual([false, false]);
  });

  it('signals for a written notification and for marking read, and closes without reporting a loss', async () => {
    const user = await bed.seed.user();
    const { newId } = await import('@lookbook/kernel');
    const id = newId();
    await bed.dataSource.transaction((m) =>
      notifications.insertIfAbsent(m, {
        id,
        recipientId: user.id,
        kind: 'SALE',
        actorId: null,
        subjectKind: null,
        subjectId: null,
        text: 'New sale',
        url: '/earnings',
        dedupeKey: `listen:${id}`,
        groupKey: id,
        createdAt: new Date(),
        readAt: null,
      }),
    );
    await bed.dataSource.transaction((m) => notifications.markAllRead(m, user.id, new Date()));
    await bed.dataSource.transaction((m) => notifications.markAllRead(m, user.id, new Date())); // nothing changed
    await settle();
    expect(received[0].filter((u) => u === user.id)).toHaveLength(2);
    expect(received[1].filter((u) => u === user.id)).toHaveLength(2);
    await listening.pop()!.close();
    await settle();
    expect(lost).toBe(0);
  });
});
