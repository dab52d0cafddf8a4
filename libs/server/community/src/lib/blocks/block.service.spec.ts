import { Clock, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { CommunityLimits } from '../community-limits';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { FollowRepository } from '../follows/follow.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import { BlockRepository } from './block.repository';
import { BlockService } from './block.service';

const me = '00000000-0000-4000-8000-0000000000f1';
const troll = '00000000-0000-4000-8000-0000000000a7';
const client = { ip: '203.0.113.9', userAgent: null };

function setUp(exists = true) {
  const { sut, mock } = newTestService(BlockService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  mock(SubjectRepository).publicSubject.mockResolvedValue(exists ? { kind: 'USER', id: troll, ownerId: troll } : null);
  mock(BlockRepository).insert.mockResolvedValue(true);
  mock(BlockRepository).delete.mockResolvedValue(true);
  const follows = mock(FollowRepository);
  const counters = mock(CounterRepository);
  counters.bump.mockResolvedValue(undefined);
  return { sut, mock, follows, counters };
}

describe('BlockService', () => {
  it('ends the follows both ways with their counts, each on its follower’s shard, in the block’s transaction', async () => {
    const { sut, follows, counters, mock } = setUp();
    follows.deleteBetween.mockResolvedValue([
      { followerId: me, targetId: troll },
      { followerId: troll, targetId: me },
    ]);
    expect(await sut.block(anActor(me), client, troll)).toEqual({ userId: troll, blocked: true });
    expect(mock(BlockRepository).insert).toHaveBeenCalledWith(TEST_MANAGER, me, troll, expect.any(Date));
    expect(counters.bump.mock.calls).toEqual([
      [
        TEST_MANAGER,
        shardOf(me),
        [
          { kind: 'USER', id: troll, metric: 'FOLLOWERS', delta: -1 },
          { kind: 'USER', id: me, metric: 'FOLLOWING', delta: -1 },
        ],
      ],
      [
        TEST_MANAGER,
        shardOf(troll),
        [
          { kind: 'USER', id: me, metric: 'FOLLOWERS', delta: -1 },
          { kind: 'USER', id: troll, metric: 'FOLLOWING', delta: -1 },
        ],
      ],
    ]);
  });

  it.each([
    ['yourself', me, true, 'SELF_BLOCK'],
    ['an unknown member', troll, false, 'USER_NOT_FOUND'],
  ])('refuses to block %s, writing nothing', async (_, userId, exists, code) => {
    const { sut, mock, follows } = setUp(exists);
    await expect(sut.block(anActor(me), client, userId)).rejects.toMatchObject({ code });
    expect(mock(BlockRepository).insert).not.toHaveBeenCalled();
    expect(follows.deleteBetween).not.toHaveBeenCalled();
  });

  it('lists blocked members with their names, leaving out accounts gone since', async () => {
    const { sut, mock } = setUp();
    const at = new Date('2026-12-01T00:00:00Z');
    mock(BlockRepository).blockedBy.mockResolvedValue([
      { userId: troll, createdAt: at },
      { userId: '00000000-0000-4000-8000-0000000000dd', createdAt: at },
    ]);
    mock(IdentityFacade).usersByIds.mockResolvedValue([{ id: troll, handle: 'troll', displayName: 'Troll' }]);
    expect(await sut.blockedUsers(anActor(me))).toEqual([
      { id: troll, handle: 'troll', displayName: 'Troll', blockedAt: at },
    ]);
  });
});
