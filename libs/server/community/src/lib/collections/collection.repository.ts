import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { visibleTo } from '../blocks/block.repository';
import type {
  CollectionCardRow,
  CollectionMemberRow,
  CollectionRow,
  CollectionVisibility,
  CoverImage,
} from './collection';

interface Raw {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  visibility: CollectionVisibility;
  cover_item_id: string | null;
  item_count: number;
  created_at: Date;
  updated_at: Date;
  cover_key?: string | null;
  cover_width?: number | null;
  cover_height?: number | null;
  cover_placeholder?: string | null;
  cover_thumbnails?: { width: number; height: number; key: string }[] | null;
}

const COLUMNS = `c.id, c.owner_id, c.title, c.description, c.visibility, c.cover_item_id, c.item_count, c.created_at,
  c.updated_at`;

/**
 * The cover of `c`: the chosen item, else the first item in order that has an image (an image item is its own; a
 * model shows the first sample of its newest published version). Unpublished items and items by someone on either
 * side of a block with the viewer ($viewer) are passed over.
 */
const coverJoin = (viewer: string) => `
  LEFT JOIN LATERAL (
    SELECT img.storage_key AS cover_key, img.width AS cover_width, img.height AS cover_height,
           img.placeholder AS cover_placeholder, img.thumbnails AS cover_thumbnails
      FROM community.collection_item ci
      CROSS JOIN LATERAL (
        SELECT i.storage_key, i.width, i.height, i.placeholder, i.thumbnails
          FROM catalog.sample_image i
          JOIN catalog.model_version v ON v.id = i.version_id AND v.status = 'PUBLISHED'
          JOIN catalog.style_model m ON m.id = v.model_id AND m.status = 'PUBLISHED'
         WHERE ((ci.item_kind = 'IMAGE' AND i.id = ci.item_id) OR (ci.item_kind = 'MODEL' AND m.id = ci.item_id))
           AND ${visibleTo(viewer, 'm.owner_id')}
         ORDER BY v.published_at DESC NULLS LAST, i.created_at, i.id
         LIMIT 1) img
     WHERE ci.collection_id = c.id
     ORDER BY (ci.id = c.cover_item_id) DESC NULLS LAST, ci.position, ci.id
     LIMIT 1) cover ON true`;

function toRow(r: Raw): CollectionCardRow {
  const cover: CoverImage | null = r.cover_key
    ? {
        storageKey: r.cover_key,
        width: r.cover_width!,
        height: r.cover_height!,
        placeholder: r.cover_placeholder ?? null,
        thumbnails: r.cover_thumbnails ?? [],
      }
    : null;
  return {
    id: r.id,
    ownerId: r.owner_id,
    title: r.title,
    description: r.description,
    visibility: r.visibility,
    coverItemId: r.cover_item_id,
    itemCount: Number(r.item_count),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    cover,
  };
}

/** Collections, their editors and their followers (docs/architecture/community.md#collections). */
@Injectable()
export class CollectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: Omit<CollectionRow, 'itemCount' | 'coverItemId'>): Promise<void> {
    await manager.query(
      `INSERT INTO community.collection (id, owner_id, title, description, visibility, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [row.id, row.ownerId, row.title, row.description, row.visibility, row.createdAt],
    );
  }

  /** How many collections a member owns (the create path's cap; never read on a page). */
  async countOwnedBy(manager: EntityManager, ownerId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM community.collection WHERE owner_id = $1`,
      [ownerId],
    );
    return row?.n ?? 0;
  }

  /** The collection, locked for the caller's transaction: every write to a collection or its items passes here. */
  async lock(manager: EntityManager, id: string): Promise<CollectionRow | null> {
    const [row] = await manager.query<Raw[]>(
      `SELECT ${COLUMNS} FROM community.collection c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toRow(row) : null;
  }

  async update(
    manager: EntityManager,
    id: string,
    change: { title: string; description: string; visibility: CollectionVisibility; coverItemId: string | null },
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE community.collection SET title = $2, description = $3, visibility = $4, cover_item_id = $5, updated_at = $6
        WHERE id = $1`,
      [id, change.title, change.description, change.visibility, change.coverItemId, at],
    );
  }

  /** Adds `delta` to the item count and marks the collection updated (in the item write's transaction). */
  async touch(manager: EntityManager, id: string, itemDelta: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE community.collection SET item_count = item_count + $2, updated_at = $3,
              cover_item_id = CASE WHEN cover_item_id IS NULL OR EXISTS (SELECT 1 FROM community.collection_item
                                     WHERE id = cover_item_id) THEN cover_item_id END
        WHERE id = $1`,
      [id, itemDelta, at],
    );
  }

  /** Deletes the collection: items, editors and follows go with it (cascade), and its follower counter rows. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM community.collection WHERE id = $1`, [id]);
    await manager.query(`DELETE FROM community.counter WHERE subject_kind = 'COLLECTION' AND subject_id = $1`, [id]);
  }

  /** Collections by id with their covers, as `viewer` sees the covers (one statement for a page). */
  async cards(ids: readonly string[], viewerId: string | null): Promise<CollectionCardRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT ${COLUMNS}, cover.* FROM community.collection c ${coverJoin('$2')} WHERE c.id = ANY ($1::uuid[])`,
      [ids, viewerId],
    );
    return rows.map(toRow);
  }

  /** The collections a member owns or edits (and, with `invited`, is invited to), most recently updated first. */
  async ofMember(userId: string, limit: number, invited = true): Promise<CollectionCardRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT ${COLUMNS}, cover.* FROM community.collection c ${coverJoin('$1')}
        WHERE c.owner_id = $1
           OR EXISTS (SELECT 1 FROM community.collection_member cm WHERE cm.collection_id = c.id AND cm.user_id = $1
                         AND (cm.status = 'ACTIVE' OR $3))
        ORDER BY c.updated_at DESC, c.id LIMIT $2`,
      [userId, limit, invited],
    );
    return rows.map(toRow);
  }

  /** A member's public collections as `viewer` sees them (none when a block stands between them). */
  async publicOf(ownerId: string, viewerId: string | null, limit: number): Promise<CollectionCardRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `SELECT ${COLUMNS}, cover.* FROM community.collection c ${coverJoin('$2')}
        WHERE c.owner_id = $1 AND c.visibility = 'PUBLIC' AND ${visibleTo('$2', 'c.owner_id')}
        ORDER BY c.updated_at DESC, c.id LIMIT $3`,
      [ownerId, viewerId, limit],
    );
    return rows.map(toRow);
  }

  /**
   * Featured: among the 500 most recently updated public collections with at least `minItems` items, the most
   * followed, then the fullest, then the most recently updated. Bounded work whatever the number of collections.
   */
  async featured(viewerId: string | null, minItems: number, limit: number): Promise<CollectionCardRow[]> {
    const rows = await this.dataSource.query<Raw[]>(
      `WITH recent AS (
         SELECT id FROM community.collection
          WHERE visibility = 'PUBLIC' AND item_count >= $2 ORDER BY updated_at DESC LIMIT 500),
       ranked AS (
         SELECT r.id, coalesce((SELECT sum(k.value) FROM community.counter k
                                 WHERE k.subject_kind = 'COLLECTION' AND k.subject_id = r.id
                                   AND k.metric = 'FOLLOWERS'), 0) AS followers
           FROM recent r)
       SELECT ${COLUMNS}, cover.* FROM ranked
         JOIN community.collection c ON c.id = ranked.id ${coverJoin('$1')}
        WHERE ${visibleTo('$1', 'c.owner_id')}
        ORDER BY ranked.followers DESC, c.item_count DESC, c.updated_at DESC, c.id LIMIT $3`,
      [viewerId, minItems, limit],
    );
    return rows.map(toRow);
  }

  /** Which of a member's collections (owned or edited) hold this item: the Save dialog's checkboxes. */
  async holding(userId: string, kind: string, itemId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT ci.collection_id AS id FROM community.collection_item ci
         JOIN community.collection c ON c.id = ci.collection_id
        WHERE ci.item_kind = $2 AND ci.item_id = $3
          AND (c.owner_id = $1 OR EXISTS (SELECT 1 FROM community.collection_member cm
                WHERE cm.collection_id = c.id AND cm.user_id = $1 AND cm.status = 'ACTIVE'))`,
      [userId, kind, itemId],
    );
    return rows.map((r) => r.id);
  }

  // --- editors ---

  /** The member's standing in a collection (null: none). */
  async membership(
    collectionId: string,
    userId: string,
    manager?: EntityManager,
  ): Promise<'INVITED' | 'ACTIVE' | null> {
    const [row] = await (manager ?? this.dataSource).query<{ status: 'INVITED' | 'ACTIVE' }[]>(
      `SELECT status FROM community.collection_member WHERE collection_id = $1 AND user_id = $2`,
      [collectionId, userId],
    );
    return row?.status ?? null;
  }

  /** Editors and invitations of many collections (one statement), oldest first. */
  async members(collectionIds: readonly string[]): Promise<CollectionMemberRow[]> {
    const rows = await this.dataSource.query<
      { collection_id: string; user_id: string; status: 'INVITED' | 'ACTIVE'; invited_by: string; created_at: Date }[]
    >(
      `SELECT collection_id, user_id, status, invited_by, created_at FROM community.collection_member
        WHERE collection_id = ANY ($1::uuid[]) ORDER BY created_at, user_id`,
      [collectionIds],
    );
    return rows.map((r) => ({
      collectionId: r.collection_id,
      userId: r.user_id,
      status: r.status,
      invitedBy: r.invited_by,
      createdAt: r.created_at,
    }));
  }

  async countMembers(manager: EntityManager, collectionId: string): Promise<number> {
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM community.collection_member WHERE collection_id = $1`,
      [collectionId],
    );
    return row?.n ?? 0;
  }

  /** Invites a member; false when they were already invited or editing. */
  async invite(manager: EntityManager, collectionId: string, userId: string, by: string, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.collection_member (collection_id, user_id, status, invited_by, created_at)
       VALUES ($1, $2, 'INVITED', $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
      [collectionId, userId, by, at],
    );
    return rows.length > 0;
  }

  /** Turns an invitation into an editor; false when there was no invitation. */
  async accept(manager: EntityManager, collectionId: string, userId: string, at: Date): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE community.collection_member SET status = 'ACTIVE', accepted_at = $3
        WHERE collection_id = $1 AND user_id = $2 AND status = 'INVITED' RETURNING 1`,
      [collectionId, userId, at],
    );
    return rows.length > 0;
  }

  /** Removes an editor or an invitation; false when there was none. */
  async removeMember(manager: EntityManager, collectionId: string, userId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community.collection_member WHERE collection_id = $1 AND user_id = $2 RETURNING 1`,
      [collectionId, userId],
    );
    return rows.length > 0;
  }

  // --- follows ---

  async follow(manager: EntityManager, userId: string, collectionId: string, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.collection_follow (user_id, collection_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, collectionId, at],
    );
    return rows.length > 0;
  }

  async unfollow(manager: EntityManager, userId: string, collectionId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community.collection_follow WHERE user_id = $1 AND collection_id = $2 RETURNING 1`,
      [userId, collectionId],
    );
    return rows.length > 0;
  }

  /** Which of these collections the member follows (one statement for a page). */
  async followedAmong(userId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ collection_id: string }[]>(
      `SELECT collection_id FROM community.collection_follow WHERE user_id = $1 AND collection_id = ANY ($2::uuid[])`,
      [userId, ids],
    );
    return new Set(rows.map((r) => r.collection_id));
  }
}
