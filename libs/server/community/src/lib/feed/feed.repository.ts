import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { visibleTo } from '../blocks/block.repository';

export const FEED_VERBS = [
  'MODEL_VERSION_PUBLISHED',
  'TEMPLATE_PUBLISHED',
  'TEMPLATE_VERSION_PUBLISHED',
  'REMIX_PUBLISHED',
] as const;
export type FeedVerb = (typeof FEED_VERBS)[number];

/** The most recent follows a feed reads (Bluesky caps its fan-out the same way). */
export const FEED_FOLLOW_CAP = 2000;

export interface FeedRow {
  id: string;
  verb: FeedVerb;
  createdAt: Date;
  actor: { id: string; handle: string; displayName: string };
  subjectKind: 'MODEL' | 'TEMPLATE';
  subjectId: string;
  subjectName: string;
  versionId: string;
  versionName: string;
}

interface Raw {
  id: string;
  verb: FeedVerb;
  created_at: Date;
  actor_id: string;
  handle: string;
  display_name: string;
  subject_kind: 'MODEL' | 'TEMPLATE';
  subject_id: string;
  subject_name: string;
  version_id: string;
  version_name: string;
}

/**
 * The following feed, by fan-out on read: the reader's follows (newest 2,000), the top `limit` activities of each
 * followee from its index (`activity (actor_id, id desc)` or `(ip_id, id desc)`), merged and cut — one statement per
 * page whatever the number of followers a creator has. Visibility applies at read time: the subject still published
 * and no block between reader and author, so a block or a takedown shows at once.
 */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` items older than `beforeId` (null: the newest), newest first. */
  async page(viewerId: string, beforeId: string | null, limit: number): Promise<FeedRow[]> {
    const visible = `
      AND ${visibleTo('$1', 'a.actor_id')}
      AND (CASE a.subject_kind
             WHEN 'MODEL' THEN EXISTS (SELECT 1 FROM catalog.style_model m WHERE m.id = a.subject_id AND m.status = 'PUBLISHED')
             ELSE EXISTS (SELECT 1 FROM templates.template t WHERE t.id = a.subject_id AND t.status = 'PUBLISHED')
           END)`;
    const rows = await this.dataSource.query<Raw[]>(
      `WITH f AS (
         SELECT target_kind, target_id FROM community.follow
          WHERE follower_id = $1 ORDER BY created_at DESC LIMIT ${FEED_FOLLOW_CAP}
       ), hits AS (
         SELECT x.id FROM f CROSS JOIN LATERAL (
           SELECT a.id FROM community.activity a
            WHERE f.target_kind = 'USER' AND a.actor_id = f.target_id AND ($2::bigint IS NULL OR a.id < $2) ${visible}
            ORDER BY a.id DESC LIMIT $3) x
         UNION
         SELECT x.id FROM f CROSS JOIN LATERAL (
           SELECT a.id FROM community.activity a
            WHERE f.target_kind = 'IP' AND a.ip_id = f.target_id AND ($2::bigint IS NULL OR a.id < $2) ${visible}
            ORDER BY a.id DESC LIMIT $3) x
       ), top AS (SELECT id FROM hits ORDER BY id DESC LIMIT $3)
       SELECT a.id::text AS id, a.verb, a.created_at, a.actor_id, u.handle, u.display_name, a.subject_kind,
              a.subject_id, coalesce(m.name, t.name) AS subject_name, a.version_id,
              coalesce(v.name, tv.label) AS version_name
         FROM top
         JOIN community.activity a ON a.id = top.id
         JOIN identity.public_profile u ON u.id = a.actor_id
         LEFT JOIN catalog.style_model m ON a.subject_kind = 'MODEL' AND m.id = a.subject_id
         LEFT JOIN catalog.model_version v ON a.subject_kind = 'MODEL' AND v.id = a.version_id
         LEFT JOIN templates.template t ON a.subject_kind = 'TEMPLATE' AND t.id = a.subject_id
         LEFT JOIN templates.template_version tv ON a.subject_kind = 'TEMPLATE' AND tv.id = a.version_id
        ORDER BY a.id DESC`,
      [viewerId, beforeId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      verb: r.verb,
      createdAt: r.created_at,
      actor: { id: r.actor_id, handle: r.handle, displayName: r.display_name },
      subjectKind: r.subject_kind,
      subjectId: r.subject_id,
      subjectName: r.subject_name,
      versionId: r.version_id,
      versionName: r.version_name,
    }));
  }
}
