import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { FollowableKind } from '../subjects/subject';

export interface FollowRef {
  kind: FollowableKind;
  id: string;
}

@Injectable()
export class FollowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a follow; false when it was already there (idempotent). */
  async insert(manager: EntityManager, followerId: string, target: FollowRef, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [followerId, target.kind, target.id, at],
    );
    return rows.length > 0;
  }

  /** Removes a follow; false when there was none. */
  async delete(manager: EntityManager, followerId: string, target: FollowRef): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community.follow WHERE follower_id = $1 AND target_kind = $2 AND target_id = $3 RETURNING 1`,
      [followerId, target.kind, target.id],
    );
    return rows.length > 0;
  }

  /** Removes the user follows between two members, both ways; returns the follower of each removed follow. */
  async deleteBetween(
    manager: EntityManager,
    a: string,
    b: string,
  ): Promise<{ followerId: string; targetId: string }[]> {
    // TypeORM answers a DELETE … RETURNING with [rows, affected].
    const [rows] = await manager.query<[{ follower_id: string; target_id: string }[], number]>(
      `DELETE FROM community.follow
        WHERE target_kind = 'USER' AND ((follower_id = $1 AND target_id = $2) OR (follower_id = $2 AND target_id = $1))
        RETURNING follower_id, target_id`,
      [a, b],
    );
    return rows.map((r) => ({ followerId: r.follower_id, targetId: r.target_id }));
  }

  /** Which of these targets (one kind) the follower follows: one statement for a page (DataLoaders). */
  async followedAmong(followerId: string, kind: FollowableKind, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ target_id: string }[]>(
      `SELECT target_id FROM community.follow
        WHERE follower_id = $1 AND target_kind = $2 AND target_id = ANY ($3::uuid[])`,
      [followerId, kind, ids],
    );
    return new Set(rows.map((r) => r.target_id));
  }
}
