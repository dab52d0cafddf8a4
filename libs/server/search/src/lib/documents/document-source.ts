import type { EntityManager } from 'typeorm';
import type { DocumentKind, SearchDocument } from './search-document';

/** Builds one kind of search document from the current state of the database (the relay's read side). */
export interface DocumentSource {
  readonly kind: DocumentKind;
  /** Documents of the given ids that are published now; the others yield nothing (the relay deletes them). */
  build(ids: readonly string[], runner?: Pick<EntityManager, 'query'>): Promise<SearchDocument[]>;
  /** Published ids in ascending order, a page at a time (reindex and reconcile walk them). */
  publishedIds(after: string | null, limit: number): Promise<string[]>;
  /** Ids licensed within the trending window: their score decays, so the schedule refreshes them. */
  recentlyActiveIds(): Promise<string[]>;
}
