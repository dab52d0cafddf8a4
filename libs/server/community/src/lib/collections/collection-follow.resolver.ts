import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, UUIDScalar } from '@lookbook/core';
import { CollectionMemberService } from './collection-member.service';
import { CollectionFollowState } from './collection.objects';

@Resolver(() => CollectionFollowState)
export class CollectionFollowResolver {
  constructor(private readonly members: CollectionMemberService) {}

  @Mutation(() => CollectionFollowState, {
    description: 'Follow a collection you can see and do not own or edit (again: no change).',
  })
  followCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<CollectionFollowState> {
    return this.members.follow(actor, client, id);
  }

  @Mutation(() => CollectionFollowState, { description: 'Stop following a collection (idempotent).' })
  unfollowCollection(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<CollectionFollowState> {
    return this.members.unfollow(actor, client, id);
  }
}
