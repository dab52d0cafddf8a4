import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * The one "visible to viewer" predicate every community list joins: nothing by a user the viewer blocked, or who
 * blocked the viewer. `viewer` is a bind parameter (`$n`, uuid or NULL for a signed-out reader, who sees everything);
 * `author` is the column naming the author.
 */
export function visibleTo(viewer: string, author: string): string {
  return `NOT EXISTS (SELECT 1 FROM community.user_block b
                       WHERE (b.blocker_id = ${viewer}::uuid AND b.blocked_id = ${author})
                          OR (b.blocker_id = ${author} AND b.blocked_id = ${viewer}::uuid))`;
}

/**
 * The members on either side of a block with `viewer` (a bind parameter), as a subquery of user ids: what a read-time
 * correction of a count starts from (a short list for almost everyone).
 */
export function blockedEitherWay(viewer: string): string {
  return `SELECT b.blocked_id FROM community.user_block b WHERE b.blocker_id = ${viewer}::uuid
          UNION ALL SELECT b.blocker_id FROM community.user_block b WHERE b.blocked_id = ${viewer}::uuid`;
}

@Injectable()
export class BlockRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a block; false when it was already there. */
  async insert(manager: EntityManager, blockerId: string, blockedId: string, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [blockerId, blockedId, at],
    );
    return rows.length > 0;
  }

  /** Removes a block; false when there was none. */
  async delete(manager: EntityManager, blockerId: string, blockedId: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community.user_block WHERE blocker_id = $1 AND blocked_id = $2 RETURNING 1`,
      [blockerId, blockedId],
    );
    return rows.length > 0;
  }

  /** Whether either of the two blocked the other. */
  async between(a: string, b: string, manager?: EntityManager): Promise<boolean> {
    const [row] = await (manager ?? this.dataSource).query<{ blocked: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM community.user_block
                       WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)) AS blocked`,
      [a, b],
    );
    return row?.blocked ?? false;
  }

  /** The users `blockerId` blocked, newest first (a settings list; capped). */
  async blockedBy(blockerId: string, limit: number): Promise<{ userId: string; createdAt: Date }[]> {
    const rows = await this.dataSource.query<{ blocked_id: string; created_at: Date }[]>(
      `SELECT blocked_id, created_at FROM community.user_block WHERE blocker_id = $1
        ORDER BY created_at DESC, blocked_id LIMIT $2`,
      [blockerId, limit],
    );
    return rows.map((r) => ({ userId: r.blocked_id, createdAt: r.created_at }));
  }
}
