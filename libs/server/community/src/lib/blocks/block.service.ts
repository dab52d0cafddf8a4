import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Transactions } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { followBumps } from '../follows/follow.service';
import { FollowRepository } from '../follows/follow.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import { BlockRepository } from './block.repository';

export interface BlockedMember {
  id: string;
  handle: string;
  displayName: string;
  blockedAt: Date;
}

export interface BlockState {
  userId: string;
  blocked: boolean;
}

/**
 * Blocks. Blocking removes the follows between the two members both ways (with their counters, in the same
 * transaction) and from then on refuses follows and likes between them; the feed and every community list apply
 * `visibleTo` at read time. Idempotent; yourself and unknown users are refused.
 */
@Injectable()
export class BlockService {
  constructor(
    private readonly blocks: BlockRepository,
    private readonly follows: FollowRepository,
    private readonly subjects: SubjectRepository,
    private readonly counters: CounterRepository,
    private readonly transactions: Transactions,
    private readonly limits: CommunityLimits,
    private readonly identity: IdentityFacade,
    private readonly clock: Clock,
  ) {}

  async block(actor: Actor, client: ClientInfo | undefined, userId: string): Promise<BlockState> {
    await this.limits.write(actor, client);
    if (userId === actor.userId) throw CommunityErrors.selfBlock();
    if (!(await this.subjects.publicSubject('USER', userId))) throw CommunityErrors.userNotFound();
    await this.transactions.run(async (manager) => {
      await this.blocks.insert(manager, actor.userId, userId, this.clock.now());
      for (const removed of await this.follows.deleteBetween(manager, actor.userId, userId)) {
        const bumps = followBumps(removed.followerId, 'USER', removed.targetId, -1);
        await this.counters.bump(manager, shardOf(removed.followerId), bumps);
      }
    });
    return { userId, blocked: true };
  }

  async unblock(actor: Actor, client: ClientInfo | undefined, userId: string): Promise<BlockState> {
    await this.limits.write(actor, client);
    await this.transactions.run((manager) => this.blocks.delete(manager, actor.userId, userId));
    return { userId, blocked: false };
  }

  /** The members the actor blocked, newest first (at most 200). */
  async blockedUsers(actor: Actor): Promise<BlockedMember[]> {
    const rows = await this.blocks.blockedBy(actor.userId, 200);
    const users = new Map((await this.identity.usersByIds(rows.map((r) => r.userId))).map((u) => [u.id, u]));
    return rows.flatMap((r) => {
      const user = users.get(r.userId);
      return user ? [{ ...user, blockedAt: r.createdAt }] : [];
    });
  }
}
