import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock, Notifier, Transactions } from '@lookbook/core';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import { BlockRepository } from '../blocks/block.repository';
import { shardOf } from '../counters/counter';
import type { CounterBump } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import type { LikeableKind } from '../subjects/subject';
import { SubjectRepository } from '../subjects/subject.repository';
import { LikeRepository } from './like.repository';

export interface LikeState {
  kind: LikeableKind;
  id: string;
  liked: boolean;
  likeCount: number;
}

/**
 * Likes of models, templates and sample images. Idempotent; the like row, the item's count and its owner's "likes
 * received" change in one transaction (sharded by liker, so concurrent likes of one item end exact). Only public
 * items can be liked; your own work and work of anyone on either side of a block are refused, writing nothing.
 * Unliking needs no visibility: a like can always be taken back.
 */
@Injectable()
export class LikeService {
  constructor(
    private readonly likes: LikeRepository,
    private readonly subjects: SubjectRepository,
    private readonly blocks: BlockRepository,
    private readonly counters: CounterRepository,
    private readonly transactions: Transactions,
    private readonly limits: CommunityLimits,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async like(actor: Actor, client: ClientInfo | undefined, kind: LikeableKind, id: string): Promise<LikeState> {
    await this.limits.write(actor, client);
    const subject = await this.subjects.publicSubject(kind, id);
    if (!subject) throw CommunityErrors.subjectNotFound();
    if (subject.ownerId === actor.userId) throw CommunityErrors.selfLike();
    if (await this.blocks.between(actor.userId, subject.ownerId)) throw CommunityErrors.blocked();
    const about = await this.subjects.describe(kind, id, actor.userId);
    await this.transactions.run(async (manager) => {
      if (await this.likes.insert(manager, actor.userId, kind, id, this.clock.now())) {
        await this.counters.bump(manager, shardOf(actor.userId), likeBumps(kind, id, subject.ownerId, 1));
        // Once per liker and item (a like taken back and given again does not notify again); a storm of likes on
        // one item reads as one line in the owner's bell.
        if (about)
          await this.notifier.notify(manager, {
            recipientId: subject.ownerId,
            kind: 'LIKE',
            actorId: actor.userId,
            subjectKind: kind,
            subjectId: id,
            text:
              kind === 'IMAGE'
                ? `${about.actorName} liked your sample image of ${about.name}`
                : `${about.actorName} liked ${about.name}`,
            url: about.url,
            dedupeKey: `community.like:${actor.userId}:${kind}:${id}`,
          });
      }
    });
    return this.state(actor.userId, kind, id);
  }

  async unlike(actor: Actor, client: ClientInfo | undefined, kind: LikeableKind, id: string): Promise<LikeState> {
    await this.limits.write(actor, client);
    // The owner is read before the delete: the like counted towards whoever owned the item when it was given.
    const subject = await this.subjects.publicSubject(kind, id, true);
    await this.transactions.run(async (manager) => {
      if (await this.likes.delete(manager, actor.userId, kind, id)) {
        const bumps = likeBumps(kind, id, subject?.ownerId ?? null, -1);
        await this.counters.bump(manager, shardOf(actor.userId), bumps);
      }
    });
    return this.state(actor.userId, kind, id);
  }

  private async state(userId: string, kind: LikeableKind, id: string): Promise<LikeState> {
    const [liked, counts] = await Promise.all([
      this.likes.likedAmong(userId, kind, [id]),
      this.counters.countsOf(kind, [id]),
    ]);
    return { kind, id, liked: liked.has(id), likeCount: counts.get(id)!.LIKES };
  }
}

export function likeBumps(kind: LikeableKind, id: string, ownerId: string | null, delta: number): CounterBump[] {
  const bumps: CounterBump[] = [{ kind, id, metric: 'LIKES', delta }];
  if (ownerId) bumps.push({ kind: 'USER', id: ownerId, metric: 'LIKES_RECEIVED', delta });
  return bumps;
}
