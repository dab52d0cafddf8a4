import { Clock, Notifier, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityLimits } from '../community-limits';
import { emptyCounts, shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import type { CollectionRow, CollectionVisibility } from './collection';
import { MAX_EDITORS } from './collection';
import { CollectionLimits } from './collection-limits';
import { CollectionMemberService } from './collection-member.service';
import { CollectionRepository } from './collection.repository';
import { CollectionService } from './collection.service';

const owner = '00000000-0000-4000-8000-0000000000a1';
const mira = '00000000-0000-4000-8000-0000000000b2';
const stranger = '00000000-0000-4000-8000-0000000000f1';
const cid = '00000000-0000-4000-8000-00000000c011';
const client = { ip: '203.0.113.9', userAgent: null };

interface World {
  visibility?: CollectionVisibility;
  membership?: 'INVITED' | 'ACTIVE' | null;
  invitee?: { id: string; handle: string; displayName: string } | null;
  blocked?: boolean;
  members?: number;
  inserted?: boolean;
}

function setUp(world: World = {}) {
  const { sut, mock } = newTestService(CollectionMemberService, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))],
  ]);
  mock(CollectionLimits).consume.mockResolvedValue(undefined);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  mock(IdentityFacade).userByHandle.mockResolvedValue(
    world.invitee === undefined ? { id: mira, handle: 'mira', displayName: 'Mira' } : world.invitee,
  );
  mock(BlockRepository).between.mockResolvedValue(world.blocked ?? false);
  const row: CollectionRow = {
    id: cid,
    ownerId: owner,
    title: 'Botanical plates',
    description: '',
    visibility: world.visibility ?? 'PRIVATE',
    coverItemId: null,
    itemCount: 0,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const collections = mock(CollectionRepository);
  collections.lock.mockResolvedValue(row);
  collections.membership.mockResolvedValue(world.membership ?? null);
  collections.countMembers.mockResolvedValue(world.members ?? 0);
  collections.invite.mockResolvedValue(world.inserted ?? true);
  collections.accept.mockResolvedValue(true);
  collections.removeMember.mockResolvedValue(true);
  collections.follow.mockResolvedValue(world.inserted ?? true);
  collections.unfollow.mockResolvedValue(world.inserted ?? true);
  collections.followedAmong.mockImplementation(async (_, ids) => new Set(ids));
  const notifier = mock(Notifier);
  notifier.notify.mockResolvedValue(undefined);
  const counters = mock(CounterRepository);
  counters.bump.mockResolvedValue(undefined);
  counters.countsOf.mockImplementation(
    async (_, ids) => new Map(ids.map((id) => [id, { ...emptyCounts(), FOLLOWERS: 4 }])),
  );
  mock(CollectionService).view.mockResolvedValue({} as never);
  return { sut, collections, notifier, counters };
}

describe('CollectionMemberService', () => {
  describe('invite', () => {
    it('invites by handle and notifies the invitee in the same transaction, once per collection and invitee', async () => {
      const { sut, collections, notifier } = setUp();
      await sut.invite(anActor(owner), client, cid, '@mira ');
      expect(collections.invite).toHaveBeenCalledWith(TEST_MANAGER, cid, mira, owner, expect.any(Date));
      expect(notifier.notify).toHaveBeenCalledWith(TEST_MANAGER, {
        recipientId: mira,
        kind: 'COLLECTION_INVITE',
        actorId: owner,
        subjectKind: 'COLLECTION',
        subjectId: cid,
        text: 'invited you to edit the collection “Botanical plates”',
        url: `/collections/${cid}`,
        dedupeKey: `community.collection-invite:${cid}:${mira}`,
      });
    });

    it('does not notify again when the member is already invited or editing', async () => {
      const { sut, notifier } = setUp({ inserted: false });
      await sut.invite(anActor(owner), client, cid, 'mira');
      expect(notifier.notify).not.toHaveBeenCalled();
    });

    it.each([
      ['an unknown handle', owner, { invitee: null }, 'USER_NOT_FOUND'],
      ['the owner themself', owner, { invitee: { id: owner, handle: 'o', displayName: 'O' } }, 'SELF_INVITE'],
      ['someone across a block', owner, { blocked: true }, 'BLOCKED'],
      ['an eleventh editor', owner, { members: MAX_EDITORS }, 'TOO_MANY_EDITORS'],
      ['by an editor (only the owner invites)', stranger, { membership: 'ACTIVE' }, 'NOT_COLLECTION_OWNER'],
      ['by a stranger to a private collection', stranger, {}, 'COLLECTION_NOT_FOUND'],
      ['by a stranger to a public collection', stranger, { visibility: 'PUBLIC' }, 'NOT_COLLECTION_OWNER'],
    ] as [string, string, World, string][])('refuses %s, writing nothing', async (_, who, world, code) => {
      const { sut, collections, notifier } = setUp(world);
      await expect(sut.invite(anActor(who), client, cid, 'mira')).rejects.toMatchObject({ code });
      expect(collections.invite).not.toHaveBeenCalled();
      expect(notifier.notify).not.toHaveBeenCalled();
    });
  });

  describe('accept, leave, remove', () => {
    it('lets the invitee accept a private collection they were invited to', async () => {
      const { sut, collections } = setUp({ membership: 'INVITED' });
      await sut.accept(anActor(mira), client, cid);
      expect(collections.accept).toHaveBeenCalledWith(TEST_MANAGER, cid, mira, expect.any(Date));
    });

    it.each([
      ['no invitation to a public collection', { visibility: 'PUBLIC' }, 'NO_COLLECTION_INVITATION'],
      ['no invitation to a private collection', {}, 'COLLECTION_NOT_FOUND'],
      ['an editor already', { membership: 'ACTIVE' }, 'NO_COLLECTION_INVITATION'],
    ] as [string, World, string][])('refuses to accept with %s', async (_, world, code) => {
      const { sut, collections } = setUp(world);
      await expect(sut.accept(anActor(mira), client, cid)).rejects.toMatchObject({ code });
      expect(collections.accept).not.toHaveBeenCalled();
    });

    it('lets the owner remove an editor but not an editor remove another', async () => {
      const ok = setUp();
      await ok.sut.removeEditor(anActor(owner), client, cid, mira);
      expect(ok.collections.removeMember).toHaveBeenCalledWith(TEST_MANAGER, cid, mira);
      const no = setUp({ membership: 'ACTIVE' });
      await expect(no.sut.removeEditor(anActor(stranger), client, cid, mira)).rejects.toMatchObject({
        code: 'NOT_COLLECTION_OWNER',
      });
      expect(no.collections.removeMember).not.toHaveBeenCalled();
    });
  });

  describe('follow', () => {
    it('follows a public collection: the row and the FOLLOWERS counter together', async () => {
      const { sut, counters } = setUp({ visibility: 'PUBLIC' });
      expect(await sut.follow(anActor(stranger), client, cid)).toEqual({
        collectionId: cid,
        following: true,
        followerCount: 4,
      });
      expect(counters.bump).toHaveBeenCalledWith(TEST_MANAGER, shardOf(stranger), [
        { kind: 'COLLECTION', id: cid, metric: 'FOLLOWERS', delta: 1 },
      ]);
    });

    it('counts nothing for a repeat follow or unfollow', async () => {
      const { sut, counters } = setUp({ visibility: 'PUBLIC', inserted: false });
      await sut.follow(anActor(stranger), client, cid);
      await sut.unfollow(anActor(stranger), client, cid);
      expect(counters.bump).not.toHaveBeenCalled();
    });

    it.each([
      ['a private collection', stranger, {}, 'COLLECTION_NOT_FOUND'],
      ['your own collection', owner, { visibility: 'PUBLIC' }, 'SELF_FOLLOW'],
      ['one you edit', mira, { visibility: 'PUBLIC', membership: 'ACTIVE' }, 'SELF_FOLLOW'],
      ['one by someone across a block', stranger, { visibility: 'PUBLIC', blocked: true }, 'COLLECTION_NOT_FOUND'],
    ] as [string, string, World, string][])('refuses to follow %s', async (_, who, world, code) => {
      const { sut, collections, counters } = setUp(world);
      await expect(sut.follow(anActor(who), client, cid)).rejects.toMatchObject({ code });
      expect(collections.follow).not.toHaveBeenCalled();
      expect(counters.bump).not.toHaveBeenCalled();
    });
  });
});
