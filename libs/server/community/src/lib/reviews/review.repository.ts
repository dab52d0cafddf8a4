import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Tier } from '@lookbook/kernel';
import { visibleTo } from '../blocks/block.repository';
import type { ReviewableKind, ReviewCore, ReviewRevision, ReviewRow } from './review';

export interface NewReview {
  id: string;
  subjectKind: ReviewableKind;
  subjectId: string;
  authorId: string;
  licenseId: string;
  licenseTier: Tier;
  rating: number;
  body: string;
  at: Date;
}

/** A position in a newest-first list of reviews. */
export interface ReviewCursor {
  createdAt: Date;
  id: string;
}

interface Raw {
  id: string;
  subject_kind: ReviewableKind;
  subject_id: string;
  subject_name: string;
  author_id: string;
  handle: string;
  display_name: string;
  rating: number;
  body: string;
  license_tier: Tier;
  license_held: boolean;
  helpful_count: number;
  revision: number;
  created_at: Date;
  edited_at: Date | null;
  reply_body: string | null;
  replied_at: Date | null;
  reply_edited_at: Date | null;
  viewer_voted: boolean;
}

/**
 * Reviews with their author, subject name and whether `$1` found them helpful, visible to `$1` (a viewer, or NULL for a
 * signed-out reader).
 */
const SELECT_ROWS = `
  SELECT r.id, r.subject_kind, r.subject_id, coalesce(m.name, t.name) AS subject_name, r.author_id, u.handle,
         u.display_name, r.rating, r.body, r.license_tier, r.license_held, r.helpful_count, r.revision, r.created_at,
         r.edited_at, r.reply_body, r.replied_at, r.reply_edited_at,
         ($1::uuid IS NOT NULL AND EXISTS (
           SELECT 1 FROM community.review_vote rv WHERE rv.review_id = r.id AND rv.user_id = $1::uuid)) AS viewer_voted
    FROM community.review r
    JOIN identity.public_profile u ON u.id = r.author_id
    LEFT JOIN catalog.style_model m ON r.subject_kind = 'MODEL' AND m.id = r.subject_id
    LEFT JOIN templates.template t ON r.subject_kind = 'TEMPLATE' AND t.id = r.subject_id
   WHERE ${visibleTo('$1', 'r.author_id')}`;

/**
 * `community.review` and its revisions and helpful votes. Lists are newest first by `(created_at, id)` from an index,
 * one statement per page, with the block predicate applied at read time; counts (helpful votes) are columns bumped in
 * the vote's statement, never counted on read.
 */
@Injectable()
export class ReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a review; false when the author already reviewed the subject (nothing written). */
  async insert(manager: EntityManager, r: NewReview): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.review (id, subject_kind, subject_id, author_id, license_id, license_tier, rating, body,
                                     created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (author_id, subject_kind, subject_id) DO NOTHING RETURNING 1`,
      [r.id, r.subjectKind, r.subjectId, r.authorId, r.licenseId, r.licenseTier, r.rating, r.body, r.at],
    );
    return rows.length > 0;
  }

  /** The review, row-locked for the rest of the caller's transaction, or null. */
  async lock(manager: EntityManager, id: string): Promise<ReviewCore | null> {
    const [row] = await manager.query<
      {
        id: string;
        subject_kind: ReviewableKind;
        subject_id: string;
        author_id: string;
        rating: number;
        body: string;
        revision: number;
        license_held: boolean;
        created_at: Date;
        edited_at: Date | null;
        reply_body: string | null;
        replied_at: Date | null;
      }[]
    >(
      `SELECT id, subject_kind, subject_id, author_id, rating, body, revision, license_held, created_at, edited_at,
              reply_body, replied_at
         FROM community.review WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row
      ? {
          id: row.id,
          subjectKind: row.subject_kind,
          subjectId: row.subject_id,
          authorId: row.author_id,
          rating: row.rating,
          body: row.body,
          revision: row.revision,
          licenseHeld: row.license_held,
          createdAt: row.created_at,
          editedAt: row.edited_at,
          replyBody: row.reply_body,
          repliedAt: row.replied_at,
        }
      : null;
  }

  /** An edit: the text it replaces becomes revision n, the review becomes revision n + 1 (one statement). */
  async edit(manager: EntityManager, before: ReviewCore, rating: number, body: string, at: Date): Promise<void> {
    await manager.query(
      `WITH kept AS (
         INSERT INTO community.review_revision (review_id, revision, rating, body, written_at)
         VALUES ($1, $2, $3, $4, $5)
       )
       UPDATE community.review SET rating = $6, body = $7, revision = $2 + 1, edited_at = $8 WHERE id = $1`,
      [before.id, before.revision, before.rating, before.body, before.editedAt ?? before.createdAt, rating, body, at],
    );
  }

  /** Sets the creator's reply: the first time `replied_at`, afterwards `reply_edited_at`. */
  async reply(manager: EntityManager, id: string, body: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE community.review
          SET reply_body = $2, replied_at = coalesce(replied_at, $3),
              reply_edited_at = CASE WHEN replied_at IS NULL THEN NULL ELSE $3 END
        WHERE id = $1`,
      [id, body, at],
    );
  }

  /** Records a helpful vote and bumps the review's count in one statement; false when it was already there. */
  async addVote(manager: EntityManager, reviewId: string, userId: string, at: Date): Promise<boolean> {
    // A top-level UPDATE answers [rows, affected] through TypeORM.
    const [, affected] = await manager.query<[unknown[], number]>(
      `WITH v AS (
         INSERT INTO community.review_vote (review_id, user_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING review_id
       )
       UPDATE community.review r SET helpful_count = r.helpful_count + 1 FROM v WHERE r.id = v.review_id`,
      [reviewId, userId, at],
    );
    return affected > 0;
  }

  /** Takes a helpful vote back and lowers the count in one statement; false when there was none. */
  async removeVote(manager: EntityManager, reviewId: string, userId: string): Promise<boolean> {
    const [, affected] = await manager.query<[unknown[], number]>(
      `WITH v AS (
         DELETE FROM community.review_vote WHERE review_id = $1 AND user_id = $2 RETURNING review_id
       )
       UPDATE community.review r SET helpful_count = r.helpful_count - 1 FROM v WHERE r.id = v.review_id`,
      [reviewId, userId],
    );
    return affected > 0;
  }

  /** One review as `viewerId` may see it (null: missing, or across a block). */
  async one(viewerId: string | null, id: string): Promise<ReviewRow | null> {
    const [row] = await this.dataSource.query<Raw[]>(`${SELECT_ROWS} AND r.id = $2`, [viewerId, id]);
    return row ? toRow(row) : null;
  }

  /**
   * What review eligibility needs, in one statement: the published subject's creator (null: no such published
   * subject), whether a block stands between them and `viewerId`, the tier of the strongest active licence
   * `viewerId` holds on it (EXCLUSIVE over … over FREE, any version; null: none) and their review of it.
   */
  async eligibilityOf(
    viewerId: string,
    kind: ReviewableKind,
    subjectId: string,
  ): Promise<{ ownerId: string; blocked: boolean; licenseTier: Tier | null; review: ReviewRow | null } | null> {
    const [row] = await this.dataSource.query<
      (Partial<Raw> & { owner_id: string; blocked: boolean; strongest_tier: Tier | null })[]
    >(
      `WITH s AS (
         SELECT m.owner_id FROM catalog.style_model m WHERE $2 = 'MODEL' AND m.id = $3 AND m.status = 'PUBLISHED'
         UNION ALL
         SELECT t.owner_id FROM templates.template t WHERE $2 = 'TEMPLATE' AND t.id = $3 AND t.status = 'PUBLISHED'
       )
       SELECT s.owner_id,
              EXISTS (SELECT 1 FROM community.user_block b
                       WHERE (b.blocker_id = $1 AND b.blocked_id = s.owner_id)
                          OR (b.blocker_id = s.owner_id AND b.blocked_id = $1)) AS blocked,
              (SELECT g.tier FROM licensing.grant g
                WHERE g.licensee_id = $1 AND g.subject_kind = $2 AND g.subject_id = $3 AND g.status = 'ACTIVE'
                ORDER BY array_position(ARRAY['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'], g.tier) DESC
                LIMIT 1) AS strongest_tier,
              mine.*
         FROM s
         LEFT JOIN LATERAL (${SELECT_ROWS} AND r.author_id = $1 AND r.subject_kind = $2 AND r.subject_id = $3) mine
           ON true`,
      [viewerId, kind, subjectId],
    );
    if (!row) return null;
    return {
      ownerId: row.owner_id,
      blocked: row.blocked,
      licenseTier: row.strongest_tier,
      review: row.id ? toRow(row as Raw) : null,
    };
  }

  /** A subject's reviews, newest first, after `cursor`: up to `limit`, none by anyone on either side of a block. */
  async ofSubject(
    viewerId: string | null,
    kind: ReviewableKind,
    subjectId: string,
    cursor: ReviewCursor | null,
    limit: number,
  ): Promise<ReviewRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `${SELECT_ROWS} AND r.subject_kind = $2 AND r.subject_id = $3
          AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4, $5::uuid))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
      [viewerId, kind, subjectId, cursor?.createdAt ?? null, cursor?.id ?? null, limit],
    );
    return rows.map(toRow);
  }

  /** Reviews a member wrote of published models and templates, newest first (their profile's tab). */
  async byAuthor(
    viewerId: string | null,
    authorId: string,
    cursor: ReviewCursor | null,
    limit: number,
  ): Promise<ReviewRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `${SELECT_ROWS} AND r.author_id = $2 AND coalesce(m.status, t.status) = 'PUBLISHED'
          AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3, $4::uuid))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $5`,
      [viewerId, authorId, cursor?.createdAt ?? null, cursor?.id ?? null, limit],
    );
    return rows.map(toRow);
  }

  /** Which of these reviews the user found helpful: one statement for a page (DataLoaders). */
  async votedAmong(userId: string, reviewIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ review_id: string }[]>(
      `SELECT review_id FROM community.review_vote WHERE user_id = $1 AND review_id = ANY ($2::uuid[])`,
      [userId, reviewIds],
    );
    return new Set(rows.map((r) => r.review_id));
  }

  /** The texts a review had before its edits, newest first. */
  async revisions(reviewId: string): Promise<ReviewRevision[]> {
    const rows = await this.dataSource.query<{ revision: number; rating: number; body: string; written_at: Date }[]>(
      `SELECT revision, rating, body, written_at FROM community.review_revision WHERE review_id = $1
        ORDER BY revision DESC`,
      [reviewId],
    );
    return rows.map((r) => ({ revision: r.revision, rating: r.rating, body: r.body, writtenAt: r.written_at }));
  }
}

function toRow(r: Raw): ReviewRow {
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    subjectName: r.subject_name ?? '',
    author: { id: r.author_id, handle: r.handle, displayName: r.display_name },
    rating: r.rating,
    body: r.body,
    licenseTier: r.license_tier,
    licenseHeld: r.license_held,
    helpfulCount: r.helpful_count,
    revision: r.revision,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    reply:
      r.reply_body && r.replied_at
        ? { body: r.reply_body, repliedAt: r.replied_at, editedAt: r.reply_edited_at }
        : null,
    viewerVoted: r.viewer_voted,
  };
}
