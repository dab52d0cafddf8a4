import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentKind } from '../documents/search-document';
import { SearchTasks } from '../search.tasks';

export interface OutboxStatus {
  pending: number;
  lagSeconds: number;
  failing: number;
}

/**
 * The relay's state: its backlog, read from the job queue the triggers write to; what it has not yet removed; and the
 * per-document lock every index write holds.
 */
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

  /**
   * Documents every part of a search must leave out now: models and templates with a sync not yet landed (a job in
   * the queue, waiting, running, retrying after an engine outage, or given up on within the last two hours, until
   * reconcile has run) that are no longer
   * published, so the index may still hold them. What "published" means is the document sources' (`publishedIds`):
   * published, with a published version. One statement, on the queue's few rows; empty when the index is current.
   */
  async hiddenIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT j.id FROM (
         -- Every change has a job under its subject's key (a running job whose change was superseded hands its key
         -- to the newer job), so the keys name every subject with a sync not landed.
         SELECT DISTINCT j.task_identifier AS task, split_part(j.key, ':', 2)::uuid AS id
           FROM graphile_worker.jobs j
          WHERE j.task_identifier IN ($1, $2) AND j.key IS NOT NULL
            -- A job that used up its attempts stays in the queue; within two hours the hourly reconcile has removed
            -- its document (membership drift), so the list stays as short as the relay's backlog.
            AND (j.attempts < j.max_attempts OR j.updated_at > now() - interval '2 hours')) j
        WHERE CASE j.task
                WHEN $1 THEN NOT EXISTS (
                  SELECT 1 FROM catalog.style_model m
                   WHERE m.id = j.id AND m.status = 'PUBLISHED'
                     AND EXISTS (SELECT 1 FROM catalog.model_version v WHERE v.model_id = m.id AND v.status = 'PUBLISHED'))
                ELSE NOT EXISTS (
                  SELECT 1 FROM templates.template t
                   WHERE t.id = j.id AND t.status = 'PUBLISHED'
                     AND EXISTS (SELECT 1 FROM templates.template_version v
                                  WHERE v.template_id = t.id AND v.status = 'PUBLISHED'))
              END
        ORDER BY j.id`,
      [SearchTasks.syncModel.name, SearchTasks.syncTemplate.name],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Serialises index writes per document until the caller's transaction ends (id order: no deadlocks). The relay,
   * a reindex page and reconcile hold it from reading a document's state to writing the index, so none of them can
   * write an older state after a newer one.
   */
  async lockDocuments(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('search-model:' || id::text, 0))
       FROM unnest($1::uuid[]) AS id ORDER BY id`,
      [ids],
    );
  }

  /**
   * Takes up to `limit` subjects whose counts changed (oldest first), removing them from the stale set in one short
   * statement. Rows another flush is taking are skipped. A change after this statement adds the subject again, so
   * nothing read after the take can be missed.
   */
  async takeStaleCounts(limit: number): Promise<{ kind: DocumentKind; id: string }[]> {
    const rows = await this.dataSource.query<{ kind: DocumentKind; id: string }[]>(
      `WITH taken AS MATERIALIZED (
         SELECT subject_kind, subject_id FROM search.stale_count ORDER BY since LIMIT $1 FOR UPDATE SKIP LOCKED),
       deleted AS (
         DELETE FROM search.stale_count s USING taken t
          WHERE s.subject_kind = t.subject_kind AND s.subject_id = t.subject_id
         RETURNING s.subject_kind AS kind, s.subject_id AS id)
       SELECT kind, id FROM deleted`,
      [limit],
    );
    return rows;
  }

  /** Puts taken subjects back (their sync failed): the next flush retries them. */
  async restoreStaleCounts(subjects: readonly { kind: DocumentKind; id: string }[]): Promise<void> {
    if (!subjects.length) return;
    await this.dataSource.query(
      `INSERT INTO search.stale_count (subject_kind, subject_id)
       SELECT * FROM unnest($1::text[], $2::uuid[]) ON CONFLICT DO NOTHING`,
      [subjects.map((s) => s.kind), subjects.map((s) => s.id)],
    );
  }
}
