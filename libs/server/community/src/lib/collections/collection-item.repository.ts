import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { visibleTo } from '../blocks/block.repository';
import type { CollectionItemKind, CollectionItemRow, CoverImage } from './collection';

interface RawItem {
  id: string;
  collection_id: string;
  item_kind: CollectionItemKind;
  item_id: string;
  position: string;
  note: string;
  added_by: string;
  created_at: Date;
  available: boolean;
  model_id: string | null;
  storage_key: string | null;
  content_type: string | null;
  width: number | null;
  height: number | null;
  placeholder: string | null;
  thumbnails: { width: number; height: number; key: string }[] | null;
}

/** The items of collections, in order (docs/architecture/community.md#collections). */
@Injectable()
export class CollectionItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds an item at `position`; false when the collection already holds it (a repeat changes nothing). */
  async insert(
    manager: EntityManager,
    item: {
      id: string;
      collectionId: string;
      kind: CollectionItemKind;
      itemId: string;
      position: number;
      note: string;
      addedBy: string;
    },
    at: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.collection_item (id, collection_id, item_kind, item_id, position, note, added_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (collection_id, item_kind, item_id) DO NOTHING RETURNING 1`,
      [item.id, item.collectionId, item.kind, item.itemId, item.position, item.note, item.addedBy, at],
    );
    return rows.length > 0;
  }

  /** The row id of an item in a collection, or null. */
  async find(manager: EntityManager, collectionId: string, kind: CollectionItemKind, itemId: string) {
    const [row] = await manager.query<{ id: string }[]>(
      `SELECT id FROM community.collection_item WHERE collection_id = $1 AND item_kind = $2 AND item_id = $3`,
      [collectionId, kind, itemId],
    );
    return row?.id ?? null;
  }

  /** Whether item row `id` belongs to the collection. */
  async has(manager: EntityManager, collectionId: string, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM community.collection_item WHERE collection_id = $1 AND id = $2`,
      [collectionId, id],
    );
    return rows.length > 0;
  }

  /** The last position in a collection (null when empty). */
  async lastPosition(manager: EntityManager, collectionId: string): Promise<number | null> {
    const [row] = await manager.query<{ p: string | null }[]>(
      `SELECT max(position)::text AS p FROM community.collection_item WHERE collection_id = $1`,
      [collectionId],
    );
    return row?.p == null ? null : Number(row.p);
  }

  /** Removes an item (by its row id); false when the collection has no such item. */
  async delete(manager: EntityManager, collectionId: string, id: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community.collection_item WHERE collection_id = $1 AND id = $2 RETURNING 1`,
      [collectionId, id],
    );
    return rows.length > 0;
  }

  async setNote(manager: EntityManager, collectionId: string, id: string, note: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE community.collection_item SET note = $3 WHERE collection_id = $1 AND id = $2 RETURNING 1`,
      [collectionId, id, note],
    );
    return rows.length > 0;
  }

  /**
   * Where item `id` would go when placed right after item `afterId` (null: first): the positions of its new
   * neighbours, the moved item itself left out. `found` is false when either item is not in the collection.
   */
  async neighbours(
    manager: EntityManager,
    collectionId: string,
    id: string,
    afterId: string | null,
  ): Promise<{ found: boolean; before: number | null; after: number | null }> {
    const [row] = await manager.query<{ moved: boolean; anchor: string | null; next: string | null }[]>(
      `WITH anchor AS (SELECT position FROM community.collection_item WHERE collection_id = $1 AND id = $3 AND id <> $2)
       SELECT EXISTS (SELECT 1 FROM community.collection_item WHERE collection_id = $1 AND id = $2) AS moved,
              (SELECT position::text FROM anchor) AS anchor,
              (SELECT min(position)::text FROM community.collection_item
                WHERE collection_id = $1 AND id <> $2
                  AND ($3::uuid IS NULL OR position > (SELECT position FROM anchor))) AS next`,
      [collectionId, id, afterId],
    );
    const found = !!row?.moved && (afterId === null || row.anchor !== null);
    return {
      found,
      before: row?.anchor == null ? null : Number(row.anchor),
      after: row?.next == null ? null : Number(row.next),
    };
  }

  async setPosition(manager: EntityManager, id: string, position: number): Promise<void> {
    await manager.query(`UPDATE community.collection_item SET position = $2 WHERE id = $1`, [id, position]);
  }

  /** Renumbers one collection `gap` apart in its current order (only when a move finds no room). */
  async renumber(manager: EntityManager, collectionId: string, gap: number): Promise<void> {
    await manager.query(
      `UPDATE community.collection_item ci SET position = o.n * $2
         FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS n
                 FROM community.collection_item WHERE collection_id = $1) o
        WHERE ci.id = o.id`,
      [collectionId, gap],
    );
  }

  /**
   * A collection's items in order, each marked available when it is published (a sample image: of a published
   * version of a published model) and not by someone on either side of a block with `viewer`; an image carries what
   * its card draws. One statement.
   */
  async list(collectionId: string, viewerId: string | null): Promise<CollectionItemRow[]> {
    const rows = await this.dataSource.query<RawItem[]>(
      `SELECT ci.id, ci.collection_id, ci.item_kind, ci.item_id, ci.position::text AS position, ci.note, ci.added_by,
              ci.created_at, im.model_id, im.storage_key, im.content_type, im.width, im.height, im.placeholder, im.thumbnails,
              coalesce(CASE ci.item_kind WHEN 'MODEL' THEN m.status = 'PUBLISHED'
                                         WHEN 'TEMPLATE' THEN t.status = 'PUBLISHED'
                                         ELSE im.published END, false)
                AND ${visibleTo('$2', 'coalesce(m.owner_id, t.owner_id, im.owner_id)')} AS available
         FROM community.collection_item ci
         LEFT JOIN catalog.style_model m ON ci.item_kind = 'MODEL' AND m.id = ci.item_id
         LEFT JOIN templates.template t ON ci.item_kind = 'TEMPLATE' AND t.id = ci.item_id
         LEFT JOIN LATERAL (
           SELECT im_m.id AS model_id, im_m.owner_id, i.storage_key, i.content_type, i.width, i.height, i.placeholder, i.thumbnails,
                  (v.status = 'PUBLISHED' AND im_m.status = 'PUBLISHED') AS published
             FROM catalog.sample_image i
             JOIN catalog.model_version v ON v.id = i.version_id
             JOIN catalog.style_model im_m ON im_m.id = v.model_id
            WHERE ci.item_kind = 'IMAGE' AND i.id = ci.item_id) im ON true
        WHERE ci.collection_id = $1
        ORDER BY ci.position, ci.id`,
      [collectionId, viewerId],
    );
    return rows.map((r) => {
      const image: CoverImage | null =
        r.storage_key && r.available
          ? {
              storageKey: r.storage_key,
              width: r.width!,
              height: r.height!,
              placeholder: r.placeholder,
              thumbnails: r.thumbnails ?? [],
            }
          : null;
      return {
        id: r.id,
        collectionId: r.collection_id,
        kind: r.item_kind,
        itemId: r.item_id,
        position: Number(r.position),
        note: r.note,
        addedBy: r.added_by,
        createdAt: r.created_at,
        available: r.available,
        modelId: r.available ? r.model_id : null,
        contentType: r.content_type,
        image,
      };
    });
  }
}
