import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { newId } from '@lookbook/kernel';
import { NotificationEntity } from './notification.entity';
import { groupKeyOf } from './notification-rules';
import type { RetentionCursor } from './notification.repository';
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

  const row = (key: string, change: Partial<NotificationEntity> = {}): NotificationEntity => {
    const id = newId();
    return {
      id,
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
      groupKey: id,
      ...change,
    };
  };
  const write = (n: NotificationEntity) => bed.dataSource.transaction((m) => notifications.insertIfAbsent(m, n));

  it('writes one notification per dedupe key, and only when the transaction commits', async () => {
    const first = row('n-1');
    expect(await write(first)).toBe(true);
    expect(await write(row('n-1'))).toBe(false);
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
    await expect(write({ ...row('n-3'), actorId: recipientId })).rejects.toThrow(/notification_not_self/);
    await expect(write({ ...row('n-4'), url: 'https://x.example' })).rejects.toThrow(/check/i);
  });

  describe('groups', () => {
    let owner: string;
    let fans: { id: string; handle: string }[];
    const model = newId();
    const day = new Date('2026-12-07T08:00:00.000Z');

    beforeAll(async () => {
      owner = (await bed.seed.user()).id;
      fans = [];
      for (let i = 0; i < 3; i++) fans.push(await bed.seed.user());
      // A storm: 1,000 likes of one model in one day (three real fans; the rest without a profile any more).
      const rows: NotificationEntity[] = Array.from({ length: 1000 }, (_, i) => {
        const at = new Date(day.getTime() + i * 1000);
        const fields = { id: newId(), kind: 'LIKE' as const, subjectKind: 'MODEL', subjectId: model };
        return {
          ...fields,
          recipientId: owner,
          actorId: i >= 997 ? fans[i - 997]!.id : null,
          text: `Fan ${i} liked Neon Harbour`,
          url: `/models/${model}`,
          dedupeKey: `storm:${i}`,
          groupKey: groupKeyOf(fields, at),
          createdAt: at,
          readAt: null,
        };
      });
      await bed.dataSource.getRepository(NotificationEntity).insert(rows);
      // Then a sale and a follow, later that day, and a like of the model the next day (a group of its own).
      await write(row('g-sale', { recipientId: owner, createdAt: new Date('2026-12-07T12:00:00Z') }));
      const follow = { id: newId(), kind: 'FOLLOW' as const, subjectKind: 'USER', subjectId: owner };
      const at = new Date('2026-12-07T13:00:00Z');
      await write({
        ...row('g-follow'),
        ...follow,
        recipientId: owner,
        actorId: fans[0]!.id,
        groupKey: groupKeyOf(follow, at),
        createdAt: at,
      });
      const next = { id: newId(), kind: 'LIKE' as const, subjectKind: 'MODEL', subjectId: model };
      const later = new Date('2026-12-08T09:00:00Z');
      await write({
        ...row('g-next'),
        ...next,
        recipientId: owner,
        groupKey: groupKeyOf(next, later),
        createdAt: later,
      });
    });

    const page = (q: Partial<Parameters<NotificationRepository['groups']>[1]> = {}) =>
      notifications.groups(owner, { unreadOnly: false, hiddenKinds: [], before: null, limit: 10, ...q });

    it('reads a storm of 1,000 as one group headed by its newest, with its actor’s public name', async () => {
      const groups = await page();
      expect(groups.map((g) => [g.kind, g.count])).toEqual([
        ['LIKE', 1],
        ['FOLLOW', 1],
        ['SALE', 1],
        ['LIKE', 1000],
      ]);
      const storm = groups[3]!;
      expect(storm).toMatchObject({ text: 'Fan 999 liked Neon Harbour', unread: 1000, actorId: fans[2]!.id });
      expect(storm.actorName).toEqual(expect.any(String));
      expect(storm.actorHandle).toBe(fans[2]!.handle);
      expect(await notifications.unreadGroupCount(owner, [])).toBe(4);
    });

    it('pages by the group head, hides kinds turned off, and filters to unread', async () => {
      const first = await page({ limit: 2 });
      const rest = await page({ before: { at: first[1]!.createdAt, id: first[1]!.id } });
      expect([...first, ...rest].map((g) => g.kind)).toEqual(['LIKE', 'FOLLOW', 'SALE', 'LIKE']);
      expect((await page({ hiddenKinds: ['LIKE'] })).map((g) => g.kind)).toEqual(['FOLLOW', 'SALE']);
      expect(await notifications.unreadGroupCount(owner, ['LIKE', 'SALE'])).toBe(1);
    });

    it('marks a whole group read by its head, ignores others’ ids, and marks all', async () => {
      const [, , , storm] = await page();
      const foreign = row('g-foreign');
      await write(foreign);
      const changed = await bed.dataSource.transaction((m) =>
        notifications.markGroupsRead(m, owner, [storm!.id, foreign.id], new Date()),
      );
      expect(changed).toBe(1000);
      expect((await notifications.findByDedupeKey('g-foreign'))!.readAt).toBeNull();
      expect(await notifications.unreadGroupCount(owner, [])).toBe(3);
      const unread = await page({ unreadOnly: true });
      expect(unread.map((g) => g.kind)).toEqual(['LIKE', 'FOLLOW', 'SALE']);
      expect((await page()).find((g) => g.count === 1000)!.unread).toBe(0);
      expect(await bed.dataSource.transaction((m) => notifications.markAllRead(m, owner, new Date()))).toBe(3);
      expect(await notifications.unreadGroupCount(owner, [])).toBe(0);
      expect(await page({ unreadOnly: true })).toEqual([]);
    });

    it('counts a group’s members in the writing transaction', async () => {
      const key = groupKeyOf({ id: 'x', kind: 'LIKE', subjectKind: 'MODEL', subjectId: model }, day);
      expect(await bed.dataSource.transaction((m) => notifications.groupSize(m, owner, key))).toBe(1000);
      expect(await bed.dataSource.transaction((m) => notifications.groupSize(m, owner, 'none'))).toBe(0);
    });
  });

  describe('blocks', () => {
    let ada: string; // the recipient
    let ben: string; // Ada blocked him
    let cyd: string; // she blocked Ada
    let dee: string; // no block with Ada (but she blocked Ben: none of Ada's business)
    const model = newId();
    const at = new Date('2026-10-05T09:00:00.000Z');
    const block = (blocker: string, blocked: string) =>
      bed.dataSource.query(
        `INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`,
        [blocker, blocked],
      );
    const like = (actorId: string, i: number) => {
      const fields = { id: newId(), kind: 'LIKE' as const, subjectKind: 'MODEL', subjectId: model };
      const when = new Date(at.getTime() + i * 60_000);
      return write({
        ...row(`b-like-${i}`),
        ...fields,
        recipientId: ada,
        actorId,
        text: `${actorId} liked Neon Harbour`,
        groupKey: groupKeyOf(fields, when),
        createdAt: when,
      });
    };
    const page = () => notifications.groups(ada, { unreadOnly: false, hiddenKinds: [], before: null, limit: 10 });
    const digest = async () =>
      (await notifications.unreadBetween(at, new Date(at.getTime() + 86_400_000)))
        .filter((r) => r.recipientId === ada)
        .map((r) => r.text);

    beforeAll(async () => {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push((await bed.seed.user()).id);
      [ada, ben, cyd, dee] = ids as [string, string, string, string];
      await bed.dataSource.query(`UPDATE identity."user" SET email_verified_at = now() WHERE id = $1`, [ada]);
      // Written before any block: a storm of likes by Dee, Ben and Cyd (Cyd's the newest), a follow by Ben, a
      // comment by Dee and a sale to Ben (business: a block does not hide it).
      await like(dee!, 0);
      await like(ben!, 1);
      await like(cyd!, 2);
      await write(
        row('b-follow', {
          recipientId: ada,
          actorId: ben,
          kind: 'FOLLOW',
          text: 'Ben followed you',
          createdAt: new Date(at.getTime() + 180_000),
        }),
      );
      await write(
        row('b-comment', {
          recipientId: ada,
          actorId: dee,
          kind: 'COMMENT',
          text: 'Dee commented',
          createdAt: new Date(at.getTime() + 240_000),
        }),
      );
      await write(
        row('b-sale', {
          recipientId: ada,
          actorId: ben,
          kind: 'SALE',
          text: 'Someone licensed Neon',
          createdAt: new Date(at.getTime() + 300_000),
        }),
      );
    });

    it('shows everything while nobody blocks', async () => {
      expect((await page()).map((g) => [g.kind, g.count, g.unread])).toEqual([
        ['SALE', 1, 1],
        ['COMMENT', 1, 1],
        ['FOLLOW', 1, 1],
        ['LIKE', 3, 3],
      ]);
      expect(await notifications.unreadGroupCount(ada, [])).toBe(4);
      expect(await digest()).toHaveLength(6);
    });

    it('hides, at read time, what the blocked or blocking actor caused: in the list, the count and the digest', async () => {
      await block(ada, ben);
      await block(cyd, ada);
      await block(dee, ben); // between two others: changes nothing for Ada
      const groups = await page();
      expect(groups.map((g) => [g.kind, g.count, g.unread])).toEqual([
        ['SALE', 1, 1],
        ['COMMENT', 1, 1],
        ['LIKE', 1, 1],
      ]);
      // The storm's head is its newest visible like (Dee's), not Cyd's.
      expect(groups[2]).toMatchObject({ actorId: dee, text: `${dee} liked Neon Harbour` });
      expect(await notifications.unreadGroupCount(ada, [])).toBe(3);
      expect(await notifications.unreadGroupCount(ada, ['LIKE'])).toBe(2);
      expect(await digest()).toEqual([`${dee} liked Neon Harbour`, 'Dee commented', 'Someone licensed Neon']);
    });

    it('tells whether two members are apart by a block, either way', async () => {
      const outsider = (await bed.seed.user()).id;
      const between = (a: string, b: string) =>
        bed.dataSource.transaction((m) => notifications.blockedBetween(m, a, b));
      expect(await between(ada, ben)).toBe(true); // Ada blocked Ben
      expect(await between(ben, ada)).toBe(true);
      expect(await between(ada, cyd)).toBe(true); // Cyd blocked Ada
      expect(await between(ada, dee)).toBe(false);
      expect(await between(dee, ben)).toBe(true);
      expect(await between(outsider, ben)).toBe(false);
    });

    it('keeps the counts right as lines are read, and brings the lines back when the block is lifted', async () => {
      const [sale] = await page();
      await bed.dataSource.transaction((m) => notifications.markGroupsRead(m, ada, [sale!.id], new Date()));
      expect(await notifications.unreadGroupCount(ada, [])).toBe(2);
      await bed.dataSource.query(`DELETE FROM community.user_block WHERE blocker_id = $1 AND blocked_id = $2`, [
        ada,
        ben,
      ]);
      expect((await page()).map((g) => [g.kind, g.count, g.unread])).toEqual([
        ['SALE', 1, 0],
        ['COMMENT', 1, 1],
        ['FOLLOW', 1, 1],
        ['LIKE', 2, 2],
      ]);
      expect(await notifications.unreadGroupCount(ada, [])).toBe(3);
    });
  });

  it('finds a verified address only, and the day’s unread notifications of verified members', async () => {
    const verified = await bed.seed.user();
    const unverified = await bed.seed.user();
    await bed.dataSource.query(`UPDATE identity."user" SET email_verified_at = now() WHERE id = $1`, [verified.id]);
    const at = new Date('2026-11-02T10:00:00Z');
    await write(row('d-1', { recipientId: verified.id, createdAt: at }));
    await write(row('d-2', { recipientId: verified.id, createdAt: at, readAt: at }));
    await write(row('d-3', { recipientId: unverified.id, createdAt: at }));
    await write(row('d-4', { recipientId: verified.id, createdAt: new Date('2026-11-03T00:00:00Z') }));
    await bed.dataSource.transaction(async (m) => {
      expect(await notifications.verifiedAddress(m, verified.id)).toBe(verified.email.toLowerCase());
      expect(await notifications.verifiedAddress(m, unverified.id)).toBeNull();
    });
    const rows = await notifications.unreadBetween(new Date('2026-11-02T00:00:00Z'), new Date('2026-11-03T00:00:00Z'));
    expect(rows.map((r) => [r.recipientId, r.email.toLowerCase()])).toEqual([
      [verified.id, verified.email.toLowerCase()],
    ]);
  });

  describe('retention', () => {
    // Long ago, so the rest of this file's notifications are all younger than both limits.
    const now = new Date('2002-01-01T00:00:00.000Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const readBefore = daysAgo(90);
    const anyBefore = daysAgo(365);
    const sweep = async (limit: number) => {
      let after: RetentionCursor | null = null;
      let deleted = 0;
      let batches = 0;
      for (;;) {
        const batch = await notifications.deleteExpiredBatch(readBefore, anyBefore, after, limit);
        deleted += batch.deleted;
        batches += 1;
        if (!batch.last) return { deleted, batches };
        expect(batch.deleted).toBeLessThanOrEqual(limit);
        after = batch.last;
      }
    };
    const left = async (prefix: string) =>
      (
        await bed.dataSource.query<{ dedupe_key: string }[]>(
          `SELECT dedupe_key FROM notifications.notification WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
          [`${prefix}%`],
        )
      ).map((r) => r.dedupe_key);

    it('deletes read ones past the read limit and any past the longer one, in bounded batches', async () => {
      const other = (await bed.seed.user()).id;
      const tie = daysAgo(200); // many in one instant: a batch boundary inside it must neither skip nor repeat
      const cases: [string, Date, Date | null, string?][] = [
        ['r-read-100', daysAgo(100), daysAgo(99)],
        ['r-read-91', daysAgo(91), daysAgo(1)], // written 91 days ago, read yesterday: it is the writing that counts
        ['r-keep-read-89', daysAgo(89), daysAgo(88)],
        ['r-keep-unread-100', daysAgo(100), null],
        ['r-keep-unread-364', daysAgo(364), null],
        ['r-unread-366', daysAgo(366), null],
        ['r-unread-900', daysAgo(900), null, other],
        ['r-read-400', daysAgo(400), daysAgo(399), other],
        ...[0, 1, 2, 3, 4].map((i): [string, Date, Date | null] => [`r-tie-read-${i}`, tie, tie]),
        ...[0, 1, 2].map((i): [string, Date, Date | null] => [`r-keep-tie-unread-${i}`, tie, null]),
      ];
      for (const [key, createdAt, readAt, recipient] of cases) {
        await write(row(key, { createdAt, readAt, recipientId: recipient ?? recipientId }));
      }
      const others = (
        await bed.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications.notification WHERE dedupe_key NOT LIKE 'r-%'`,
        )
      )[0]!.n;

      const { deleted, batches } = await sweep(2);
      expect(deleted).toBe(10);
      expect(batches).toBeGreaterThanOrEqual(8); // 15 rows looked at, two at a time
      expect(await left('r-')).toEqual([
        'r-keep-read-89',
        'r-keep-tie-unread-0',
        'r-keep-tie-unread-1',
        'r-keep-tie-unread-2',
        'r-keep-unread-100',
        'r-keep-unread-364',
      ]);
      // Younger notifications are untouched, and a second sweep finds nothing more.
      expect(
        (
          await bed.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM notifications.notification WHERE dedupe_key NOT LIKE 'r-%'`,
          )
        )[0]!.n,
      ).toBe(others);
      expect((await sweep(1000)).deleted).toBe(0);
    });

    it('ends with no cursor when nothing is old enough', async () => {
      expect(await notifications.deleteExpiredBatch(daysAgo(100_000), daysAgo(100_000), null, 10)).toEqual({
        deleted: 0,
        last: null,
      });
    });
  });
});
