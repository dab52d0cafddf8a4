import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@lookbook/core';
import { BlockedHashService } from './blocked-hash.service';

@Resolver()
export class ModelFileResolver {
  constructor(private readonly blocked: BlockedHashService) {}

  @Roles('admin', 'moderator')
  @Mutation(() => Boolean, { description: 'Moderators: refuse these exact bytes in every future upload.' })
  async blockFileHash(@Args('sha256') sha256: string, @Args('reason') reason: string): Promise<boolean> {
    await this.blocked.block(sha256, reason);
    return true;
  }
}
