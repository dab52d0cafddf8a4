import { Controller, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, mediaTypeOf } from '@lookbook/core';
import { UnsupportedMediaTypeError } from '@lookbook/kernel';
import { PublicMedia } from '@lookbook/storage';
import { toProfile } from '../graphql/community.mapper';
import type { ProfileImageSlot } from './profile';
import { ProfileService } from './profile.service';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/** Avatar and cover uploads: the image as the raw body, through the same pipeline as sample images. */
@Controller('api/v1/me')
export class ProfileMediaController {
  constructor(
    private readonly profiles: ProfileService,
    private readonly media: PublicMedia,
  ) {}

  @Post('avatar')
  avatar(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.upload(actor, request, 'AVATAR');
  }

  @Post('cover')
  cover(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    return this.upload(actor, request, 'COVER');
  }

  private async upload(actor: Actor, request: FastifyRequest, slot: ProfileImageSlot) {
    const type = mediaTypeOf(request.headers);
    if (!IMAGE_TYPES.includes(type) || !Buffer.isBuffer(request.body)) {
      throw new UnsupportedMediaTypeError(
        'Send the image as the body with Content-Type image/png, image/jpeg or image/webp',
        { expected: IMAGE_TYPES.join(', ') },
      );
    }
    const client = { ip: request.ip, userAgent: null };
    const profile = await this.profiles.setImage(actor, client, slot, request.body, type);
    return toProfile(profile, (key) => this.media.url(key));
  }
}
