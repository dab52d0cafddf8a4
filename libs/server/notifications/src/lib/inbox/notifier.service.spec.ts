import { Clock } from '@lookbook/core';
import type { EntityManager } from 'typeorm';
import type { NotificationEvent } from '@lookbook/core';
import { FakeClock, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { NotificationMailer } from '../digest/notification-mailer.service';
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
  rows.blockedBetween.mockResolvedValue(false);
  const mailer = mock(NotificationMailer);
  mailer.afterWrite.mockResolvedValue(false);
  return { sut, rows, mailer };
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
    expect(row.groupKey).toBe(row.id); // a follow of no subject stands alone
  });

  it('groups a like with the other likes of its subject that day, and hands the written row to the mailer', async () => {
    const { sut, rows, mailer } = setUp();
    const subjectId = '00000000-0000-7000-8000-0000000000c1';
    await sut.notify(TEST_MANAGER, { ...event, kind: 'LIKE', subjectKind: 'MODEL', subjectId });
    const [, row] = rows.insertIfAbsent.mock.calls[0]!;
    expect(row.groupKey).toBe(`LIKE:MODEL:${subjectId}:2026-12-07`);
    expect(mailer.afterWrite).toHaveBeenCalledWith(TEST_MANAGER, row);
  });

  it('puts the actor’s public name before a predicate, and leaves a sentence or an actorless line alone', async () => {
    const { sut, rows } = setUp();
    rows.publicName.mockResolvedValue('Mira K.');
    const texts = async (change: Partial<NotificationEvent>) => {
      rows.insertIfAbsent.mockClear();
      await sut.notify(TEST_MANAGER, { ...event, ...change });
      return rows.insertIfAbsent.mock.calls[0]![1].text;
    };
    expect(await texts({ kind: 'REVIEW_REPLY', text: 'replied to your review' })).toBe(
      'Mira K. replied to your review',
    );
    expect(await texts({ text: 'Mira K. followed you' })).toBe('Mira K. followed you');
    rows.publicName.mockResolvedValue('mira');
    expect(await texts({ kind: 'LIKE', text: 'mira liked Neon' })).toBe('mira liked Neon');
    expect(await texts({ kind: 'MENTION', text: 'mentioned you' })).toBe('mira mentioned you');
    expect(await texts({ actorId: null, kind: 'SAVED_SEARCH_MATCH', text: '3 new matches' })).toBe('3 new matches');
    expect(await texts({ actorId: null, kind: 'SALE', text: 'someone licensed Neon' })).toBe('someone licensed Neon');
    rows.publicName.mockResolvedValue(null);
    expect(await texts({ text: 'mentioned you' })).toBe('mentioned you');
  });

  it.each([
    ['a NUL and other controls', 'commented: a\u0000b\u0007c\u009fd', 'commented: abcd'],
    ['a bidi override', 'commented: \u202egnp.exe', 'commented: gnp.exe'],
    ['a lone surrogate', 'commented: x\ud800y', 'commented: x\ufffdy'],
    ['line and paragraph separators', 'commented:\u2028a\u2029\u00a0b\r\n\tc', 'commented: a b c'],
    ['markup (kept as text: the client escapes it)', 'commented: <script>x</script>', 'commented: <script>x</script>'],
  ])('stores a text with %s as one clean line', async (_name, text, stored) => {
    const { sut, rows } = setUp();
    await sut.notify(TEST_MANAGER, { ...event, actorId: null, kind: 'COMMENT', text });
    expect(rows.insertIfAbsent.mock.calls[0]![1].text).toBe(stored);
  });

  it('cuts a long text at 500 code points, never inside a character', async () => {
    const { sut, rows } = setUp();
    for (const [text, length] of [
      ['a'.repeat(499) + '😀😀', 500],
      ['😀'.repeat(600), 500],
      ['é'.repeat(500), 500],
      ['x'.repeat(10), 10],
    ] as const) {
      rows.insertIfAbsent.mockClear();
      await sut.notify(TEST_MANAGER, { ...event, actorId: null, text });
      const stored = rows.insertIfAbsent.mock.calls[0]![1].text;
      expect(stored.isWellFormed()).toBe(true);
      expect(Array.from(stored).length).toBe(length);
      expect(text.startsWith(stored)).toBe(true);
    }
  });

  it('refuses a text with nothing left once cleaned, and writes nothing', async () => {
    const { sut, rows } = setUp();
    await expect(sut.notify(TEST_MANAGER, { ...event, text: '\u0000\u0001 \u202e' })).rejects.toThrow(/no text/);
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
  });

  it('looks an actor’s name up once per transaction, however many recipients it notifies', async () => {
    const { sut, rows } = setUp();
    rows.publicName.mockImplementation(async (_m, id) => `Name of ${id.slice(-1)}`);
    const tx = (n: number) => ({ queryRunner: { n } }) as unknown as EntityManager;
    const [first, second] = [tx(1), tx(2)];
    const recipient = (i: number) => `00000000-0000-7000-8000-00000000010${i}`;
    const texts: string[] = [];
    const send = async (manager: EntityManager, actorId: string, i: number) => {
      rows.insertIfAbsent.mockClear();
      await sut.notify(manager, {
        ...event,
        kind: 'MENTION',
        text: 'mentioned you',
        actorId,
        recipientId: recipient(i),
      });
      texts.push(rows.insertIfAbsent.mock.calls[0]![1].text);
    };
    for (let i = 0; i < 4; i++) await send(first, event.actorId!, i);
    expect(rows.publicName).toHaveBeenCalledTimes(1);
    await send(first, '00000000-0000-7000-8000-000000000003', 5); // another actor
    await send(second, event.actorId!, 6); // another transaction
    expect(rows.publicName.mock.calls.map(([m, id]) => [m, id])).toEqual([
      [first, event.actorId],
      [first, '00000000-0000-7000-8000-000000000003'],
      [second, event.actorId],
    ]);
    expect(texts).toEqual([
      ...Array(4).fill('Name of 2 mentioned you'),
      'Name of 3 mentioned you',
      'Name of 2 mentioned you',
    ]);
    // The shared manager (no transaction of its own) is never cached: a name may change between calls.
    rows.publicName.mockClear();
    await send(TEST_MANAGER, event.actorId!, 7);
    await send(TEST_MANAGER, event.actorId!, 8);
    expect(rows.publicName).toHaveBeenCalledTimes(2);
  });

  it('mails nothing for a notification its dedupe key already wrote', async () => {
    const { sut, rows, mailer } = setUp();
    rows.insertIfAbsent.mockResolvedValue(false);
    await sut.notify(TEST_MANAGER, event);
    expect(mailer.afterWrite).not.toHaveBeenCalled();
  });

  it('writes and mails nothing between two members apart by a block, and asks only when there is an actor', async () => {
    const { sut, rows, mailer } = setUp();
    rows.blockedBetween.mockResolvedValue(true);
    await sut.notify(TEST_MANAGER, event);
    await sut.notify(TEST_MANAGER, { ...event, kind: 'MENTION', text: 'mentioned you' });
    expect(rows.blockedBetween).toHaveBeenCalledWith(TEST_MANAGER, event.recipientId, event.actorId);
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
    expect(rows.publicName).not.toHaveBeenCalled();
    expect(mailer.afterWrite).not.toHaveBeenCalled();
    rows.blockedBetween.mockClear();
    await sut.notify(TEST_MANAGER, { ...event, actorId: null, kind: 'SALE', text: 'Someone licensed Neon' });
    expect(rows.blockedBetween).not.toHaveBeenCalled();
    expect(rows.insertIfAbsent).toHaveBeenCalledTimes(1);
    // Business a block does not end is still written between them.
    rows.publicName.mockResolvedValue('Ada');
    for (const kind of ['SALE', 'REMIX_REQUEST', 'REMIX_DECISION', 'LICENSE_REVOKED'] as const)
      await sut.notify(TEST_MANAGER, { ...event, kind, dedupeKey: `k-${kind}`, text: 'licensed Neon' });
    expect(rows.blockedBetween).not.toHaveBeenCalled();
    expect(rows.insertIfAbsent).toHaveBeenCalledTimes(5);
  });

  it('never notifies a member of their own act', async () => {
    const { sut, rows } = setUp();
    await sut.notify(TEST_MANAGER, { ...event, actorId: event.recipientId });
    await sut.notify(TEST_MANAGER, { ...event, kind: 'LIKE', actorId: event.recipientId, subjectId: 'x' });
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
  });

  it.each([
    ['no dedupe key', { dedupeKey: '' }],
    ['an unknown kind', { kind: 'POKE' }],
    ['an absolute url', { url: 'https://evil.example/' }],
    ['a protocol-relative url', { url: '//evil.example/' }],
    ['a backslash url', { url: '/\\evil.example/' }],
    ['no text', { text: '' }],
  ])('refuses a malformed event (%s) and writes nothing', async (_name, change) => {
    const { sut, rows } = setUp();
    await expect(sut.notify(TEST_MANAGER, { ...event, ...change } as NotificationEvent)).rejects.toThrow(/malformed/);
    expect(rows.insertIfAbsent).not.toHaveBeenCalled();
  });
});
