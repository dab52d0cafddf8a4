import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | 'down'>;
}

/** `/readyz`: is every dependency this process needs to serve requests reachable right now? */
@Injectable()
export class Readiness {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(timeoutMs = 2000): Promise<ReadinessReport> {
    const database = await this.ping(timeoutMs);
    return { ready: database, checks: { database: database ? 'ok' : 'down' } };
  }

  private async ping(timeoutMs: number): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
