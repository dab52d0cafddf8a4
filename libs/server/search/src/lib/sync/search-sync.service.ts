import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueue } from '@lookbook/core';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import { SearchEngine } from '../engines/search-engine';
import { SearchTasks } from '../search.tasks';

const PAGE = 500;

export interface ReconcileReport {
  checked: number;
  /** Published but missing from the index, or indexed but no longer published. */
  upserted: number;
  deleted: number;
}

/**
 * Keeps the index equal to the database. Every operation is state-based: it reads what is true now and makes the
 * index say so, so a duplicate, late or reordered job changes nothing.
 */
@Injectable()
export class SearchSyncService {
  private readonly logger = new Logger(SearchSyncService.name);

  constructor(
    private readonly documents: ModelDocumentRepository,
    private readonly engine: SearchEngine,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Upserts the models that have a document now and deletes the others. A lock per model is held from reading the
   * state to writing the index, so two syncs of one model (a job retried while its successor runs, a reindex page)
   * cannot write an older state after a newer one.
   */
  async syncModels(modelIds: readonly string[]): Promise<void> {
    if (!modelIds.length) return;
    await this.dataSource.transaction(async (tx) => {
      await this.documents.lock(tx, modelIds);
      const built = await this.documents.build(modelIds, tx);
      const present = new Set(built.map((d) => d.id));
      await this.engine.upsert(built);
      await this.engine.delete(modelIds.filter((id) => !present.has(id)));
    });
  }

  async refreshTrending(): Promise<number> {
    const ids = await this.documents.recentlyLicensedModelIds();
    for (let i = 0; i < ids.length; i += PAGE) await this.syncModels(ids.slice(i, i + PAGE));
    return ids.length;
  }

  /**
   * Rewrites every document from the database, page by page, while writes continue: each page is synced under the
   * same per-model locks as the relay, so neither can overwrite the other with an older state. Then documents of
   * models no longer published are removed. Readers keep getting results throughout.
   */
  async reindex(): Promise<number> {
    let count = 0;
    for (let after: string | null = null; ;) {
      const ids: string[] = await this.documents.publishedIds(after, PAGE);
      await this.syncModels(ids);
      count += ids.length;
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1]!;
    }
    await this.reconcile();
    this.logger.log(`search reindex: ${count} documents`);
    return count;
  }

  /** Walks database and index in id order, side by side, and enqueues a sync for every id where they disagree. */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, upserted: 0, deleted: 0 };
    const missing: string[] = [];
    const extra: string[] = [];
    const published = new Set<string>();
    for (let after: string | null = null; ;) {
      const ids: string[] = await this.documents.publishedIds(after, PAGE);
      ids.forEach((id) => published.add(id));
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1]!;
    }
    const indexed = new Set<string>();
    for (let after: string | null = null; ;) {
      const ids: string[] = await this.engine.indexedIds(after, PAGE);
      ids.forEach((id) => indexed.add(id));
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1]!;
    }
    for (const id of published) if (!indexed.has(id)) missing.push(id);
    for (const id of indexed) if (!published.has(id)) extra.push(id);
    report.checked = published.size;
    // Membership drift only: contents are rewritten by every sync job and by `reindex`.
    await this.syncModels([...missing, ...extra]);
    report.upserted = missing.length;
    report.deleted = extra.length;
    if (missing.length || extra.length)
      this.logger.warn(`search reconcile fixed ${missing.length + extra.length} documents`);
    return report;
  }

  /**
   * For monitoring: changes waiting for the relay, how long the oldest has waited (0 when none), and how many of
   * them have failed at least once (the engine is down or rejecting).
   */
  async status(): Promise<{ pending: number; lagSeconds: number; failing: number }> {
    // A job that used up its attempts is dead: either superseded (graphile-worker retires a running job whose key
    // a newer change took over) or given up on; the newer job or the hourly reconcile carries the change.
    const [row] = await this.dataSource.query<{ pending: number; lag: number | null; failing: number }[]>(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS lag,
              (count(*) FILTER (WHERE attempts > 0 AND last_error IS NOT NULL))::int AS failing
         FROM graphile_worker.jobs WHERE task_identifier = $1 AND attempts < max_attempts`,
      [SearchTasks.syncModel.name],
    );
    return { pending: row?.pending ?? 0, lagSeconds: Math.max(0, row?.lag ?? 0), failing: row?.failing ?? 0 };
  }

  /** Enqueues a sync for one model (tests, tools): the same job the triggers add. */
  async enqueue(modelId: string): Promise<void> {
    await this.jobs.enqueue(undefined, SearchTasks.syncModel, { modelId });
  }
}
