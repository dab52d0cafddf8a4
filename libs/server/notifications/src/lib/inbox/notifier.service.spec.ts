import { Clock } from '@lookbook/core';
import type { NotificationEvent } from '@lookbook/core';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { NotificationRepository } from './notification.repository';
import { NotifierService } from './notifier.service';

const now = new Date('2026-12-07T12:00:00.000Z');
const event: NotificationEvent = {
  recipientId: '00000000-0000-7000-8000-000000000001',
  actorId: '00000000-0000-7000-8000-000000000002',
  kind: 'FOLLOW',
  text: 'Ada   followed\nyou',
  url: '/u/ada',
  dedupeKey: 'community.follow:2:1',
};

function setUp() {
  const { sut, mock } = newTestService(NotifierService, [[Clock, new FakeClock(now)]]);
  const rows = mock(NotificationRepository);
  rows.insertIfAbsent.mockResolvedValue(true);
  return { sut, rows };
}

describe('NotifierService', () => {
  it('writes the notification unread, in the caller’s transaction, with its text on one line', async () => {
    const { sut, rows } = setUp();
    await sut.notify(TEST_MANAGER, event);
    const [manager, row] = rows.insertIfAbsent.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(row).toMatchObject({
      recipientId: event.recipientId,
      kind: 'FOLLOW',
      text: 'Ada followed you',
      readAt: null,
    });
    expect(row.createdAt).toEqual(now);
  });

  it('never notifies a member of their own act', async () => {
    const { sut, rows } = setUp();
    await sut.notify(TEST_MANAGER, { ...event, actorId: event.recipientId });
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
  });

  it.each([
    ['no dedupe key', { dedupeKey: '' }],
    ['an unknown kind', { kind: 'POKE' }],
    ['an absolute url', { url: 'https://evil.example/' }],
    ['no text', { text: '' }],
  ])('refuses a malformed event (%s) and writes nothing', async (_name, change) => {
    const { sut, rows } = setUp();
    await expect(sut.notify(TEST_MANAGER, { ...event, ...change } as NotificationEvent)).rejects.toThrow(/malformed/);
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
  });
});
