import { Module } from '@nestjs/common';
import { CatalogModule } from '@lookbook/catalog';
import { IdentityModule } from '@lookbook/identity';
import { TemplatesModule } from '@lookbook/templates';
import { ModelDocumentRepository } from './documents/model-document.repository';
import { SynonymRepository } from './documents/synonym.repository';
import { TemplateDocumentRepository } from './documents/template-document.repository';
import { SEARCH_ENGINE_PROVIDERS } from './engines/search-engine.providers';
import { AutocompleteResolver } from './query/autocomplete.resolver';
import { SearchResolver } from './query/search.resolver';
import { SearchService } from './query/search.service';
import { FlushCountsJob } from './sync/flush-counts.job';
import { MatchSavedSearchesJob } from './saved/match-saved-searches.job';
import { SavedSearchAlertService } from './saved/saved-search-alerts.service';
import { SavedSearchRepository } from './saved/saved-search.repository';
import { SavedSearchResolver } from './saved/saved-search.resolver';
import { SavedSearchService } from './saved/saved-search.service';
import { ReconcileSearchJob } from './sync/reconcile-search.job';
import { RefreshTrendingJob } from './sync/refresh-trending.job';
import { SearchIndexStatusResolver } from './sync/search-index-status.resolver';
import { SearchOutboxRepository } from './sync/search-outbox.repository';
import { SearchSyncService } from './sync/search-sync.service';
import { SyncModelJob } from './sync/sync-model.job';
import { SyncTemplateJob } from './sync/sync-template.job';

/**
 * Discovery, a read-model domain: search documents for style models and workflow templates, built from the catalog,
 * identity, templates and licensing tables (docs/decisions/0005-search-reads-foreign-tables.md), kept consistent by
 * an outbox (database triggers → `search.sync-model` and `search.sync-template` jobs → the relay), served through
 * GraphQL only. `SEARCH_ENGINE` picks the one engine constructed (`engines/search-engine.providers.ts`).
 */
@Module({
  imports: [CatalogModule, IdentityModule, TemplatesModule],
  providers: [
    ModelDocumentRepository,
    TemplateDocumentRepository,
    SearchOutboxRepository,
    SynonymRepository,
    ...SEARCH_ENGINE_PROVIDERS,
    SearchService,
    SearchSyncService,
    SearchResolver,
    AutocompleteResolver,
    SearchIndexStatusResolver,
    SyncModelJob,
    SyncTemplateJob,
    RefreshTrendingJob,
    FlushCountsJob,
    SavedSearchRepository,
    SavedSearchService,
    SavedSearchAlertService,
    SavedSearchResolver,
    MatchSavedSearchesJob,
    ReconcileSearchJob,
  ],
  exports: [SearchSyncService, SavedSearchAlertService],
})
export class SearchModule {}
