import type { DocumentKind, SearchDocument } from '../documents/search-document';

export interface IdPage {
  ids: string[];
  /** null after the last page. */
  next: string | null;
}

/** The index as a whole, for reindex, reconcile and monitoring (`SearchSyncService`). */
export abstract class SearchIndexMaintenance {
  abstract readonly name: 'postgres' | 'meilisearch';
  /** Documents in the index. */
  abstract count(): Promise<number>;
  /** Ids of every indexed document of a kind, a page at a time (`cursor` is the engine's own, null at first). */
  abstract indexedIds(kind: DocumentKind, cursor: string | null, limit: number): Promise<IdPage>;
  /**
   * A full reindex: `beginRebuild`, then `writeRebuild` page by page, then `finishRebuild`. Meilisearch builds a new
   * index and swaps it in (readers never see a half-built index; relay writes go to both while it builds);
   * PostgreSQL rewrites its rows in place (each row replaced atomically).
   */
  abstract beginRebuild(): Promise<void>;
  abstract writeRebuild(documents: readonly SearchDocument[]): Promise<void>;
  abstract finishRebuild(): Promise<void>;
}
