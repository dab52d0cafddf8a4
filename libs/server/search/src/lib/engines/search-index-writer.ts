import type { SearchDocument } from '../documents/search-document';

/**
 * The write side of the search port, used by the relay (`SearchSyncService`). Writes are state-based (upsert the
 * current document, or delete), so replaying them in any order converges; the caller serialises writes per
 * document (a lock per id from reading the state to writing it).
 */
export abstract class SearchIndexWriter {
  abstract readonly name: 'postgres' | 'meilisearch';
  abstract upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** By id (ids are unique across kinds). */
  abstract delete(ids: readonly string[]): Promise<void>;
}
