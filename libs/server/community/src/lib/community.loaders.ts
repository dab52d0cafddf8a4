import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import { ReadCompanions } from '@lookbook/core';
import { MODEL_TABLE } from '@lookbook/catalog';
import type { CountedKind, Counts } from './counters/counter';
import { emptyCounts } from './counters/counter';
import { counterCompanionColumn, CounterRepository } from './counters/counter.repository';
import { FollowRepository } from './follows/follow.repository';
import { LikeRepository } from './likes/like.repository';
import { ratingSummary } from './reviews/review';
import type { FollowableKind, LikeableKind } from './subjects/subject';

/** What `CounterRepository.companionColumn` answers for one row. */
interface CompanionValue {
  counts: Partial<Record<string, number | string>>;
  liked: boolean;
}

/** A model's community fields from its companion value (the same numbers the loaders below would give). */
export function modelCompanionFields(value: unknown): Record<string, unknown> {
  const { counts: raw, liked } = value as CompanionValue;
  const counts = emptyCounts();
  for (const [metric, n] of Object.entries(raw ?? {}))
    if (metric in counts) counts[metric as keyof Counts] = Math.max(0, Number(n));
  const rating = ratingSummary(counts);
  return {
    likeCount: counts.LIKES,
    downloadCount: counts.DOWNLOADS,
    viewerHasLiked: !!liked,
    rating,
    ratingAverage: rating.average,
    ratingCount: rating.count,
  };
}

/**
 * The batch functions behind community's fields on other domains' types (counts on cards, "you liked this"): one
 * statement per kind and field per request, whatever the list length. On read pages these fields usually come with the
 * model rows instead (the companion column registered here), and the loaders serve the other paths.
 */
@Injectable()
export class CommunityLoaders implements OnModuleInit {
  constructor(
    private readonly counters: CounterRepository,
    private readonly likes: LikeRepository,
    private readonly follows: FollowRepository,
  ) {}

  onModuleInit(): void {
    ReadCompanions.register(MODEL_TABLE, {
      name: 'community',
      column: (alias) => counterCompanionColumn('MODEL', alias),
      fields: modelCompanionFields,
    });
  }

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
