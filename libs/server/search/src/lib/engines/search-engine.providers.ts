import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { SynonymRepository } from '../documents/synonym.repository';
import { MeilisearchEngine } from './meilisearch/meilisearch.engine';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';
import type { SearchEngine } from './search-engine';
import { SearchIndexMaintenance } from './search-index-maintenance';
import { SearchIndexWriter } from './search-index-writer';
import { SearchQueries } from './search-queries';

/** The one engine object behind the three ports (never injected by itself: ask for a port). */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

/** The adapter `SEARCH_ENGINE` names; the other one is never constructed. */
export function createSearchEngine(
  config: AppConfig,
  dataSource: DataSource,
  synonyms: SynonymRepository,
): SearchEngine {
  switch (config.search.engine) {
    case 'meilisearch':
      return new MeilisearchEngine(config, synonyms);
    case 'postgres':
      return new PostgresSearchEngine(dataSource);
  }
}

/**
 * The search engine, chosen by configuration (as commerce registers only the configured payment provider), and the
 * ports it serves: `SearchQueries` (the search service), `SearchIndexWriter` (the relay), `SearchIndexMaintenance`
 * (reindex, reconcile, monitoring).
 */
export const SEARCH_ENGINE_PROVIDERS: Provider[] = [
  {
    provide: SEARCH_ENGINE,
    inject: [APP_CONFIG, getDataSourceToken(), SynonymRepository],
    useFactory: createSearchEngine,
  },
  { provide: SearchQueries, useExisting: SEARCH_ENGINE },
  { provide: SearchIndexWriter, useExisting: SEARCH_ENGINE },
  { provide: SearchIndexMaintenance, useExisting: SEARCH_ENGINE },
];
