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
  /** Every 15 minutes: uploads left unfinished for 24 hours are aborted. */
  sweepUploads: defineScheduledTask('catalog.sweep-uploads', '*/15 * * * *'),
};
