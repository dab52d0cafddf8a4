import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Notifier, Transactions } from '@lookbook/core';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import { BlockRepository } from '../blocks/block.repository';
import { shardOf } from '../counters/counter';
import type { CounterBump } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import type { FollowableKind } from '../subjects/subject';
import { SubjectRepository } from '../subjects/subject.repository';
import { FollowRepository } from './follow.repository';

export interface FollowState {
  kind: FollowableKind;
  id: string;
  following: boolean;
  followerCount: number;
}

/**
 * Follows of members and IPs. Idempotent both ways (a second follow or unfollow changes nothing); the follow row and
 * both counters (the target's followers, the follower's following) change in one transaction. Yourself, your own IP
 * and anyone on either side of a block are refused with typed errors, writing nothing.
 */
@Injectable()
export class FollowService {
  constructor(
    private readonly follows: FollowRepository,
    private readonly subjects: SubjectRepository,
    private readonly blocks: BlockRepository,
    private readonly counters: CounterRepository,
    private readonly transactions: Transactions,
    private readonly limits: CommunityLimits,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async follow(actor: Actor, client: ClientInfo | undefined, kind: FollowableKind, id: string): Promise<FollowState> {
    await this.limits.write(actor, client);
    const target = await this.subjects.publicSubject(kind, id);
    if (!target) throw kind === 'USER' ? CommunityErrors.userNotFound() : CommunityErrors.ipNotFound();
    if (target.ownerId === actor.userId) throw CommunityErrors.selfFollow();
    if (await this.blocks.between(actor.userId, target.ownerId)) throw CommunityErrors.blocked();
    const about = await this.subjects.describe(kind, id, actor.userId);
    await this.transactions.run(async (manager) => {
      // Re-checked inside: a block committed since the check above must win over this follow.
      if (await this.blocks.between(actor.userId, target.ownerId, manager)) throw CommunityErrors.blocked();
      if (await this.follows.insert(manager, actor.userId, { kind, id }, this.clock.now())) {
        await this.counters.bump(manager, shardOf(actor.userId), followBumps(actor.userId, kind, id, 1));
        // Once per follower and target: following again after an unfollow does not notify again.
        if (about)
          await this.notifier.notify(manager, {
            recipientId: target.ownerId,
            kind: 'FOLLOW',
            actorId: actor.userId,
            subjectKind: kind,
            subjectId: id,
            text:
              kind === 'USER' ? `${about.actorName} followed you` : `${about.actorName} followed your IP ${about.name}`,
            url: `/u/${about.actorHandle}`,
            dedupeKey: `community.follow:${actor.userId}:${kind}:${id}`,
          });
      }
    });
    return this.state(actor.userId, kind, id);
  }

  async unfollow(actor: Actor, client: ClientInfo | undefined, kind: FollowableKind, id: string): Promise<FollowState> {
    await this.limits.write(actor, client);
    await this.transactions.run(async (manager) => {
      if (await this.follows.delete(manager, actor.userId, { kind, id }))
        await this.counters.bump(manager, shardOf(actor.userId), followBumps(actor.userId, kind, id, -1));
    });
    return this.state(actor.userId, kind, id);
  }

  async state(viewerId: string | null, kind: FollowableKind, id: string): Promise<FollowState> {
    const [followed, counts] = await Promise.all([
      viewerId ? this.follows.followedAmong(viewerId, kind, [id]) : new Set<string>(),
      this.counters.countsOf(kind, [id]),
    ]);
    return { kind, id, following: followed.has(id), followerCount: counts.get(id)!.FOLLOWERS };
  }
}

export function followBumps(followerId: string, kind: FollowableKind, id: string, delta: number): CounterBump[] {
  return [
    { kind, id, metric: 'FOLLOWERS', delta },
    { kind: 'USER', id: followerId, metric: 'FOLLOWING', delta },
  ];
}
