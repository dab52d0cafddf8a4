import type { SearchDocument } from '../../documents/search-document';
import type { MeilisearchIndex } from './meilisearch-index';

/** The index writer for the Meilisearch engine: to the live index, and to the one being built during a reindex. */
export class MeilisearchIndexWriter {
  constructor(private readonly index: MeilisearchIndex) {}

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await this.index.ready();
    const targets = await this.index.writeTargets();
    for (const uid of targets) await this.index.addDocuments(uid, documents);
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.index.ready();
    for (const uid of await this.index.writeTargets())
      await this.index.check(this.index.client.index(uid).deleteDocuments([...ids]));
  }
}
