import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TaskDefinition } from './task';

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  /** Defaults to 25 (graphile-worker): retries back off exponentially, about 3 days in all. */
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
}

/** Anything that can run SQL: the DataSource (own transaction) or an EntityManager inside the caller's transaction. */
export type SqlRunner = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

/**
 * The job queue lives in PostgreSQL (graphile-worker). Pass the EntityManager of your transaction and the job is part
 * of it: it exists if and only if the transaction commits. This is the outbox — anything that must survive a crash
 * after a commit is enqueued this way, never sent directly. The task definition checks the payload and supplies the
 * job key, so every enqueue of the same work deduplicates.
 */
@Injectable()
export class JobQueue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue<P extends Record<string, unknown>>(
    runner: SqlRunner | undefined,
    task: TaskDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const checked = task.payload.parse(payload);
    const rows = await (runner ?? this.dataSource).query<{ id: string }[]>(
      `SELECT id::text FROM graphile_worker.add_job(
         identifier => $1, payload => $2::json, queue_name => $3, run_at => $4,
         max_attempts => $5, job_key => $6, priority => $7)`,
      [
        task.name,
        JSON.stringify(checked),
        options.queueName ?? null,
        options.runAt?.toISOString() ?? null,
        options.maxAttempts ?? null,
        task.key?.(checked) ?? null,
        options.priority ?? null,
      ],
    );
    return rows[0]!.id;
  }
}
