import { Injectable, Logger } from '@nestjs/common';
import { Notifier, Transactions } from '@lookbook/core';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import type { SearchDocument } from '../documents/search-document';
import { TemplateDocumentRepository } from '../documents/template-document.repository';
import { alertText, browseUrlOf, matchesSavedSearch } from './saved-search-rules';
import type { NewlyPublished, SavedSearch } from './saved-search.repository';
import { SavedSearchRepository } from './saved-search.repository';

/** Activity rows per batch: one notification per saved search per batch, however many of them match. */
export const ALERT_BATCH = 500;
/** Saved searches read per page while matching a batch. */
const SEARCH_PAGE = 1000;

export interface AlertReport {
  /** Models and templates published for the first time in the batches matched. */
  published: number;
  /** Notifications written (one per saved search per batch with a match). */
  notified: number;
}

/**
 * Saved-search alerts, batched: each run takes the activity after the cursor (`ALERT_BATCH` rows at a time), keeps the
 * models and templates published for the first time, builds their search documents, tests every saved search against
 * them (`matchesSavedSearch`), and notifies each owner once per search per batch ("3 new matches for “neon city”"),
 * linking to the search. Never the owner's own work, nothing published before the search was saved, nothing across
 * a block either way. Notifications and the cursor's move commit together, and each carries a dedupe key naming its
 * search and batch: a replayed run changes nothing.
 */
@Injectable()
export class SavedSearchAlertService {
  private readonly logger = new Logger(SavedSearchAlertService.name);

  constructor(
    private readonly saved: SavedSearchRepository,
    private readonly models: ModelDocumentRepository,
    private readonly templates: TemplateDocumentRepository,
    private readonly notifier: Notifier,
    private readonly transactions: Transactions,
  ) {}

  async run(): Promise<AlertReport> {
    const report: AlertReport = { published: 0, notified: 0 };
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const after = await this.saved.lockCursor(manager);
        const { lastId, published } = await this.saved.activityAfter(manager, after, ALERT_BATCH);
        if (lastId === null) return null;
        const documents = await this.documentsOf(published, manager);
        let notified = 0;
        let cursor: string | null = null;
        for (;;) {
          const page: SavedSearch[] = await this.saved.page(manager, cursor, SEARCH_PAGE);
          const blocked = await this.saved.blockedPairs(manager, [
            ...page.map((s) => s.userId),
            ...published.map((p) => p.ownerId),
          ]);
          for (const search of page) {
            const matches = matchesFor(search, published, documents, blocked);
            if (!matches.length) continue;
            await this.notifier.notify(manager, {
              recipientId: search.userId,
              kind: 'SAVED_SEARCH_MATCH',
              actorId: null,
              subjectKind: 'SAVED_SEARCH',
              subjectId: search.id,
              text: alertText(search.name, matches.length),
              url: browseUrlOf(search.request),
              dedupeKey: `search.saved-search:${search.id}:${after}-${lastId}`,
            });
            notified++;
          }
          if (page.length < SEARCH_PAGE) break;
          cursor = page[page.length - 1]!.id;
        }
        await this.saved.moveCursor(manager, lastId);
        return { published: published.length, notified, full: lastId - after >= ALERT_BATCH };
      });
      if (!batch) break;
      report.published += batch.published;
      report.notified += batch.notified;
      if (!batch.full) break;
    }
    if (report.notified) this.logger.log(`saved-search alerts: ${report.notified} for ${report.published} new items`);
    return report;
  }

  /** The documents of the newly published items that are still published (one statement per kind). */
  private async documentsOf(
    published: readonly NewlyPublished[],
    manager: Parameters<ModelDocumentRepository['build']>[1],
  ): Promise<Map<string, SearchDocument>> {
    const ids = (kind: string) => published.filter((p) => p.kind === kind).map((p) => p.id);
    const built = [
      ...(await this.models.build(ids('MODEL'), manager)),
      ...(await this.templates.build(ids('TEMPLATE'), manager)),
    ];
    return new Map(built.map((d) => [d.id, d]));
  }
}

/**
 * The newly published items matching a saved search: published after it was saved, not its owner's, no block between
 * its owner and theirs, still published, and matching its filters and words.
 */
export function matchesFor(
  search: SavedSearch,
  published: readonly NewlyPublished[],
  documents: ReadonlyMap<string, SearchDocument>,
  blocked: ReadonlySet<string>,
): NewlyPublished[] {
  return published.filter((p) => {
    const document = documents.get(p.id);
    return (
      document !== undefined &&
      p.activityId > search.afterActivityId &&
      p.ownerId !== search.userId &&
      document.ownerId !== search.userId &&
      !blocked.has(`${search.userId}:${document.ownerId}`) &&
      matchesSavedSearch(search.request, document)
    );
  });
}
