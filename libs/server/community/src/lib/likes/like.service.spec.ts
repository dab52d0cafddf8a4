import { Clock, Notifier, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityLimits } from '../community-limits';
import { emptyCounts, shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import { LikeRepository } from './like.repository';
import { LikeService } from './like.service';

const fan = '00000000-0000-4000-8000-0000000000f1';
const owner = '00000000-0000-4000-8000-0000000000a1';
const item = '00000000-0000-4000-8000-0000000000c1';
const client = { ip: '203.0.113.9', userAgent: null };

function setUp(found: { ownerId?: string | null; blocked?: boolean; inserted?: boolean; deleted?: boolean } = {}) {
  const { sut, mock } = newTestService(LikeService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  const ownerId = found.ownerId === undefined ? owner : found.ownerId;
  mock(SubjectRepository).publicSubject.mockImplementation(async (kind, id) =>
    ownerId ? { kind, id, ownerId } : null,
  );
  mock(SubjectRepository).describe.mockResolvedValue({
    actorName: 'Ada',
    actorHandle: 'ada',
    name: 'Neon Harbour',
    url: `/models/${item}`,
  });
  mock(BlockRepository).between.mockResolvedValue(found.blocked ?? false);
  mock(Notifier).notify.mockResolvedValue(undefined);
  const likes = mock(LikeRepository);
  likes.insert.mockResolvedValue(found.inserted ?? true);
  likes.delete.mockResolvedValue(found.deleted ?? true);
  likes.likedAmong.mockResolvedValue(new Set([item]));
  const counters = mock(CounterRepository);
  counters.bump.mockResolvedValue(undefined);
  counters.countsOf.mockResolvedValue(new Map([[item, { ...emptyCounts(), LIKES: 7 }]]));
  return { sut, mock, likes, counters };
}

describe('LikeService', () => {
  it.each(['MODEL', 'TEMPLATE', 'IMAGE'] as const)(
    'likes a %s: the row, its count and the owner’s likes received in one transaction, on the liker’s shard',
    async (kind) => {
      const { sut, counters, likes } = setUp();
      expect(await sut.like(anActor(fan), client, kind, item)).toEqual({ kind, id: item, liked: true, likeCount: 7 });
      expect(likes.insert).toHaveBeenCalledWith(TEST_MANAGER, fan, kind, item, expect.any(Date));
      expect(counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(fan), [
        { kind, id: item, metric: 'LIKES', delta: 1 },
        { kind: 'USER', id: owner, metric: 'LIKES_RECEIVED', delta: 1 },
      ]);
    },
  );

  it.each([
    ['MODEL', 'Ada liked Neon Harbour'],
    ['TEMPLATE', 'Ada liked Neon Harbour'],
    ['IMAGE', 'Ada liked your sample image of Neon Harbour'],
  ] as const)(
    'notifies the owner of a like of a %s in the same transaction, once per liker and item',
    async (kind, text) => {
      const { sut, mock } = setUp();
      await sut.like(anActor(fan), client, kind, item);
      expect(mock(Notifier).notify).toHaveBeenCalledWith(TEST_MANAGER, {
        recipientId: owner,
        kind: 'LIKE',
        actorId: fan,
        subjectKind: kind,
        subjectId: item,
        text,
        url: `/models/${item}`,
        dedupeKey: `community.like:${fan}:${kind}:${item}`,
      });
    },
  );

  it('changes no count and notifies nobody for a like that was already there (idempotent)', async () => {
    const { sut, counters, mock } = setUp({ inserted: false });
    await expect(sut.like(anActor(fan), client, 'MODEL', item)).resolves.toMatchObject({ liked: true });
    expect(counters.bump).not.toHaveBeenCalled();
    expect(mock(Notifier).notify).not.toHaveBeenCalled();
  });

  it.each([
    ['your own work', { ownerId: fan }, 'SELF_LIKE'],
    ['an unknown or hidden item', { ownerId: null }, 'SUBJECT_NOT_FOUND'],
    ['work across a block', { blocked: true }, 'BLOCKED'],
  ])('refuses %s, writing nothing', async (_, found, code) => {
    const { sut, likes, counters, mock } = setUp(found);
    await expect(sut.like(anActor(fan), client, 'MODEL', item)).rejects.toMatchObject({ code });
    expect(likes.insert).not.toHaveBeenCalled();
    expect(counters.bump).not.toHaveBeenCalled();
    expect(mock(Notifier).notify).not.toHaveBeenCalled();
  });

  it('is rate limited before anything is read or written', async () => {
    const { sut, mock, likes } = setUp();
    mock(CommunityLimits).write.mockRejectedValue(new RateLimitedError(12));
    await expect(sut.like(anActor(fan), client, 'MODEL', item)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(sut.unlike(anActor(fan), client, 'MODEL', item)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(mock(SubjectRepository).publicSubject).not.toHaveBeenCalled();
    expect(likes.insert).not.toHaveBeenCalled();
    expect(likes.delete).not.toHaveBeenCalled();
  });

  it('takes a like back whatever became of the item, crediting the owner back; a second unlike changes nothing', async () => {
    const { sut, counters, mock } = setUp();
    await sut.unlike(anActor(fan), client, 'TEMPLATE', item);
    expect(mock(SubjectRepository).publicSubject).toHaveBeenCalledWith('TEMPLATE', item, true);
    expect(counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(fan), [
      { kind: 'TEMPLATE', id: item, metric: 'LIKES', delta: -1 },
      { kind: 'USER', id: owner, metric: 'LIKES_RECEIVED', delta: -1 },
    ]);
    const again = setUp({ deleted: false });
    await again.sut.unlike(anActor(fan), client, 'TEMPLATE', item);
    expect(again.counters.bump).not.toHaveBeenCalled();
  });
});
