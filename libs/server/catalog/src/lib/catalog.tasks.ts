import { z } from 'zod';
import { defineScheduledTask, defineTask } from '@lookbook/core';

/** The catalog's background work. */
export const CatalogTasks = {
  /** Stream an uploaded file once: hashes, safetensors rules, then READY or REJECTED. One job per file. */
  ingestModelFile: defineTask({
    name: 'catalog.ingest-model-file',
    payload: z.object({ fileId: z.uuid() }),
    key: (p) => `ingest:${p.fileId}`,
  }),
  /**
   * After a takedown or a restore: a taken-down model's public media leaves the public prefix (so neither /media nor
   * the CDN's origin serves it); a restored model's comes back. Idempotent; keyed per model so changes queue in order.
   */
  syncModelMedia: defineTask({
    name: 'catalog.sync-model-media',
    payload: z.object({ modelId: z.uuid() }),
    key: (p) => `model-media:${p.modelId}`,
  }),
  /** Every 15 minutes: uploads left unfinished for 24 hours are aborted. */
  sweepUploads: defineScheduledTask('catalog.sweep-uploads', '*/15 * * * *'),
};
