import type { FeedRow } from '../feed/feed.repository';
import type { ProfileImage as StoredImage } from '../profiles/profile';
import type { PublicProfile } from '../profiles/profile.service';
import type { FeedItem, Profile, ProfileImage } from './community.objects';

export function toProfileImage(image: StoredImage, url: (key: string) => string): ProfileImage {
  return {
    url: url(image.key),
    width: image.width,
    height: image.height,
    placeholder: image.placeholder,
    thumbnails: image.thumbnails.map((t) => ({ width: t.width, height: t.height, url: url(t.key) })),
  };
}

export function toProfile(p: PublicProfile, url: (key: string) => string): Profile {
  return {
    id: p.user.id,
    handle: p.user.handle,
    displayName: p.user.displayName,
    bio: p.profile.bio,
    links: p.profile.links.map((l) => ({ label: l.label, url: l.url })),
    avatar: p.profile.avatar && toProfileImage(p.profile.avatar, url),
    cover: p.profile.cover && toProfileImage(p.profile.cover, url),
    showLicensesSold: p.profile.showLicensesSold,
    stats: {
      followers: p.counts.FOLLOWERS,
      following: p.counts.FOLLOWING,
      models: p.counts.MODELS,
      templates: p.counts.TEMPLATES,
      downloads: p.counts.DOWNLOADS,
      likesReceived: p.counts.LIKES_RECEIVED,
      licensesSold: p.licensesSold,
    },
    isViewer: p.isViewer,
    viewerFollows: p.profile.viewerFollows,
    viewerBlocked: p.profile.viewerBlocked,
  };
}

export function toFeedItem(row: FeedRow): FeedItem {
  return { ...row, actor: { ...row.actor }, counts: { ...row.counts } };
}
