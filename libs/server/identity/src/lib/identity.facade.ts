import type { MaturityLevel } from '@lookbook/kernel';
import { DEFAULT_MAX_MATURITY } from '@lookbook/kernel';
import { Injectable } from '@nestjs/common';
import { UserRepository } from './users/user.repository';

export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
}

/** What other domains may ask of identity. */
@Injectable()
export class IdentityFacade {
  constructor(private readonly users: UserRepository) {}

  /** Batched lookup for DataLoaders: one query for any number of ids; unknown ids are absent. */
  async usersByIds(ids: readonly string[]): Promise<UserSummary[]> {
    const rows = await this.users.findByIds(ids);
    return rows.map(({ id, handle, displayName }) => ({ id, handle, displayName }));
  }

  /** The viewer's maturity setting (the default for an unknown id). */
  async maxMaturity(userId: string): Promise<MaturityLevel> {
    return (await this.users.findById(userId))?.maxMaturity ?? DEFAULT_MAX_MATURITY;
  }

  /** A user by handle (any case), or null. */
  async userByHandle(handle: string): Promise<UserSummary | null> {
    const user = handle.length <= 30 ? await this.users.findByHandle(handle) : null;
    return user && { id: user.id, handle: user.handle, displayName: user.displayName };
  }
}
