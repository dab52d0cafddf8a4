import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import type { CountedKind, Counts } from './counters/counter';
import { emptyCounts } from './counters/counter';
import { CounterRepository } from './counters/counter.repository';
import { FollowRepository } from './follows/follow.repository';
import { LikeRepository } from './likes/like.repository';
import type { FollowableKind, LikeableKind } from './subjects/subject';

/**
 * The batch functions behind community's fields on other domains' types (counts on cards, "you liked this"): one
 * statement per kind and field per request, whatever the list length.
 */
@Injectable()
export class CommunityLoaders {
  constructor(
    private readonly counters: CounterRepository,
    private readonly likes: LikeRepository,
    private readonly follows: FollowRepository,
  ) {}

  counts(loaders: LoaderRegistry, kind: CountedKind) {
    return loaders.get<string, Counts>(`community.counts:${kind}`, async (ids) => {
      const counts = await this.counters.countsOf(kind, ids);
      return ids.map((id) => counts.get(id) ?? emptyCounts());
    });
  }

  liked(loaders: LoaderRegistry, viewerId: string, kind: LikeableKind) {
    return loaders.get<string, boolean>(`community.liked:${kind}:${viewerId}`, async (ids) => {
      const liked = await this.likes.likedAmong(viewerId, kind, ids);
      return ids.map((id) => liked.has(id));
    });
  }

  followed(loaders: LoaderRegistry, viewerId: string, kind: FollowableKind) {
    return loaders.get<string, boolean>(`community.followed:${kind}:${viewerId}`, async (ids) => {
      const followed = await this.follows.followedAmong(viewerId, kind, ids);
      return ids.map((id) => followed.has(id));
    });
  }
}
