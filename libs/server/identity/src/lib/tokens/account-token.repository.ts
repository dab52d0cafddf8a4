import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AccountTokenEntity } from './account-token.entity';
import type { AccountTokenPurpose } from './account-token.rules';

@Injectable()
export class AccountTokenRepository {
  constructor(@InjectRepository(AccountTokenEntity) private readonly tokens: Repository<AccountTokenEntity>) {}

  /**
   * Issues a token in the caller's transaction: every live token of the same user and purpose is superseded first, so
   * only the newest link works.
   */
  async issue(manager: EntityManager, token: AccountTokenEntity): Promise<void> {
    await manager.update(
      AccountTokenEntity,
      { userId: token.userId, purpose: token.purpose, usedAt: IsNull(), supersededAt: IsNull() },
      { supersededAt: token.createdAt },
    );
    await manager.insert(AccountTokenEntity, token);
  }

  findByHash(tokenHash: Buffer): Promise<AccountTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /** The token row, locked: two requests with one link cannot both use it. */
  findByHashForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<AccountTokenEntity | null> {
    return manager
      .getRepository(AccountTokenEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  /** Marks a token used; only an unused one (false: someone used it first). */
  async markUsed(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager.update(AccountTokenEntity, { id, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every live token of these purposes for a user (a reset or an address change makes older links moot). */
  async supersedeAll(
    manager: EntityManager,
    userId: string,
    purposes: readonly AccountTokenPurpose[],
    at: Date,
  ): Promise<number> {
    const result = await manager.update(
      AccountTokenEntity,
      { userId, purpose: In([...purposes]), usedAt: IsNull(), supersededAt: IsNull() },
      { supersededAt: at },
    );
    return result.affected ?? 0;
  }
}
