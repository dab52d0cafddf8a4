import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '@lookbook/kernel';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitRepository } from './rate-limit.repository';

export interface RateLimitRule {
  /** Namespace of the counters, e.g. `sign-in`. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Fixed-window counters stored in PostgreSQL (`core.rate_limit`), so limits hold across every API instance.
 * Exceeding a limit throws RateLimitedError (code RATE_LIMITED) with the seconds to wait.
 */
@Injectable()
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(private readonly counters: RateLimitRepository) {}

  async consume(rule: RateLimitRule, key: string): Promise<void> {
    try {
      await this.limiter(rule).consume(key);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  }

  private limiter(rule: RateLimitRule): RateLimiterPostgres {
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.counters.storeClient,
        storeType: 'typeorm',
        schemaName: 'core',
        tableName: 'rate_limit',
        tableCreated: true, // created by migration
        clearExpiredByTimeout: false, // the worker sweeps expired rows
        keyPrefix: rule.name,
        points: rule.points,
        duration: rule.durationSeconds,
      });
      this.limiters.set(rule.name, limiter);
    }
    return limiter;
  }
}
