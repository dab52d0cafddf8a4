import { Clock, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { PreferenceRepository } from '../preferences/preference.repository';
import type { NotificationGroupRow } from './notification.repository';
import { NotificationRepository } from './notification.repository';
import { decodeNotificationCursor, encodeNotificationCursor, NotificationService } from './notification.service';

const ada = anActor('00000000-0000-4000-8000-0000000000a1');
const now = new Date('2026-12-07T12:00:00.000Z');
const head = (i: number, change: Partial<NotificationGroupRow> = {}): NotificationGroupRow => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  kind: 'LIKE',
  text: 'Fan liked Neon Harbour',
  url: '/models/m1',
  subjectKind: 'MODEL',
  subjectId: 'm1',
  actorId: 'fan',
  actorName: 'Fan',
  actorHandle: 'fan',
  createdAt: new Date(now.getTime() - i * 1000),
  count: 1,
  unread: 1,
  ...change,
});

function setUp(chosen: { kind: 'LIKE'; inApp: boolean; email: 'OFF' }[] = []) {
  const { sut, mock } = newTestService(NotificationService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
  ]);
  mock(PreferenceRepository).chosenBy.mockResolvedValue(chosen);
  const rows = mock(NotificationRepository);
  rows.unreadGroupCount.mockResolvedValue(4);
  rows.markGroupsRead.mockResolvedValue(2);
  rows.markAllRead.mockResolvedValue(9);
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  return { sut, rows, mock };
}

describe('NotificationService', () => {
  it('pages groups newest first with a cursor on the last head, and reads a storm as one line', async () => {
    const { sut, rows } = setUp();
    rows.groups.mockResolvedValue([head(1, { count: 1000, unread: 3 }), head(2, { unread: 0 }), head(3)]);
    const page = await sut.page(ada, { first: 2 });
    expect(page.nodes.map((n) => [n.summary, n.read, n.count])).toEqual([
      ['Fan and 999 others liked Neon Harbour', false, 1000],
      ['Fan liked Neon Harbour', true, 1],
    ]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(decodeNotificationCursor(page.pageInfo.endCursor!)).toEqual({ at: head(2).createdAt, id: head(2).id });
    expect(rows.groups).toHaveBeenCalledWith(ada.userId, {
      unreadOnly: false,
      hiddenKinds: [],
      before: null,
      limit: 3,
    });

    rows.groups.mockResolvedValue([]);
    await sut.page(ada, { first: 2, after: page.pageInfo.endCursor!, unreadOnly: true });
    expect(rows.groups).toHaveBeenLastCalledWith(ada.userId, {
      unreadOnly: true,
      hiddenKinds: [],
      before: { at: head(2).createdAt, id: head(2).id },
      limit: 3,
    });
  });

  it('hides and does not count kinds the member turned off in the bell', async () => {
    const { sut, rows } = setUp([{ kind: 'LIKE', inApp: false, email: 'OFF' }]);
    rows.groups.mockResolvedValue([]);
    await sut.page(ada, {});
    expect(rows.groups.mock.calls[0]![1].hiddenKinds).toEqual(['LIKE']);
    expect(await sut.unreadCount(ada.userId)).toBe(4);
    expect(rows.unreadGroupCount).toHaveBeenCalledWith(ada.userId, ['LIKE']);
  });

  it.each([
    '',
    'bm90IGEgY3Vyc29y',
    encodeNotificationCursor(now, 'x'),
    Buffer.from('n:yesterday:' + head(1).id).toString('base64url'),
  ])('refuses a cursor it did not make (%s)', async (after) => {
    const { sut, rows } = setUp();
    await expect(sut.page(ada, { after })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(rows.groups).not.toHaveBeenCalled();
  });

  it('marks groups read in a transaction (duplicates once) and returns the new count', async () => {
    const { sut, rows } = setUp();
    expect(await sut.markRead(ada, [head(1).id, head(1).id, head(2).id])).toBe(4);
    expect(rows.markGroupsRead).toHaveBeenCalledWith(TEST_MANAGER, ada.userId, [head(1).id, head(2).id], now);
    expect(await sut.markAllRead(ada)).toBe(4);
    expect(rows.markAllRead).toHaveBeenCalledWith(TEST_MANAGER, ada.userId, now);
  });

  it.each([[[]], [Array.from({ length: 101 }, (_, i) => head(i).id)]])(
    'refuses to mark %# ids (none, or more than 100), changing nothing',
    async (ids) => {
      const { sut, rows } = setUp();
      await expect(sut.markRead(ada, ids)).rejects.toMatchObject({ code: 'INVALID_IDS' });
      expect(rows.markGroupsRead).not.toHaveBeenCalled();
    },
  );

  it('is rate limited before anything changes', async () => {
    const { sut, rows, mock } = setUp();
    mock(RateLimiter).consume.mockRejectedValue(new RateLimitedError(30));
    await expect(sut.markAllRead(ada)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(rows.markAllRead).not.toHaveBeenCalled();
  });
});
