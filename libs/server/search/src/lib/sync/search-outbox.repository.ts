import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SearchTasks } from '../search.tasks';

export interface OutboxStatus {
  pending: number;
  lagSeconds: number;
  failing: number;
}

/** The relay's backlog, read from the job queue the triggers write to. */
@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Changes waiting for the relay, how long the oldest has waited (0 when none), and how many failed at least once.
   * A job that used up its attempts is dead — superseded (graphile-worker retires a running job whose key a newer
   * change took over) or given up on — and not counted: the newer job or the hourly reconcile carries the change.
   */
  async status(): Promise<OutboxStatus> {
    const [row] = await this.dataSource.query<{ pending: number; lag: number | null; failing: number }[]>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS lag,
              (count(*) FILTER (WHERE attempts > 0 AND last_error IS NOT NULL))::int AS failing
         FROM graphile_worker.jobs WHERE task_identifier = ANY ($1::text[]) AND attempts < max_attempts`,
      [[SearchTasks.syncModel.name, SearchTasks.syncTemplate.name]],
    );
    return { pending: row?.pending ?? 0, lagSeconds: Math.max(0, row?.lag ?? 0), failing: row?.failing ?? 0 };
  }
}
