import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import type { IdPage } from '../engines/search-engine';
import { SearchEngine } from '../engines/search-engine';
import type { OutboxStatus } from './search-outbox.repository';
import { SearchOutboxRepository } from './search-outbox.repository';

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
    private readonly outbox: SearchOutboxRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Upserts the models that have a document now and deletes the others. A lock per model is held from reading the
   * state to writing the index, so two syncs of one model (a job retried while its successor runs, a reindex page)
   * cannot write an older state after a newer one.
   */
  async syncModels(modelIds: readonly string[]): Promise<void> {
    for (let i = 0; i < modelIds.length; i += PAGE) {
      const page = modelIds.slice(i, i + PAGE);
      await this.dataSource.transaction(async (tx) => {
        await this.documents.lock(tx, page);
        const built = await this.documents.build(page, tx);
        const present = new Set(built.map((d) => d.id));
        await this.engine.upsert(built);
        await this.engine.delete(page.filter((id) => !present.has(id)));
      });
    }
  }

  async refreshTrending(): Promise<number> {
    const ids = await this.documents.recentlyLicensedModelIds();
    await this.syncModels(ids);
    return ids.length;
  }

  /**
   * Rewrites every document from the database, page by page, while writes continue: each page is written under the
   * same per-model locks as the relay, so neither can overwrite the other with an older state. Then documents of
   * models no longer published are removed. Readers keep getting results throughout (see `beginRebuild`).
   */
  async reindex(): Promise<number> {
    let count = 0;
    await this.engine.beginRebuild();
    for (let after: string | null = null; ;) {
      const ids: string[] = await this.documents.publishedIds(after, PAGE);
      await this.dataSource.transaction(async (tx) => {
        await this.documents.lock(tx, ids);
        await this.engine.writeRebuild(await this.documents.build(ids, tx));
      });
      count += ids.length;
      if (ids.length < PAGE) break;
      after = ids[ids.length - 1]!;
    }
    await this.engine.finishRebuild();
    await this.reconcile();
    this.logger.log(`search reindex: ${count} documents`);
    return count;
  }

  /** Compares the ids in the database and in the index, and syncs every id where they disagree. */
  async reconcile(): Promise<ReconcileReport> {
    const published = await allIds(async (after) => {
      const ids = await this.documents.publishedIds(after, PAGE);
      return { ids, next: ids.length < PAGE ? null : ids[ids.length - 1]! };
    });
    const indexed = await allIds((cursor) => this.engine.indexedIds(cursor, PAGE));
    const missing = [...published].filter((id) => !indexed.has(id));
    const extra = [...indexed].filter((id) => !published.has(id));
    // Membership drift only: contents are rewritten by every sync job and by `reindex`.
    await this.syncModels([...missing, ...extra]);
    if (missing.length || extra.length)
      this.logger.warn(`search reconcile fixed ${missing.length + extra.length} documents`);
    return { checked: published.size, upserted: missing.length, deleted: extra.length };
  }

  /** For monitoring: the relay's backlog. */
  status(): Promise<OutboxStatus> {
    return this.outbox.status();
  }
}

/** Every id of a paged listing. */
async function allIds(page: (cursor: string | null) => Promise<IdPage>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let cursor: string | null = null; ;) {
    const batch: IdPage = await page(cursor);
    batch.ids.forEach((id) => ids.add(id));
    if (batch.next === null) return ids;
    cursor = batch.next;
  }
}
