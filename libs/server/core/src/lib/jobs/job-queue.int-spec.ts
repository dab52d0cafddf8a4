import type { INestApplicationContext } from '@nestjs/common';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TestDatabase } from '@lookbook/testing';
import { createTestDatabase } from '@lookbook/testing';
import { loadConfig } from '../config/config';
import { CoreModule } from '../core.module';
import type { JobHandler } from './job-handler';
import { JobTask } from './job-handler';
import { JobQueue } from './job-queue';
import type { PayloadOf } from './task';
import { defineTask } from './task';
import { z } from 'zod';

const seen: Record<string, unknown>[] = [];
let failuresLeft = 0;

const RecordTask = defineTask({
  name: 'test.record',
  schedule: '*/5 * * * *',
  payload: z.object({ marker: z.string(), n: z.number().int().optional() }),
  key: (p) => `record:${p.marker}:${p.n ?? 0}`,
});
const UnkeyedTask = defineTask({ name: 'test.unkeyed', payload: z.object({ marker: z.string() }) });

@Injectable()
@JobTask(RecordTask)
class RecordJob implements JobHandler<PayloadOf<typeof RecordTask>> {
  async handle(payload: PayloadOf<typeof RecordTask>): Promise<void> {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('transient failure');
    }
    seen.push(payload);
  }
}

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job queue (graphile-worker on the real database)', () => {
  let db: TestDatabase;
  let context: INestApplicationContext;
  let queue: JobQueue;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '2' });
    @Module({
      imports: [CoreModule.forRoot({ config, databaseUrl: db.url, processName: 'test-worker', runJobs: true })],
      providers: [RecordJob],
    })
    class TestWorkerModule {}
    context = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false });
    await context.init();
    queue = context.get(JobQueue);
    dataSource = context.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await context.close();
    await db.drop();
  });

  const jobRows = (marker: string) =>
    db.query<{ attempts: number; last_error: string | null; run_at: Date }>(
      `SELECT attempts, last_error, run_at FROM graphile_worker._private_jobs WHERE payload->>'marker' = $1`,
      [marker],
    );

  it('enqueues inside the caller transaction: a rollback leaves no job', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await queue.enqueue(manager, RecordTask, { marker: 'rolled-back' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await jobRows('rolled-back')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen.find((p) => p['marker'] === 'rolled-back')).toBeUndefined();
  });

  it('runs a committed job exactly once', async () => {
    await dataSource.transaction((manager) => queue.enqueue(manager, RecordTask, { marker: 'committed' }));
    await eventually(() => seen.find((p) => p['marker'] === 'committed'));
    await eventually(async () => ((await jobRows('committed')).length === 0 ? true : undefined));
    expect(seen.filter((p) => p['marker'] === 'committed')).toHaveLength(1);
  });

  it('retries a failing job with backoff, then succeeds', async () => {
    failuresLeft = 1;
    const before = Date.now();
    await queue.enqueue(undefined, RecordTask, { marker: 'flaky' });
    const failed = await eventually(async () =>
      (await jobRows('flaky')).find((row) => row.attempts === 1 && row.last_error !== null),
    );
    expect(failed.last_error).toContain('transient failure');
    expect(failed.run_at.getTime()).toBeGreaterThan(before + 1000); // exponential backoff, not an immediate retry
    await eventually(() => seen.find((p) => p['marker'] === 'flaky'), 15_000);
  });

  it('always applies the task\u2019s job key, so the same work is never queued twice', async () => {
    const runAt = new Date(Date.now() + 60_000);
    await queue.enqueue(undefined, RecordTask, { marker: 'keyed', n: 1 }, { runAt });
    await queue.enqueue(undefined, RecordTask, { marker: 'keyed', n: 1 }, { runAt });
    await queue.enqueue(undefined, RecordTask, { marker: 'keyed', n: 2 }, { runAt });
    expect(await jobRows('keyed')).toHaveLength(2);
    await queue.enqueue(undefined, UnkeyedTask, { marker: 'unkeyed' }, { runAt });
    await queue.enqueue(undefined, UnkeyedTask, { marker: 'unkeyed' }, { runAt });
    expect(await jobRows('unkeyed')).toHaveLength(2);
  });

  it('refuses to enqueue a payload the task does not declare', async () => {
    await expect(
      queue.enqueue(undefined, RecordTask, { marker: 7 } as unknown as PayloadOf<typeof RecordTask>),
    ).rejects.toThrow();
    expect(await jobRows('7')).toEqual([]);
  });

  it('fails a job whose stored payload is malformed, without running the handler or stopping the worker', async () => {
    await db.query(`SELECT graphile_worker.add_job('test.record', '{"marker": 5, "bad": true}'::json)`);
    const failed = await eventually(async () => {
      const [row] = await db.query<{ attempts: number; last_error: string | null }>(
        `SELECT attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'bad' = 'true'`,
      );
      return row && row.attempts >= 1 && row.last_error ? row : undefined;
    });
    expect(failed.last_error).toMatch(/malformed payload for test.record: marker:/);
    expect(seen.find((p) => p['bad'])).toBeUndefined();
    await dataSource.transaction((manager) => queue.enqueue(manager, RecordTask, { marker: 'after-bad' }));
    await eventually(() => seen.find((p) => p['marker'] === 'after-bad'));
  });

  it('registers the schedules of every handler', async () => {
    const rows = await db.query<{ identifier: string }>(
      `SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY 1`,
    );
    expect(rows.map((r) => r.identifier)).toEqual(['core.sweep-rate-limits', 'test.record']);
  });
});
