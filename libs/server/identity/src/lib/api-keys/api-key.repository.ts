import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { ConnectionArgs, Page, Role } from '@lookbook/core';
import { paginateNewestFirst } from '@lookbook/core';
import { ApiKeyEntity } from './api-key.entity';

export interface ApiKeyWithOwner {
  key: ApiKeyEntity;
  roles: Role[];
}

@Injectable()
export class ApiKeyRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
  ) {}

  async insert(key: ApiKeyEntity): Promise<void> {
    await this.keys.insert(key);
  }

  async findByPrefixWithOwner(prefix: string): Promise<ApiKeyWithOwner | null> {
    const key = await this.keys.findOneBy({ prefix });
    if (!key) return null;
    const rows = await this.dataSource.query<{ roles: Role[] }[]>(`SELECT roles FROM identity.user WHERE id = $1`, [
      key.userId,
    ]);
    return rows[0] ? { key, roles: rows[0].roles } : null;
  }

  /** At most one write per key per minute, however busy the key is. */
  async touchLastUsed(id: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE identity.api_key SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, now],
    );
  }

  countActive(userId: string, now: Date): Promise<number> {
    return this.keys
      .createQueryBuilder('k')
      .where('k.user_id = :userId AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > :now)', {
        userId,
        now,
      })
      .getCount();
  }

  async revoke(id: string, userId: string, now: Date): Promise<ApiKeyEntity | null> {
    await this.keys.update({ id, userId, revokedAt: IsNull() }, { revokedAt: now });
    return this.keys.findOneBy({ id, userId });
  }

  listForUser<T>(userId: string, args: ConnectionArgs, map: (k: ApiKeyEntity) => T): Promise<Page<T>> {
    return paginateNewestFirst(
      this.keys.createQueryBuilder('k').where('k.user_id = :userId', { userId }),
      args,
      'createdAt',
      map,
    );
  }
}
