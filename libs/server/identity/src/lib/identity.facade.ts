import type { MaturityLevel } from '@lookbook/kernel';
import { codePoints, DEFAULT_MAX_MATURITY, oneLine } from '@lookbook/kernel';
import { Injectable } from '@nestjs/common';
import { IdentityErrors } from './identity.errors';
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

  /**
   * Changes a member's display name (the sign-up rule: one line, 1–80 characters); the profile editor in community
   * calls it. Returns the new summary, or null for an unknown id.
   */
  async setDisplayName(userId: string, displayName: string, at: Date): Promise<UserSummary | null> {
    const name = oneLine(displayName, 'displayName');
    if (name.length < 1 || codePoints(name) > 80) throw IdentityErrors.invalidDisplayName();
    if (!(await this.users.setDisplayName(userId, name, at))) return null;
    const user = await this.users.findById(userId);
    return user && { id: user.id, handle: user.handle, displayName: user.displayName };
  }
}
