import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Client, CurrentActor, Public } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';
import type { ProfileImageSlot } from './profile';
import { ProfileService } from './profile.service';
import { UpdateProfileInput } from '../graphql/community.inputs';
import { toProfile } from '../graphql/community.mapper';
import { Profile, ProfileImageSlotEnum } from '../graphql/community.objects';

@Resolver(() => Profile)
export class ProfileResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly media: PublicMedia,
  ) {}

  @Public()
  @Query(() => Profile, { description: 'A member’s public profile by handle (any case), with their counts.' })
  async profile(@CurrentActor() viewer: Actor | undefined, @Args('handle') handle: string): Promise<Profile> {
    return this.map(await this.profiles.byHandle(viewer, handle));
  }

  @Mutation(() => Profile, {
    description:
      'Change your display name, bio, links or whether licences sold show. Avatar and cover: POST the image to ' +
      '/api/v1/me/avatar or /api/v1/me/cover.',
  })
  async updateProfile(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('input') input: UpdateProfileInput,
  ): Promise<Profile> {
    return this.map(await this.profiles.update(actor, client, input));
  }

  @Mutation(() => Profile, { description: 'Remove your avatar or your cover.' })
  async clearProfileImage(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('slot', { type: () => ProfileImageSlotEnum }) slot: ProfileImageSlot,
  ): Promise<Profile> {
    return this.map(await this.profiles.clearImage(actor, client, slot));
  }

  private map(profile: Parameters<typeof toProfile>[0]): Profile {
    return toProfile(profile, (key) => this.media.url(key));
  }
}
