import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo, RateLimitRule } from '@lookbook/core';
import { RateLimiter } from '@lookbook/core';
import { CommunityLimits } from '../community-limits';

export type CollectionAction = 'create' | 'add' | 'reorder' | 'invite' | 'edit';

/**
 * Per-account limits of collection writes, on top of the community write limits (per account and per address): a
 * script cannot fill the site with collections, spam invitations or churn positions. Duplicates count too.
 */
export const COLLECTION_LIMITS: Record<CollectionAction, RateLimitRule> = {
  create: { name: 'collection-create', points: 20, durationSeconds: 3600 },
  add: { name: 'collection-add', points: 300, durationSeconds: 3600 },
  reorder: { name: 'collection-reorder', points: 600, durationSeconds: 3600 },
  invite: { name: 'collection-invite', points: 30, durationSeconds: 3600 },
  edit: { name: 'collection-edit', points: 300, durationSeconds: 3600 },
};

@Injectable()
export class CollectionLimits {
  constructor(
    private readonly community: CommunityLimits,
    private readonly limiter: RateLimiter,
  ) {}

  async consume(actor: Actor, client: ClientInfo | undefined, action: CollectionAction): Promise<void> {
    await this.community.write(actor, client);
    await this.limiter.consume(COLLECTION_LIMITS[action], actor.userId);
  }
}
