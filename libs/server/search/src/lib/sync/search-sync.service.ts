import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '@lookbook/core';
import type { DocumentSource } from '../documents/document-source';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import type { DocumentKind } from '../documents/search-document';
import { DOCUMENT_KINDS } from '../documents/search-document';
import { TemplateDocumentRepository } from '../documents/template-document.repository';
import type { IdPage } from '../engines/search-index-maintenance';
import { SearchIndexMaintenance } from '../engines/search-index-maintenance';
import { SearchIndexWriter } from '../engines/search-index-writer';
import type { OutboxStatus } from './search-outbox.repository';
import { SearchOutboxRepository } from './search-outbox.repository';

const PAGE = 500;
/** Subjects per batch of a counts flush. */
export const COUNTS_BATCH = 500;

/** The relay's backlog and the index's size, for monitoring. */
export interface IndexStatus extends OutboxStatus {
  /** Documents in the index; null while the engine does not answer. */
  documents: number | null;
}

export interface ReconcileReport {
  /** Published ids compared (models and templates). */
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
  private readonly sources: Record<DocumentKind, DocumentSource>;

  constructor(
    models: ModelDocumentRepository,
    templates: TemplateDocumentRepository,
    private readonly writer: SearchIndexWriter,
    private readonly index: SearchIndexMaintenance,
    private readonly outbox: SearchOutboxRepository,
    private readonly transactions: Transactions,
  ) {
    this.sources = { MODEL: models, TEMPLATE: templates };
  }

  /**
   * Upserts the documents of these ids that exist now and deletes the others. A lock per id is held from reading
   * the state to writing the index, so two syncs of one document (a job retried while its successor runs, a
   * reindex page) cannot write an older state after a newer one.
   */
  async sync(kind: DocumentKind, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += PAGE) {
      const page = ids.slice(i, i + PAGE);
      await this.transactions.run(async (tx) => {
        await this.outbox.lockDocuments(tx, page);
        const built = await this.sources[kind].build(page, tx);
        const present = new Set(built.map((d) => d.id));
        await this.writer.upsert(built);
        await this.writer.delete(page.filter((id) => !present.has(id)));
      });
    }
  }

  syncModels(modelIds: readonly string[]): Promise<void> {
    return this.sync('MODEL', modelIds);
  }

  /**
   * Re-reads the documents whose community counts changed, `COUNTS_BATCH` subjects per batch until the stale set is
   * empty. A batch whose sync fails is put back and the failure rethrown (the queue retries the job).
   */
  async flushCounts(): Promise<number> {
    let count = 0;
    for (;;) {
      const taken = await this.outbox.takeStaleCounts(COUNTS_BATCH);
      if (!taken.length) return count;
      try {
        for (const kind of DOCUMENT_KINDS) {
          const ids = taken.filter((t) => t.kind === kind).map((t) => t.id);
          if (ids.length) await this.sync(kind, ids);
        }
      } catch (error) {
        await this.outbox.restoreStaleCounts(taken);
        throw error;
      }
      count += taken.length;
      if (taken.length < COUNTS_BATCH) return count;
    }
  }

  /** Re-reads the documents liked or licensed within the trending window: their scores decay with time. */
  async refreshTrending(): Promise<number> {
    let count = 0;
    for (const kind of DOCUMENT_KINDS) {
      const ids = await this.sources[kind].recentlyActiveIds();
      await this.sync(kind, ids);
      count += ids.length;
    }
    return count;
  }

  /**
   * Rewrites every document from the database, page by page, while writes continue: each page is written under the
   * same per-model locks as the relay, so neither can overwrite the other with an older state. Then documents of
   * models no longer published are removed. Readers keep getting results throughout (see `beginRebuild`).
   */
  async reindex(): Promise<number> {
    let count = 0;
    await this.index.beginRebuild();
    for (const source of Object.values(this.sources))
      for (let after: string | null = null; ;) {
        const ids: string[] = await source.publishedIds(after, PAGE);
        await this.transactions.run(async (tx) => {
          await this.outbox.lockDocuments(tx, ids);
          await this.index.writeRebuild(await source.build(ids, tx));
        });
        count += ids.length;
        if (ids.length < PAGE) break;
        after = ids[ids.length - 1]!;
      }
    await this.index.finishRebuild();
    await this.reconcile();
    this.logger.log(`search reindex: ${count} documents`);
    return count;
  }

  /** Compares the ids in the database and in the index, kind by kind, and syncs every id where they disagree. */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, upserted: 0, deleted: 0 };
    for (const kind of DOCUMENT_KINDS) {
      const published = await allIds(async (after) => {
        const ids = await this.sources[kind].publishedIds(after, PAGE);
        return { ids, next: ids.length < PAGE ? null : ids[ids.length - 1]! };
      });
      const indexed = await allIds((cursor) => this.index.indexedIds(kind, cursor, PAGE));
      const missing = [...published].filter((id) => !indexed.has(id));
      const extra = [...indexed].filter((id) => !published.has(id));
      // Membership drift only: contents are rewritten by every sync job and by `reindex`.
      await this.sync(kind, [...missing, ...extra]);
      report.checked += published.size;
      report.upserted += missing.length;
      report.deleted += extra.length;
    }
    if (report.upserted || report.deleted)
      this.logger.warn(`search reconcile fixed ${report.upserted + report.deleted} documents`);
    return report;
  }

  /** For monitoring: the relay's backlog. */
  status(): Promise<OutboxStatus> {
    return this.outbox.status();
  }

  /** The relay's backlog and the index's size (null while the engine does not answer; the cause is logged). */
  async indexStatus(): Promise<IndexStatus> {
    const backlog = await this.outbox.status();
    const documents = await this.index.count().catch((error: unknown) => {
      this.logger.error(
        `search engine (${this.index.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    });
    return { ...backlog, documents };
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
