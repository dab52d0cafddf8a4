import type { SearchIndexMaintenance } from './search-index-maintenance';
import type { SearchIndexWriter } from './search-index-writer';
import type { SearchQueries } from './search-queries';

/**
 * A search engine adapter: one object serving the three ports — queries (`SearchService`), the index writer (the
 * relay) and maintenance (reindex, reconcile, monitoring). PostgreSQL (`postgres/`) and Meilisearch (`meilisearch/`)
 * each implement all three; `search-engine.providers.ts` constructs the configured one.
 */
export type SearchEngine = SearchQueries & SearchIndexWriter & SearchIndexMaintenance;
