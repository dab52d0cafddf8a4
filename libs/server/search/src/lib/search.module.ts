import { Module } from '@nestjs/common';
import { CatalogModule } from '@lookbook/catalog';
import { ModelDocumentRepository } from './documents/model-document.repository';
import { PostgresSearchEngine } from './engines/postgres-search.engine';
import { SearchEngine } from './engines/search-engine';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SearchOutboxRepository } from './sync/search-outbox.repository';
import { SearchSyncService } from './sync/search-sync.service';
import { ReconcileSearchJob, RefreshTrendingJob, SyncModelJob } from './sync/sync-model.job';

/**
 * Discovery: search documents built from the catalog, licensing and commerce tables, kept consistent by an outbox
 * (database triggers → `search.sync-model` jobs → the relay), served through GraphQL only.
 */
@Module({
  imports: [CatalogModule],
  providers: [
    ModelDocumentRepository,
    SearchOutboxRepository,
    { provide: SearchEngine, useClass: PostgresSearchEngine },
    SearchService,
    SearchSyncService,
    SearchResolver,
    SyncModelJob,
    RefreshTrendingJob,
    ReconcileSearchJob,
  ],
  exports: [SearchSyncService],
})
export class SearchModule {}
