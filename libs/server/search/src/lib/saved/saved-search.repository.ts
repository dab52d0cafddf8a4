import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentKind } from '../documents/search-document';
import type { SavedRequest } from './saved-search-rules';

export interface SavedSearch {
  id: string;
  userId: string;
  name: string;
  request: SavedRequest;
  requestHash: string;
  /** Only what is published after this `community.activity` id can alert on it. */
  afterActivityId: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A model or template published for the first time, as the activity table records it. */
export interface NewlyPublished {
  activityId: number;
  kind: DocumentKind;
  id: string;
  ownerId: string;
}

interface Row {
  id: string;
  user_id: string;
  name: string;
  request: SavedRequest;
  request_hash: string;
  after_activity_id: string;
  created_at: Date;
  updated_at: Date;
}

const toSavedSearch = (r: Row): SavedSearch => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  request: r.request,
  requestHash: r.request_hash,
  afterActivityId: Number(r.after_activity_id),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = 'id, user_id, name, request, request_hash, after_activity_id, created_at, updated_at';

/**
 * `search.saved_search` (a member's saved searches) and the alert job's cursor over `community.activity`, which it
 * reads (with `community.user_block`) as search reads other domains' tables (decision 0005).
 */
@Injectable()
export class SavedSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Saves a search, or answers the member's existing saved search for the same request (saving twice is one row). The
   * new row alerts only on what is published after the newest activity now.
   */
  async create(
    manager: EntityManager,
    row: { id: string; userId: string; name: string; request: SavedRequest; requestHash: string; at: Date },
  ): Promise<{ search: SavedSearch; created: boolean }> {
    const inserted = await manager.query<Row[]>(
      `INSERT INTO search.saved_search (id, user_id, name, request, request_hash, after_activity_id, created_at,
                                        updated_at)
       SELECT $1, $2, $3, $4, $5, COALESCE((SELECT max(id) FROM community.activity), 0), $6, $6
       ON CONFLICT (user_id, request_hash) DO NOTHING
       RETURNING ${COLUMNS}`,
      [row.id, row.userId, row.name, JSON.stringify(row.request), row.requestHash, row.at],
    );
    if (inserted[0]) return { search: toSavedSearch(inserted[0]), created: true };
    const [existing] = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM search.saved_search WHERE user_id = $1 AND request_hash = $2`,
      [row.userId, row.requestHash],
    );
    return { search: toSavedSearch(existing!), created: false };
  }

  /** How many searches a member keeps, with their rows locked against a concurrent save (the limit holds). */
  async lockCount(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('saved-search:' || $1::text, 0))`, [userId]);
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM search.saved_search WHERE user_id = $1`,
      [userId],
    );
    return row?.n ?? 0;
  }

  /** A member's saved searches, newest first. */
  async listOf(userId: string): Promise<SavedSearch[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM search.saved_search WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [userId],
    );
    return rows.map(toSavedSearch);
  }

  /** Renames a member's saved search; null when they have none with this id. */
  async rename(userId: string, id: string, name: string, at: Date): Promise<SavedSearch | null> {
    const rows = await this.dataSource.query<Row[]>(
      `WITH changed AS (
         UPDATE search.saved_search SET name = $3, updated_at = $4 WHERE id = $2 AND user_id = $1 RETURNING ${COLUMNS})
       SELECT * FROM changed`,
      [userId, id, name, at],
    );
    return rows[0] ? toSavedSearch(rows[0]) : null;
  }

  /** Deletes a member's saved search; false when there was none (a repeat). */
  async remove(userId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH gone AS (DELETE FROM search.saved_search WHERE id = $2 AND user_id = $1 RETURNING id) SELECT id FROM gone`,
      [userId, id],
    );
    return rows.length > 0;
  }

  /** The alert job's cursor, locked until the caller's transaction ends: two runs never match the same batch. */
  async lockCursor(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ activity_id: string }[]>(
      `SELECT activity_id FROM search.saved_search_cursor WHERE id = 1 FOR UPDATE`,
    );
    return Number(row?.activity_id ?? 0);
  }

  async moveCursor(manager: EntityManager, activityId: number): Promise<void> {
    await manager.query(`UPDATE search.saved_search_cursor SET activity_id = $1 WHERE id = 1`, [activityId]);
  }

  /**
   * The activity after `after` (at most `limit` rows, in order): its last id, and the models and templates among it
   * published for the first time (a subject's earliest activity; a new version of something already out is not new).
   */
  async activityAfter(
    manager: EntityManager,
    after: number,
    limit: number,
  ): Promise<{ lastId: number | null; published: NewlyPublished[] }> {
    const rows = await manager.query<
      { id: string; subject_kind: DocumentKind; subject_id: string; actor_id: string; first: boolean }[]
    >(
      `SELECT a.id, a.subject_kind, a.subject_id, a.actor_id,
              NOT EXISTS (SELECT 1 FROM community.activity e
                           WHERE e.subject_kind = a.subject_kind AND e.subject_id = a.subject_id AND e.id < a.id) AS first
         FROM community.activity a
        WHERE a.id > $1
        ORDER BY a.id
        LIMIT $2`,
      [after, limit],
    );
    return {
      lastId: rows.length ? Number(rows[rows.length - 1]!.id) : null,
      published: rows
        .filter((r) => r.first)
        .map((r) => ({ activityId: Number(r.id), kind: r.subject_kind, id: r.subject_id, ownerId: r.actor_id })),
    };
  }

  /** Every saved search, a page at a time in id order (the alert job tests each against a batch). */
  async page(manager: EntityManager, after: string | null, limit: number): Promise<SavedSearch[]> {
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM search.saved_search WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [after, limit],
    );
    return rows.map(toSavedSearch);
  }

  /** The pairs (as `a:b`, both orders) among these users where either has blocked the other. */
  async blockedPairs(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length < 2) return new Set();
    const rows = await manager.query<{ blocker_id: string; blocked_id: string }[]>(
      `SELECT blocker_id, blocked_id FROM community.user_block
        WHERE blocker_id = ANY ($1::uuid[]) AND blocked_id = ANY ($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Set(rows.flatMap((r) => [`${r.blocker_id}:${r.blocked_id}`, `${r.blocked_id}:${r.blocker_id}`]));
  }
}
