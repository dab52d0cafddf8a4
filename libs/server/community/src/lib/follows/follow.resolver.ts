import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, Public, UUIDScalar } from '@lookbook/core';
import type { FollowableKind } from '../subjects/subject';
import { FollowService } from './follow.service';
import { FollowState, FollowTargetKindEnum } from '../graphql/community.objects';

@Resolver(() => FollowState)
export class FollowResolver {
  constructor(private readonly follows: FollowService) {}

  @Public()
  @Query(() => FollowState, { description: 'How many follow a member or an IP, and whether you do.' })
  followState(
    @CurrentActor() viewer: Actor | undefined,
    @Args('kind', { type: () => FollowTargetKindEnum }) kind: FollowableKind,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<FollowState> {
    return this.follows.state(viewer?.userId ?? null, kind, id).then(toFollowState);
  }

  @Mutation(() => FollowState, {
    description: 'Follow a member or an IP (again: no change). Not yourself, your own IP, or across a block.',
  })
  follow(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('kind', { type: () => FollowTargetKindEnum }) kind: FollowableKind,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<FollowState> {
    return this.follows.follow(actor, client, kind, id).then(toFollowState);
  }

  @Mutation(() => FollowState, { description: 'Stop following (idempotent).' })
  unfollow(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('kind', { type: () => FollowTargetKindEnum }) kind: FollowableKind,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<FollowState> {
    return this.follows.unfollow(actor, client, kind, id).then(toFollowState);
  }
}

function toFollowState(s: { kind: FollowableKind; id: string; following: boolean; followerCount: number }) {
  return { targetKind: s.kind, targetId: s.id, following: s.following, followerCount: s.followerCount };
}
