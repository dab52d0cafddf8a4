import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { CountedKind, CounterBump, Counts } from './counter';
import { emptyCounts } from './counter';

/**
 * `community.counter`: counts as 8 shard rows per (subject, metric), bumped in the transaction of the row they count
 * and summed on read — never `count(*)` over the relation on a read path.
 */
@Injectable()
export class CounterRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applies bumps in one statement, on the writer's shard. Rows are locked in key order, so two transactions bumping
   * the same counters cannot deadlock.
   */
  async bump(manager: EntityManager, shard: number, bumps: readonly CounterBump[]): Promise<void> {
    const rows = bumps
      .filter((b) => b.delta !== 0)
      .sort((a, b) => `${a.kind}:${a.id}:${a.metric}`.localeCompare(`${b.kind}:${b.id}:${b.metric}`));
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO community.counter AS c (subject_kind, subject_id, metric, shard, value)
       SELECT kind, id, metric, $1, delta
         FROM unnest($2::text[], $3::uuid[], $4::text[], $5::bigint[]) WITH ORDINALITY AS b (kind, id, metric, delta, n)
        ORDER BY n
       ON CONFLICT (subject_kind, subject_id, metric, shard) DO UPDATE SET value = c.value + EXCLUDED.value`,
      [shard, rows.map((r) => r.kind), rows.map((r) => r.id), rows.map((r) => r.metric), rows.map((r) => r.delta)],
    );
  }

  /** The counts of many subjects of one kind, in one statement (DataLoaders); unknown ids read all zeros. */
  async countsOf(kind: CountedKind, ids: readonly string[]): Promise<Map<string, Counts>> {
    const rows = await this.dataSource.query<{ id: string; metric: keyof Counts; value: string }[]>(
      `SELECT subject_id AS id, metric, sum(value)::text AS value
         FROM community.counter
        WHERE subject_kind = $1 AND subject_id = ANY ($2::uuid[])
        GROUP BY subject_id, metric`,
      [kind, ids],
    );
    const counts = new Map(ids.map((id) => [id, emptyCounts()]));
    for (const row of rows) {
      const entry = counts.get(row.id);
      if (entry) entry[row.metric] = Math.max(0, Number(row.value));
    }
    return counts;
  }
}
