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
  /** The subject's counts, from its counter rows (read with the item: no statement of their own). */
  counts: { likes: number; downloads: number; rating: number | null; ratingCount: number };
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
  likes: string;
  downloads: string;
  rating_sum: string;
  rating_count: string;
}

/**
 * How many of the newest activities (below the cursor) the first attempt of a page scans for followed work. Dense
 * follow sets fill a page from the head of `activity`; a sparse one comes back short and takes the merge.
 */
export const FEED_SCAN_WINDOW = 5000;

/**
 * The following feed, by fan-out on read from indexed tables — one or two statements per page whatever the number
 * of followers a creator has:
 * 1. walk `activity` newest first (its primary key) through at most `window` rows, keeping those by the reader's
 *    follows (newest 2,000, hashed); a full page from this window is exact, as the window is every activity between
 *    the cursor and its oldest row;
 * 2. short of a page, merge the top `limit` activities of each followee from its index (`activity (actor_id, id
 *    desc)` or `(ip_id, id desc)`).
 * Visibility applies at read time in both: the subject still published and no block between reader and author, so a
 * block or a takedown shows at once.
 */
@Injectable()
export class FeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up to `limit` items older than `beforeId` (null: the newest), newest first. */
  async page(viewerId: string, beforeId: string | null, limit: number, window = FEED_SCAN_WINDOW): Promise<FeedRow[]> {
    const recent = await this.read(viewerId, beforeId, limit, RECENT_HITS(window));
    if (recent.length === limit) return recent;
    return this.read(viewerId, beforeId, limit, MERGED_HITS);
  }

  private async read(viewerId: string, beforeId: string | null, limit: number, hits: string): Promise<FeedRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `WITH f AS (
         SELECT target_kind, target_id FROM community.follow
          WHERE follower_id = $1 ORDER BY created_at DESC LIMIT ${FEED_FOLLOW_CAP}
       ), top AS (${hits})
       SELECT a.id::text AS id, a.verb, a.created_at, a.actor_id, u.handle, u.display_name, a.subject_kind,
              a.subject_id, coalesce(m.name, t.name) AS subject_name, a.version_id,
              coalesce(v.name, tv.label) AS version_name, c.likes, c.downloads, c.rating_sum, c.rating_count
         FROM top
         JOIN community.activity a ON a.id = top.id
         JOIN identity.public_profile u ON u.id = a.actor_id
         LEFT JOIN catalog.style_model m ON a.subject_kind = 'MODEL' AND m.id = a.subject_id
         LEFT JOIN catalog.model_version v ON a.subject_kind = 'MODEL' AND v.id = a.version_id
         LEFT JOIN templates.template t ON a.subject_kind = 'TEMPLATE' AND t.id = a.subject_id
         LEFT JOIN templates.template_version tv ON a.subject_kind = 'TEMPLATE' AND tv.id = a.version_id
         CROSS JOIN LATERAL (
           SELECT coalesce(sum(value) FILTER (WHERE metric = 'LIKES'), 0) AS likes,
                  coalesce(sum(value) FILTER (WHERE metric = 'DOWNLOADS'), 0) AS downloads,
                  coalesce(sum(value) FILTER (WHERE metric = 'RATING_SUM'), 0) AS rating_sum,
                  coalesce(sum(value) FILTER (WHERE metric = 'RATING_COUNT'), 0) AS rating_count
             FROM community.counter
            WHERE subject_kind = a.subject_kind AND subject_id = a.subject_id
              AND metric IN ('LIKES', 'DOWNLOADS', 'RATING_SUM', 'RATING_COUNT')
         ) c
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
      counts: countsOf(r),
    }));
  }
}

function countsOf(r: Raw): FeedRow['counts'] {
  const ratingCount = Number(r.rating_count);
  return {
    likes: Number(r.likes),
    downloads: Number(r.downloads),
    rating: ratingCount > 0 ? Math.round((Number(r.rating_sum) / ratingCount) * 10) / 10 : null,
    ratingCount,
  };
}

/**
 * Still published, and no block either way between the reader ($1) and the author. The status is a scalar lookup
 * per candidate row: written as EXISTS, the planner hashes every published model first (60k rows: 140 ms).
 */
const VISIBLE = `
  AND ${visibleTo('$1', 'a.actor_id')}
  AND 'PUBLISHED' = CASE a.subject_kind
        WHEN 'MODEL' THEN (SELECT m.status FROM catalog.style_model m WHERE m.id = a.subject_id)
        ELSE (SELECT t.status FROM templates.template t WHERE t.id = a.subject_id)
      END`;

/** The newest `window` activities below the cursor, filtered to the follows: stops at the page's last row. */
const RECENT_HITS = (window: number) => `
  SELECT a.id FROM (
    SELECT id, actor_id, ip_id, subject_kind, subject_id FROM community.activity
     WHERE $2::bigint IS NULL OR id < $2 ORDER BY id DESC LIMIT ${Math.max(1, Math.floor(window))}
  ) a
  WHERE (a.actor_id IN (SELECT target_id FROM f WHERE target_kind = 'USER')
         OR a.ip_id IN (SELECT target_id FROM f WHERE target_kind = 'IP')) ${VISIBLE}
  ORDER BY a.id DESC LIMIT $3`;

/** Each followee's newest `limit` from its own index, merged and cut. */
const MERGED_HITS = `
  SELECT id FROM (
    SELECT x.id FROM f CROSS JOIN LATERAL (
      SELECT a.id FROM community.activity a
       WHERE f.target_kind = 'USER' AND a.actor_id = f.target_id AND ($2::bigint IS NULL OR a.id < $2) ${VISIBLE}
       ORDER BY a.id DESC LIMIT $3) x
    UNION
    SELECT x.id FROM f CROSS JOIN LATERAL (
      SELECT a.id FROM community.activity a
       WHERE f.target_kind = 'IP' AND a.ip_id = f.target_id AND ($2::bigint IS NULL OR a.id < $2) ${VISIBLE}
       ORDER BY a.id DESC LIMIT $3) x
  ) hits ORDER BY id DESC LIMIT $3`;
