import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, UUIDScalar } from '@lookbook/core';
import { BlockService } from './block.service';
import { BlockedUser, BlockState } from '../graphql/community.objects';

@Resolver(() => BlockState)
export class BlockResolver {
  constructor(private readonly blocks: BlockService) {}

  @Mutation(() => BlockState, {
    description: 'Block a member: follows between you end both ways; they cannot follow you or like your work.',
  })
  blockUser(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
  ): Promise<BlockState> {
    return this.blocks.block(actor, client, userId);
  }

  @Mutation(() => BlockState, { description: 'Unblock a member (idempotent). Follows are not restored.' })
  unblockUser(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('userId', { type: () => UUIDScalar }) userId: string,
  ): Promise<BlockState> {
    return this.blocks.unblock(actor, client, userId);
  }

  @Query(() => [BlockedUser], { description: 'The members you blocked, newest first (at most 200).' })
  blockedUsers(@CurrentActor() actor: Actor): Promise<BlockedUser[]> {
    return this.blocks.blockedUsers(actor);
  }
}
