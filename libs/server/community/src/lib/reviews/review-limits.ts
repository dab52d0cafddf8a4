import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo, RateLimitRule } from '@lookbook/core';
import { RateLimiter } from '@lookbook/core';
import { CommunityLimits } from '../community-limits';

/** Writing or editing reviews: a few an hour is plenty for a person. */
export const REVIEWS_PER_ACCOUNT: RateLimitRule = { name: 'community-review', points: 20, durationSeconds: 3600 };
/** Creators' replies to reviews (and their edits). */
export const REVIEW_REPLIES_PER_ACCOUNT: RateLimitRule = { name: 'community-reply', points: 60, durationSeconds: 3600 };
/** Helpful votes given and taken back. */
export const REVIEW_VOTES_PER_ACCOUNT: RateLimitRule = { name: 'community-vote', points: 120, durationSeconds: 600 };

/** Review writes count against the community write limits and a limit of their own, typed RATE_LIMITED. */
@Injectable()
export class ReviewLimits {
  constructor(
    private readonly community: CommunityLimits,
    private readonly limiter: RateLimiter,
  ) {}

  review(actor: Actor, client: ClientInfo | undefined): Promise<void> {
    return this.consume(REVIEWS_PER_ACCOUNT, actor, client);
  }

  reply(actor: Actor, client: ClientInfo | undefined): Promise<void> {
    return this.consume(REVIEW_REPLIES_PER_ACCOUNT, actor, client);
  }

  vote(actor: Actor, client: ClientInfo | undefined): Promise<void> {
    return this.consume(REVIEW_VOTES_PER_ACCOUNT, actor, client);
  }

  private async consume(rule: RateLimitRule, actor: Actor, client: ClientInfo | undefined): Promise<void> {
    await this.community.write(actor, client);
    await this.limiter.consume(rule, actor.userId);
  }
}
