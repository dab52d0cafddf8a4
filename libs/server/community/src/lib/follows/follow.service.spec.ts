import { Clock, Notifier, Transactions } from '@lookbook/core';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityLimits } from '../community-limits';
import { emptyCounts, shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import { FollowRepository } from './follow.repository';
import { FollowService } from './follow.service';

const me = '00000000-0000-4000-8000-0000000000f1';
const mira = '00000000-0000-4000-8000-0000000000a1';
const ip = '00000000-0000-4000-8000-0000000000b1';
const client = { ip: '203.0.113.9', userAgent: null };

interface Found {
  ownerId?: string | null;
  blocked?: readonly boolean[];
  inserted?: boolean;
  deleted?: boolean;
}

function setUp(found: Found = {}) {
  const { sut, mock } = newTestService(FollowService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  const ownerId = found.ownerId === undefined ? mira : found.ownerId;
  mock(SubjectRepository).publicSubject.mockImplementation(async (kind, id) =>
    ownerId ? { kind, id, ownerId: kind === 'USER' ? id : ownerId } : null,
  );
  mock(SubjectRepository).describe.mockImplementation(async (kind) => ({
    actorName: 'Ada',
    actorHandle: 'ada',
    name: kind === 'IP' ? 'Zephyr' : 'Mira',
    url: '/',
  }));
  const notify = mock(Notifier).notify.mockResolvedValue(undefined);
  const between = mock(BlockRepository).between;
  for (const answer of found.blocked ?? [false, false]) between.mockResolvedValueOnce(answer);
  const follows = mock(FollowRepository);
  follows.insert.mockResolvedValue(found.inserted ?? true);
  follows.delete.mockResolvedValue(found.deleted ?? true);
  follows.followedAmong.mockImplementation(async (_, __, ids) => new Set(ids));
  const counters = mock(CounterRepository);
  counters.bump.mockResolvedValue(undefined);
  counters.countsOf.mockImplementation(
    async (_, ids) => new Map(ids.map((id) => [id, { ...emptyCounts(), FOLLOWERS: 3 }])),
  );
  return { sut, follows, counters, notify };
}

describe('FollowService', () => {
  it.each([
    ['USER', mira, mira, 'Ada followed you'],
    ['IP', ip, mira, 'Ada followed your IP Zephyr'],
  ] as const)(
    'notifies whoever owns a followed %s, once per follower and target',
    async (kind, id, recipient, text) => {
      const { sut, notify } = setUp();
      await sut.follow(anActor(me), client, kind, id);
      expect(notify).toHaveBeenCalledWith(TEST_MANAGER, {
        recipientId: recipient,
        kind: 'FOLLOW',
        actorId: me,
        subjectKind: kind,
        subjectId: id,
        text,
        url: '/u/ada',
        dedupeKey: `community.follow:${me}:${kind}:${id}`,
      });
    },
  );

  it('notifies nobody when already following or refused', async () => {
    const again = setUp({ inserted: false });
    await again.sut.follow(anActor(me), client, 'USER', mira);
    expect(again.notify).not.toHaveBeenCalled();
    const blocked = setUp({ blocked: [false, true] });
    await expect(blocked.sut.follow(anActor(me), client, 'USER', mira)).rejects.toMatchObject({ code: 'BLOCKED' });
    expect(blocked.notify).not.toHaveBeenCalled();
  });

  it.each([
    ['USER', mira],
    ['IP', ip],
  ] as const)('follows a %s: the row and both counters in one transaction', async (kind, id) => {
    const { sut, counters } = setUp();
    expect(await sut.follow(anActor(me), client, kind, id)).toEqual({ kind, id, following: true, followerCount: 3 });
    expect(counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(me), [
      { kind, id, metric: 'FOLLOWERS', delta: 1 },
      { kind: 'USER', id: me, metric: 'FOLLOWING', delta: 1 },
    ]);
  });

  it('changes no count when already following, nor when unfollowing twice', async () => {
    const repeat = setUp({ inserted: false });
    await repeat.sut.follow(anActor(me), client, 'USER', mira);
    expect(repeat.counters.bump).not.toHaveBeenCalled();
    const again = setUp({ deleted: false });
    await again.sut.unfollow(anActor(me), client, 'USER', mira);
    expect(again.counters.bump).not.toHaveBeenCalled();
  });

  it.each([
    ['yourself', 'USER', me, {}, 'SELF_FOLLOW'],
    ['your own IP', 'IP', ip, { ownerId: me }, 'SELF_FOLLOW'],
    ['an unknown member', 'USER', mira, { ownerId: null }, 'USER_NOT_FOUND'],
    ['an unknown IP', 'IP', ip, { ownerId: null }, 'IP_NOT_FOUND'],
    ['a member across a block', 'USER', mira, { blocked: [true] }, 'BLOCKED'],
    ['a member who blocks you while you follow', 'USER', mira, { blocked: [false, true] }, 'BLOCKED'],
  ] as [string, 'USER' | 'IP', string, Found, string][])(
    'refuses to follow %s, writing nothing',
    async (_, kind, id, found, code) => {
      const { sut, follows, counters } = setUp(found);
      await expect(sut.follow(anActor(me), client, kind, id)).rejects.toMatchObject({ code });
      expect(follows.insert).not.toHaveBeenCalled();
      expect(counters.bump).not.toHaveBeenCalled();
    },
  );
});
