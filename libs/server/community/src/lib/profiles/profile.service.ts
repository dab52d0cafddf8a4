import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { prepareImage } from '@lookbook/catalog';
import type { UserSummary } from '@lookbook/identity';
import { IdentityFacade } from '@lookbook/identity';
import { PublicMedia } from '@lookbook/storage';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import type { Counts } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import type { ProfileImage, ProfileImageSlot, ProfileView } from './profile';
import { ProfileRepository } from './profile.repository';
import { checkBio, checkLinks } from './profile-rules';

/** Public media of community (avatars, covers) is keyed apart from the catalog's. */
export const MEDIA_NAMESPACE = 'community';

export interface ProfileEdit {
  displayName?: string | null;
  bio?: string | null;
  links?: { label?: string | null; url: string }[] | null;
  showLicensesSold?: boolean | null;
}

export interface PublicProfile {
  user: UserSummary;
  profile: ProfileView;
  counts: Counts;
  /** Licences sold: only when the creator shows it (or to the creator). */
  licensesSold: number | null;
  isViewer: boolean;
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly identity: IdentityFacade,
    private readonly profiles: ProfileRepository,
    private readonly counters: CounterRepository,
    private readonly media: PublicMedia,
    private readonly limits: CommunityLimits,
    private readonly clock: Clock,
  ) {}

  /** A public profile by handle, with its counts and the viewer's follow and block state. */
  async byHandle(viewer: Actor | undefined, handle: string): Promise<PublicProfile> {
    const user = await this.identity.userByHandle(handle);
    if (!user) throw CommunityErrors.userNotFound();
    return this.of(viewer, user);
  }

  /** Changes the fields given (others stay); the display name lives in identity. */
  async update(actor: Actor, client: ClientInfo | undefined, edit: ProfileEdit): Promise<PublicProfile> {
    await this.limits.write(actor, client);
    // Every field is checked before anything is written: a bad link leaves the display name as it was.
    const bio = edit.bio == null ? undefined : checkBio(edit.bio);
    const links = edit.links == null ? undefined : checkLinks(edit.links);
    const current = await this.profiles.view(actor.userId, null);
    const at = this.clock.now();
    const user =
      edit.displayName != null
        ? await this.identity.setDisplayName(actor.userId, edit.displayName, at)
        : ((await this.identity.usersByIds([actor.userId]))[0] ?? null);
    if (!user) throw CommunityErrors.userNotFound();
    await this.profiles.save(
      {
        userId: actor.userId,
        bio: bio ?? current.bio,
        links: links ?? current.links,
        showLicensesSold: edit.showLicensesSold ?? current.showLicensesSold,
      },
      at,
    );
    return this.of(actor, user);
  }

  /** A new avatar or cover through the public media pipeline: sniffed, capped, re-encoded without metadata. */
  async setImage(
    actor: Actor,
    client: ClientInfo | undefined,
    slot: ProfileImageSlot,
    bytes: Buffer,
    declaredType: string | undefined,
  ): Promise<PublicProfile> {
    await this.limits.write(actor, client);
    const prepared = await prepareImage(bytes, declaredType, MEDIA_NAMESPACE);
    await this.media.put(prepared.original.data, prepared.extension, MEDIA_NAMESPACE);
    for (const thumb of prepared.thumbnails) await this.media.put(thumb.data, 'webp', MEDIA_NAMESPACE);
    const image: ProfileImage = {
      key: prepared.storageKey,
      width: prepared.width,
      height: prepared.height,
      placeholder: prepared.placeholder,
      thumbnails: prepared.thumbnails.map(({ width, height, key }) => ({ width, height, key })),
    };
    await this.profiles.setImage(actor.userId, slot, image, this.clock.now());
    return this.mine(actor);
  }

  async clearImage(actor: Actor, client: ClientInfo | undefined, slot: ProfileImageSlot): Promise<PublicProfile> {
    await this.limits.write(actor, client);
    await this.profiles.setImage(actor.userId, slot, null, this.clock.now());
    return this.mine(actor);
  }

  private async mine(actor: Actor): Promise<PublicProfile> {
    const [user] = await this.identity.usersByIds([actor.userId]);
    if (!user) throw CommunityErrors.userNotFound();
    return this.of(actor, user);
  }

  private async of(viewer: Actor | undefined, user: UserSummary): Promise<PublicProfile> {
    const [profile, counts] = await Promise.all([
      this.profiles.view(user.id, viewer?.userId ?? null),
      this.counters.countsOf('USER', [user.id]),
    ]);
    const mine = counts.get(user.id)!;
    const isViewer = viewer?.userId === user.id;
    return {
      user,
      profile,
      counts: mine,
      licensesSold: profile.showLicensesSold || isViewer ? mine.LICENSES_SOLD : null,
      isViewer,
    };
  }
}
