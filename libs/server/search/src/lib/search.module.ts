import { Module } from '@nestjs/common';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { TemplatesModule } from '@lookbook/templates';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { ModelDocumentRepository } from './documents/model-document.repository';
import { TemplateDocumentRepository } from './documents/template-document.repository';
import { SynonymRepository } from './documents/synonym.repository';
import { MeilisearchEngine } from './engines/meilisearch.engine';
import { PostgresSearchEngine } from './engines/postgres-search.engine';
import { SearchEngine } from './engines/search-engine';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SearchOutboxRepository } from './sync/search-outbox.repository';
import { SearchSyncService } from './sync/search-sync.service';
import { ReconcileSearchJob, RefreshTrendingJob, SyncModelJob, SyncTemplateJob } from './sync/sync-model.job';

/**
 * Discovery: search documents for style models and workflow templates, built from the catalog, templates,
 * licensing and commerce tables, kept consistent by an outbox (database triggers → `search.sync-model` and
 * `search.sync-template` jobs → the relay), served through GraphQL only.
 */
@Module({
  imports: [CatalogModule, IdentityModule, TemplatesModule],
  providers: [
    ModelDocumentRepository,
    TemplateDocumentRepository,
    SearchOutboxRepository,
    SynonymRepository,
    PostgresSearchEngine,
    MeilisearchEngine,
    // SEARCH_ENGINE picks the adapter; the other is constructed but never connects (both are lazy).
    {
      provide: SearchEngine,
      inject: [APP_CONFIG, PostgresSearchEngine, MeilisearchEngine],
      useFactory: (config: AppConfig, postgres: PostgresSearchEngine, meili: MeilisearchEngine): SearchEngine =>
        config.search.engine === 'meilisearch' ? meili : postgres,
    },
    SearchService,
    SearchSyncService,
    SearchResolver,
    SyncModelJob,
    SyncTemplateJob,
    RefreshTrendingJob,
    ReconcileSearchJob,
  ],
  exports: [SearchSyncService],
})
export class SearchModule {}
