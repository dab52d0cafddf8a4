import type { DocumentKind, SearchDocument } from '../../documents/search-document';
import type { IdPage } from '../search-index-maintenance';
import { quote } from './meilisearch-filter';
import type { MeilisearchIndex } from './meilisearch-index';

/** Reindex (a new index swapped in), reconcile and monitoring for the Meilisearch engine. */
export class MeilisearchIndexMaintenance {
  constructor(private readonly index: MeilisearchIndex) {}

  async count(): Promise<number> {
    await this.index.ready();
    return (await this.index.client.index(this.index.live).getStats()).numberOfDocuments;
  }

  /** Offset paging: ids written meanwhile may be seen twice or not at all, which reconcile tolerates. */
  async indexedIds(kind: DocumentKind, cursor: string | null, limit: number): Promise<IdPage> {
    await this.index.ready();
    const offset = cursor ? Number(cursor) : 0;
    const page = await this.index.client
      .index(this.index.live)
      .getDocuments<{ id: string }>({ fields: ['id'], filter: `kind = ${quote(kind)}`, offset, limit });
    const ids = page.results.map((d) => d.id);
    return { ids, next: offset + ids.length < page.total ? String(offset + ids.length) : null };
  }

  /** A fresh `__next` index with the settings; from now on relay writes also go there (see `writeTargets`). */
  async beginRebuild(): Promise<void> {
    await this.index.ready();
    await this.index.dropIndex(this.index.next);
    await this.index.prepareIndex(this.index.next);
  }

  async writeRebuild(documents: readonly SearchDocument[]): Promise<void> {
    await this.index.addDocuments(this.index.next, documents);
  }

  /** Swaps the built index in atomically, then drops the old one. */
  async finishRebuild(): Promise<void> {
    await this.index.check(
      this.index.client.swapIndexes([{ indexes: [this.index.live, this.index.next], rename: false }]),
    );
    await this.index.dropIndex(this.index.next);
  }
}
