import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ProfileImage, ProfileImageSlot, ProfileLink, ProfileRow, ProfileView } from './profile';

interface Raw {
  user_id: string;
  bio: string | null;
  links: ProfileLink[] | null;
  avatar: ProfileImage | null;
  cover: ProfileImage | null;
  show_licenses_sold: boolean | null;
  viewer_follows: boolean;
  viewer_blocked: boolean;
  blocks_viewer: boolean;
}

@Injectable()
export class ProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A member's profile (defaults when they never edited it) and the viewer's follow and block flags: one statement. */
  async view(userId: string, viewerId: string | null): Promise<ProfileView> {
    const [row] = await this.dataSource.query<Raw[]>(
      `SELECT k.id AS user_id, p.bio, p.links, p.avatar, p.cover, p.show_licenses_sold,
              EXISTS (SELECT 1 FROM community.follow f
                       WHERE f.follower_id = $2 AND f.target_kind = 'USER' AND f.target_id = k.id) AS viewer_follows,
              EXISTS (SELECT 1 FROM community.user_block b WHERE b.blocker_id = $2 AND b.blocked_id = k.id) AS viewer_blocked,
              EXISTS (SELECT 1 FROM community.user_block b WHERE b.blocker_id = k.id AND b.blocked_id = $2) AS blocks_viewer
         FROM (SELECT $1::uuid AS id) k LEFT JOIN community.profile p ON p.user_id = k.id`,
      [userId, viewerId],
    );
    return {
      ...toRow(row!),
      viewerFollows: row!.viewer_follows,
      viewerBlocked: row!.viewer_blocked,
      blocksViewer: row!.blocks_viewer,
    };
  }

  /** Writes the editable fields (the images are set apart). */
  async save(profile: Omit<ProfileRow, 'avatar' | 'cover'>, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO community.profile (user_id, bio, links, show_licenses_sold, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE
         SET bio = EXCLUDED.bio, links = EXCLUDED.links, show_licenses_sold = EXCLUDED.show_licenses_sold,
             updated_at = EXCLUDED.updated_at`,
      [profile.userId, profile.bio, JSON.stringify(profile.links), profile.showLicensesSold, at],
    );
  }

  /** Sets or clears the avatar or the cover. */
  async setImage(userId: string, slot: ProfileImageSlot, image: ProfileImage | null, at: Date): Promise<void> {
    const column = slot === 'AVATAR' ? 'avatar' : 'cover';
    await this.dataSource.query(
      `INSERT INTO community.profile (user_id, ${column}, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET ${column} = EXCLUDED.${column}, updated_at = EXCLUDED.updated_at`,
      [userId, image && JSON.stringify(image), at],
    );
  }

  /** Avatars of many users in one statement (cards, feed items); users without one are absent. */
  async avatarsOf(userIds: readonly string[]): Promise<Map<string, ProfileImage>> {
    const rows = await this.dataSource.query<{ user_id: string; avatar: ProfileImage }[]>(
      `SELECT user_id, avatar FROM community.profile WHERE user_id = ANY ($1::uuid[]) AND avatar IS NOT NULL`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, r.avatar]));
  }
}

function toRow(raw: Raw): ProfileRow {
  return {
    userId: raw.user_id,
    bio: raw.bio ?? '',
    links: raw.links ?? [],
    avatar: raw.avatar,
    cover: raw.cover,
    showLicensesSold: raw.show_licenses_sold ?? false,
  };
}
