export * from './lib/search.module';
export { SearchSyncService } from './lib/sync/search-sync.service';
export type { ReconcileReport } from './lib/sync/search-sync.service';
export { SearchTasks } from './lib/search.tasks';
export { SavedSearchAlertService } from './lib/saved/saved-search-alerts.service';
export type { AlertReport } from './lib/saved/saved-search-alerts.service';
