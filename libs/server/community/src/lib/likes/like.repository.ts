import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { LikeableKind } from '../subjects/subject';

@Injectable()
export class LikeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a like; false when it was already there (idempotent). */
  async insert(manager: EntityManager, userId: string, kind: LikeableKind, id: string, at: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO community."like" (user_id, subject_kind, subject_id, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [userId, kind, id, at],
    );
    return rows.length > 0;
  }

  /** Removes a like; false when there was none. */
  async delete(manager: EntityManager, userId: string, kind: LikeableKind, id: string): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `DELETE FROM community."like" WHERE user_id = $1 AND subject_kind = $2 AND subject_id = $3 RETURNING 1`,
      [userId, kind, id],
    );
    return rows.length > 0;
  }

  /** Which of these subjects (one kind) the user likes: one statement for a page (DataLoaders). */
  async likedAmong(userId: string, kind: LikeableKind, ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ subject_id: string }[]>(
      `SELECT subject_id FROM community."like" WHERE user_id = $1 AND subject_kind = $2 AND subject_id = ANY ($3::uuid[])`,
      [userId, kind, ids],
    );
    return new Set(rows.map((r) => r.subject_id));
  }
}
