export interface ProfileLink {
  label: string;
  url: string;
}

/** A public image as stored: the original's key, its size, WebP thumbnails and a BlurHash placeholder. */
export interface ProfileImage {
  key: string;
  width: number;
  height: number;
  placeholder: string;
  thumbnails: { width: number; height: number; key: string }[];
}

export const PROFILE_IMAGE_SLOTS = ['AVATAR', 'COVER'] as const;
export type ProfileImageSlot = (typeof PROFILE_IMAGE_SLOTS)[number];

export interface ProfileRow {
  userId: string;
  bio: string;
  links: ProfileLink[];
  avatar: ProfileImage | null;
  cover: ProfileImage | null;
  showLicensesSold: boolean;
}

/** A profile row plus what the viewer has to do with it. */
export interface ProfileView extends ProfileRow {
  viewerFollows: boolean;
  viewerBlocked: boolean;
  blocksViewer: boolean;
}

export const MAX_BIO = 1000;
export const MAX_LINKS = 5;
export const MAX_LINK_LABEL = 40;
export const MAX_URL = 300;
