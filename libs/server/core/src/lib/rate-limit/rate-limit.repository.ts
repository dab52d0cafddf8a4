import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** `core.rate_limit`: the counters rate-limiter-flexible keeps, and their clean-up. */
@Injectable()
export class RateLimitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What rate-limiter-flexible stores through (its `typeorm` store type takes the DataSource). */
  get storeClient(): DataSource {
    return this.dataSource;
  }

  /** Drops windows that ended before `nowMs`; returns how many. */
  async deleteExpired(nowMs: number): Promise<number> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM core.rate_limit WHERE expire < $1`,
      [nowMs],
    );
    return affected;
  }
}
