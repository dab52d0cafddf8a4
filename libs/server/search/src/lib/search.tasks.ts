import { z } from 'zod';
import { defineScheduledTask, defineTask } from '@lookbook/core';

/**
 * Search's background work. `syncModel` and `syncTemplate` are enqueued by database triggers (migrations/…-search.ts,
 * …-template-search.ts) in the same transaction as any write to a table a document is built from; their names and
 * payloads must match the triggers'.
 */
export const SearchTasks = {
  /** Re-read one model and upsert or delete its document. Keyed per model: a burst of writes is one job. */
  syncModel: defineTask({
    name: 'search.sync-model',
    payload: z.object({ modelId: z.uuid() }),
    key: (p) => `search-model:${p.modelId}`,
  }),
  /** Re-read one workflow template, as for models (enqueued by the template tables' triggers). */
  syncTemplate: defineTask({
    name: 'search.sync-template',
    payload: z.object({ templateId: z.uuid() }),
    key: (p) => `search-template:${p.templateId}`,
  }),
  /** Every 15 minutes: trending scores decay, so recently liked or licensed subjects are re-read. */
  refreshTrending: defineScheduledTask('search.refresh-trending', '*/15 * * * *'),
  /**
   * Every minute: the documents whose likes, downloads or ratings changed (`search.stale_count`, filled by a trigger
   * on the community counters) are re-read in batches: a burst of likes is one sync, never one per like.
   */
  flushCounts: defineScheduledTask('search.flush-counts', '* * * * *'),
  /**
   * Every two minutes: models and templates published for the first time since the last run are matched against
   * every saved search; each owner gets one notification per matching search per batch.
   */
  matchSavedSearches: defineScheduledTask('search.match-saved-searches', '*/2 * * * *'),
  /** Hourly: compare the index with the database and fix any drift. */
  reconcile: defineScheduledTask('search.reconcile', '17 * * * *'),
};
