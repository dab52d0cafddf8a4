import { APP_CONFIG, MailOutbox, Transactions } from '@lookbook/core';
import type { OutgoingMail } from '@lookbook/core';
import { InlineTransactions, newTestService, TEST_MANAGER, testConfig } from '@lookbook/testing';
import type { NotificationEntity } from '../inbox/notification.entity';
import type { DigestRow } from '../inbox/notification.repository';
import { NotificationRepository } from '../inbox/notification.repository';
import { PreferenceRepository } from '../preferences/preference.repository';
import { NotificationMailer, previousDay } from './notification-mailer.service';
import { UnsubscribeTokens } from './unsubscribe-token';

const ada = '00000000-0000-4000-8000-0000000000a1';
const tom = '00000000-0000-4000-8000-0000000000b2';
const tokens = new UnsubscribeTokens(new TextEncoder().encode('s'.repeat(40)));
const config = testConfig({ PUBLIC_URL: 'https://lookbook.example' });

const notification = (change: Partial<NotificationEntity> = {}): NotificationEntity => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  recipientId: ada,
  kind: 'SALE',
  actorId: null,
  subjectKind: 'ORDER',
  subjectId: null,
  text: 'New sale: someone licensed Neon Harbour',
  url: '/earnings',
  dedupeKey: 'k',
  groupKey: '00000000-0000-4000-8000-0000000000e1',
  createdAt: new Date('2026-12-07T10:00:00Z'),
  readAt: null,
  ...change,
});

function setUp(chosen: { kind: 'SALE' | 'LIKE'; inApp: boolean; email: 'OFF' | 'IMMEDIATE' | 'DIGEST' }[] = []) {
  const { sut, mock } = newTestService(NotificationMailer, [
    [APP_CONFIG, config],
    [UnsubscribeTokens, tokens],
    [Transactions, new InlineTransactions()],
  ]);
  const queued: OutgoingMail[] = [];
  mock(MailOutbox).queue.mockImplementation(async (_m: unknown, mail: OutgoingMail) => void queued.push(mail));
  const prefs = mock(PreferenceRepository);
  prefs.chosenBy.mockResolvedValue(chosen);
  prefs.chosenByAll.mockImplementation(
    async (ids: readonly string[]) => new Map(ids.map((id) => [id, id === ada ? chosen : []])),
  );
  const rows = mock(NotificationRepository);
  rows.verifiedAddress.mockResolvedValue('ada@example.com');
  rows.groupSize.mockResolvedValue(1);
  return { sut, queued, rows, mock };
}

describe('NotificationMailer, at once', () => {
  it('mails a kind mailed immediately, keyed by the notification, with one-click unsubscribe for that kind', async () => {
    const { sut, queued, mock } = setUp();
    expect(await sut.afterWrite(TEST_MANAGER, notification())).toBe(true);
    expect(mock(MailOutbox).queue).toHaveBeenCalledWith(TEST_MANAGER, expect.anything());
    const [mail] = queued;
    expect(mail).toMatchObject({
      idempotencyKey: `notifications.immediate:${notification().id}`,
      to: 'ada@example.com',
      subject: 'New sale: someone licensed Neon Harbour',
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    const link = /^<(.+)>$/.exec(mail!.headers!['List-Unsubscribe']!)![1]!;
    const url = new URL(link);
    expect(url.origin).toBe('https://lookbook.example');
    expect(tokens.verify(url.searchParams.get('u')!, url.searchParams.get('k')!, url.searchParams.get('t')!)).toBe(
      true,
    );
    expect(url.searchParams.get('k')).toBe('SALE');
    expect(mail!.text).toContain(link);
    expect(mail!.text).toContain('https://lookbook.example/earnings');
  });

  it.each([
    ['a kind in the digest by default', [], notification({ kind: 'LIKE' })],
    ['a kind the member turned off', [{ kind: 'SALE', inApp: true, email: 'OFF' }], notification()],
    ['a kind the member moved to the digest', [{ kind: 'SALE', inApp: true, email: 'DIGEST' }], notification()],
  ] as const)('mails nothing now for %s', async (_what, chosen, n) => {
    const { sut, queued } = setUp([...chosen]);
    expect(await sut.afterWrite(TEST_MANAGER, n)).toBe(false);
    expect(queued).toEqual([]);
  });

  it('mails a storm once: only the first of a grouped kind’s group', async () => {
    const { sut, queued, rows } = setUp([{ kind: 'LIKE', inApp: true, email: 'IMMEDIATE' }]);
    const like = notification({ kind: 'LIKE', groupKey: 'LIKE:MODEL:m:2026-12-07' });
    expect(await sut.afterWrite(TEST_MANAGER, like)).toBe(true);
    rows.groupSize.mockResolvedValue(2);
    expect(await sut.afterWrite(TEST_MANAGER, { ...like, id: 'n2' })).toBe(false);
    expect(queued).toHaveLength(1);
  });

  it('mails nobody without a verified address', async () => {
    const { sut, queued, rows } = setUp();
    rows.verifiedAddress.mockResolvedValue(null);
    expect(await sut.afterWrite(TEST_MANAGER, notification())).toBe(false);
    expect(queued).toEqual([]);
  });
});

describe('NotificationMailer, the digest', () => {
  const row = (recipientId: string, change: Partial<DigestRow>): DigestRow => ({
    recipientId,
    email: `${recipientId === ada ? 'ada' : 'tom'}@example.com`,
    kind: 'LIKE',
    text: 'Fan liked Neon Harbour',
    url: '/models/m1',
    groupKey: 'LIKE:MODEL:m1:2026-12-07',
    actorName: 'Fan',
    createdAt: new Date('2026-12-07T10:00:00Z'),
    ...change,
  });

  it('sends each member one mail of the day’s digest kinds, grouped, and skips members with none', async () => {
    const { sut, queued, rows } = setUp();
    rows.unreadBetween.mockResolvedValue([
      row(ada, { text: 'Bo liked Neon Harbour', actorName: 'Bo' }),
      row(ada, { text: 'Cy liked Neon Harbour', actorName: 'Cy' }),
      row(ada, { kind: 'SALE', text: 'New sale', groupKey: 's1', url: '/earnings' }),
      row(tom, { kind: 'SALE', text: 'New sale', groupKey: 's2', url: '/earnings' }),
    ]);
    expect(await sut.queueDigests('2026-12-07')).toBe(1);
    expect(rows.unreadBetween).toHaveBeenCalledWith(
      new Date('2026-12-07T00:00:00.000Z'),
      new Date('2026-12-08T00:00:00.000Z'),
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      idempotencyKey: `notifications.digest:${ada}:2026-12-07`,
      to: 'ada@example.com',
    });
    expect(queued[0]!.text).toContain('Cy and 1 other liked Neon Harbour');
    expect(queued[0]!.text).not.toContain('New sale'); // mailed at once, not again in the digest
    expect(new URL(/^<(.+)>$/.exec(queued[0]!.headers!['List-Unsubscribe']!)![1]!).searchParams.get('k')).toBe(
      'DIGEST',
    );
  });

  it('follows the member’s choice: a kind moved out of the digest is left out', async () => {
    const { sut, queued, rows } = setUp([{ kind: 'LIKE', inApp: true, email: 'OFF' }]);
    rows.unreadBetween.mockResolvedValue([row(ada, {})]);
    expect(await sut.queueDigests('2026-12-07')).toBe(0);
    expect(queued).toEqual([]);
  });

  it.each(['2026-13-45', 'yesterday', ''])('refuses a day that is not one (%s)', async (day) => {
    const { sut } = setUp();
    await expect(sut.queueDigests(day)).rejects.toThrow(/not a day/);
  });

  it('covers the UTC day before', () => {
    expect(previousDay(new Date('2026-12-08T07:00:00Z'))).toBe('2026-12-07');
    expect(previousDay(new Date('2026-01-01T00:30:00Z'))).toBe('2025-12-31');
  });
});
