import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Notifier, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { MAX_EDITORS } from './collection';
import { lockFor } from './collection-access';
import { CollectionErrors } from './collection.errors';
import { CollectionLimits } from './collection-limits';
import { CollectionRepository } from './collection.repository';
import type { CollectionView } from './collection.service';
import { CollectionService } from './collection.service';

export interface CollectionFollowState {
  collectionId: string;
  following: boolean;
  followerCount: number;
}

/**
 * Editors and followers. The owner invites a member by handle (a COLLECTION_INVITE notification in the same
 * transaction, once per collection and invitee); the invitee accepts or declines, an editor may leave, the owner may
 * remove anyone. Anyone who can see a collection and does not own or edit it may follow it; the follow row and the
 * FOLLOWERS counter change together. Nobody is invited by, or follows a collection of, someone across a block.
 */
@Injectable()
export class CollectionMemberService {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly reads: CollectionService,
    private readonly blocks: BlockRepository,
    private readonly counters: CounterRepository,
    private readonly identity: IdentityFacade,
    private readonly notifier: Notifier,
    private readonly transactions: Transactions,
    private readonly limits: CollectionLimits,
    private readonly communityLimits: CommunityLimits,
    private readonly clock: Clock,
  ) {}

  async invite(actor: Actor, client: ClientInfo | undefined, id: string, handle: string): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'invite');
    const invitee = await this.identity.userByHandle(handle.trim().replace(/^@/, ''));
    if (!invitee) throw CommunityErrors.userNotFound();
    await this.transactions.run(async (manager) => {
      const { collection } = await lockFor(this.collections, manager, actor.userId, id, 'manageEditors');
      if (invitee.id === collection.ownerId) throw CollectionErrors.selfInvite();
      if (await this.blocks.between(actor.userId, invitee.id, manager)) throw CommunityErrors.blocked();
      if ((await this.collections.countMembers(manager, id)) >= MAX_EDITORS) throw CollectionErrors.tooManyEditors();
      if (!(await this.collections.invite(manager, id, invitee.id, actor.userId, this.clock.now()))) return;
      await this.notifier.notify(manager, {
        recipientId: invitee.id,
        kind: 'COLLECTION_INVITE',
        actorId: actor.userId,
        subjectKind: 'COLLECTION',
        subjectId: id,
        text: `invited you to edit the collection “${collection.title}”`,
        url: `/collections/${id}`,
        dedupeKey: `community.collection-invite:${id}:${invitee.id}`,
      });
    });
    return this.reads.view(actor, id);
  }

  async accept(actor: Actor, client: ClientInfo | undefined, id: string): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'edit');
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, id, 'accept');
      await this.collections.accept(manager, id, actor.userId, this.clock.now());
    });
    return this.reads.view(actor, id);
  }

  /** An editor leaves or an invitee declines (idempotent). */
  async leave(actor: Actor, client: ClientInfo | undefined, id: string): Promise<boolean> {
    await this.limits.consume(actor, client, 'edit');
    await this.transactions.run((manager) => this.collections.removeMember(manager, id, actor.userId));
    return true;
  }

  /** The owner removes an editor or withdraws an invitation (idempotent). */
  async removeEditor(
    actor: Actor,
    client: ClientInfo | undefined,
    id: string,
    userId: string,
  ): Promise<CollectionView> {
    await this.limits.consume(actor, client, 'edit');
    await this.transactions.run(async (manager) => {
      await lockFor(this.collections, manager, actor.userId, id, 'manageEditors');
      await this.collections.removeMember(manager, id, userId);
    });
    return this.reads.view(actor, id);
  }

  async follow(actor: Actor, client: ClientInfo | undefined, id: string): Promise<CollectionFollowState> {
    await this.communityLimits.write(actor, client);
    await this.transactions.run(async (manager) => {
      const { collection } = await lockFor(this.collections, manager, actor.userId, id, 'follow');
      if (await this.blocks.between(actor.userId, collection.ownerId, manager)) throw CollectionErrors.notFound();
      if (await this.collections.follow(manager, actor.userId, id, this.clock.now()))
        await this.counters.bump(manager, shardOf(actor.userId), [
          { kind: 'COLLECTION', id, metric: 'FOLLOWERS', delta: 1 },
        ]);
    });
    return this.followState(actor.userId, id);
  }

  async unfollow(actor: Actor, client: ClientInfo | undefined, id: string): Promise<CollectionFollowState> {
    await this.communityLimits.write(actor, client);
    await this.transactions.run(async (manager) => {
      if (await this.collections.unfollow(manager, actor.userId, id))
        await this.counters.bump(manager, shardOf(actor.userId), [
          { kind: 'COLLECTION', id, metric: 'FOLLOWERS', delta: -1 },
        ]);
    });
    return this.followState(actor.userId, id);
  }

  private async followState(userId: string, id: string): Promise<CollectionFollowState> {
    const [followed, counts] = await Promise.all([
      this.collections.followedAmong(userId, [id]),
      this.counters.countsOf('COLLECTION', [id]),
    ]);
    return { collectionId: id, following: followed.has(id), followerCount: counts.get(id)!.FOLLOWERS };
  }
}
