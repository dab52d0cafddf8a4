import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { CountedKind, CounterBump, Counts, Metric } from './counter';
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

  /**
   * Recomputes the counters that have a truth table (likes and likes received, followers and following, published
   * models and templates per creator, model and creator downloads, licences sold) and writes each difference as a
   * correction on shard 0, in one statement: the truth and the counters are read from one snapshot, so a like
   * committed meanwhile is in both or in neither, and the correction is right either way. Rating sums and counts
   * (their truth is the reviews) and template downloads (no truth table yet) are left alone. Returns what it fixed,
   * per metric: how many subjects drifted and by how much in all.
   */
  async recount(): Promise<RecountFix[]> {
    const rows = await this.dataSource.query<{ metric: Metric; subjects: number; drift: string }[]>(
      `WITH truth (kind, id, metric, value) AS (
         SELECT subject_kind, subject_id, 'LIKES', count(*) FROM community."like" GROUP BY subject_kind, subject_id
         UNION ALL
         SELECT 'USER', o.owner_id, 'LIKES_RECEIVED', count(*)
           FROM community."like" l
           JOIN LATERAL (
             SELECT m.owner_id FROM catalog.style_model m WHERE l.subject_kind = 'MODEL' AND m.id = l.subject_id
             UNION ALL
             SELECT t.owner_id FROM templates.template t WHERE l.subject_kind = 'TEMPLATE' AND t.id = l.subject_id
             UNION ALL
             SELECT m.owner_id FROM catalog.sample_image i
               JOIN catalog.model_version v ON v.id = i.version_id JOIN catalog.style_model m ON m.id = v.model_id
              WHERE l.subject_kind = 'IMAGE' AND i.id = l.subject_id) o ON true
          GROUP BY o.owner_id
         UNION ALL
         SELECT target_kind, target_id, 'FOLLOWERS', count(*) FROM community.follow GROUP BY target_kind, target_id
         UNION ALL
         SELECT 'USER', follower_id, 'FOLLOWING', count(*) FROM community.follow GROUP BY follower_id
         UNION ALL
         SELECT 'USER', owner_id, 'MODELS', count(*) FROM catalog.style_model WHERE status = 'PUBLISHED'
          GROUP BY owner_id
         UNION ALL
         SELECT 'USER', owner_id, 'TEMPLATES', count(*) FROM templates.template WHERE status = 'PUBLISHED'
          GROUP BY owner_id
         UNION ALL
         SELECT 'MODEL', model_id, 'DOWNLOADS', sum(download_count) FROM catalog.model_version GROUP BY model_id
         UNION ALL
         SELECT 'USER', m.owner_id, 'DOWNLOADS', sum(v.download_count)
           FROM catalog.model_version v JOIN catalog.style_model m ON m.id = v.model_id GROUP BY m.owner_id
         UNION ALL
         SELECT 'USER', coalesce(m.owner_id, t.owner_id), 'LICENSES_SOLD', count(*)
           FROM licensing.grant g
           LEFT JOIN catalog.style_model m ON g.subject_kind = 'MODEL' AND m.id = g.subject_id
           LEFT JOIN templates.template t ON g.subject_kind = 'TEMPLATE' AND t.id = g.subject_id
          WHERE g.source = 'PURCHASE' AND coalesce(m.owner_id, t.owner_id) IS NOT NULL
          GROUP BY coalesce(m.owner_id, t.owner_id)
       ),
       counted AS (
         SELECT subject_kind AS kind, subject_id AS id, metric, sum(value) AS value FROM community.counter
          WHERE metric IN ('LIKES', 'LIKES_RECEIVED', 'FOLLOWERS', 'FOLLOWING', 'MODELS', 'TEMPLATES', 'LICENSES_SOLD')
             OR (metric = 'DOWNLOADS' AND subject_kind IN ('MODEL', 'USER'))
          GROUP BY subject_kind, subject_id, metric
       ),
       drift AS (
         SELECT coalesce(t.kind, c.kind) AS kind, coalesce(t.id, c.id) AS id, coalesce(t.metric, c.metric) AS metric,
                coalesce(t.value, 0) - coalesce(c.value, 0) AS delta
           FROM truth t FULL JOIN counted c ON c.kind = t.kind AND c.id = t.id AND c.metric = t.metric
          WHERE coalesce(t.value, 0) <> coalesce(c.value, 0)
       ),
       fixed AS (
         INSERT INTO community.counter AS c (subject_kind, subject_id, metric, shard, value)
         SELECT kind, id, metric, 0, delta FROM drift ORDER BY kind, id, metric
         ON CONFLICT (subject_kind, subject_id, metric, shard) DO UPDATE SET value = c.value + EXCLUDED.value
         RETURNING 1
       )
       SELECT metric, count(*)::int AS subjects, sum(abs(delta))::text AS drift FROM drift GROUP BY metric ORDER BY metric`,
    );
    return rows.map((r) => ({ metric: r.metric, subjects: r.subjects, drift: Number(r.drift) }));
  }
}

/** What a recount fixed for one metric: how many subjects were off, and the sum of the differences' sizes. */
export interface RecountFix {
  metric: Metric;
  subjects: number;
  drift: number;
}

/**
 * A companion column for another domain's read statement over `kind` rows (`alias.id` is the subject): the row's
 * summed counts and whether the viewer (`:companionViewer`, null signed out) likes it, as one JSON value
 * `{ "counts": { metric: n }, "liked": bool }` — so a card's counts and like add no statement (decision 0027). The
 * same index paths as `CounterRepository.countsOf` and `LikeRepository.likedAmong`.
 */
export function counterCompanionColumn(kind: 'MODEL' | 'TEMPLATE', alias: string): string {
  return `json_build_object(
    'counts', (SELECT coalesce(json_object_agg(cc.metric, cc.total), '{}'::json)
                 FROM (SELECT metric, sum(value) AS total FROM community.counter
                        WHERE subject_kind = '${kind}' AND subject_id = ${alias}.id GROUP BY metric) cc),
    'liked', CAST(:companionViewer AS uuid) IS NOT NULL AND EXISTS (
               SELECT 1 FROM community."like" cl
                WHERE cl.user_id = CAST(:companionViewer AS uuid) AND cl.subject_kind = '${kind}'
                  AND cl.subject_id = ${alias}.id))`;
}
