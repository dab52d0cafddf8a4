import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo, RateLimitRule } from '@lookbook/core';
import { RateLimiter } from '@lookbook/core';

/** Every community write (follow, like, block, profile edits) counts against these, duplicates included. */
export const COMMUNITY_WRITES_PER_ACCOUNT: RateLimitRule = {
  name: 'community-account',
  points: 60,
  durationSeconds: 60,
};
/** The same per address: many accounts behind one address (sock puppets) share it. */
export const COMMUNITY_WRITES_PER_ADDRESS: RateLimitRule = {
  name: 'community-address',
  points: 300,
  durationSeconds: 60,
};

/** The rate limits of community mutations: per account and per address, typed RATE_LIMITED with a retry-after. */
@Injectable()
export class CommunityLimits {
  constructor(private readonly limiter: RateLimiter) {}

  async write(actor: Actor, client: ClientInfo | undefined): Promise<void> {
    await this.limiter.consume(COMMUNITY_WRITES_PER_ACCOUNT, actor.userId);
    if (client?.ip) await this.limiter.consume(COMMUNITY_WRITES_PER_ADDRESS, client.ip);
  }
}
