import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SavedSearchAlertService } from './saved-search-alerts.service';

/** Every two minutes: newly published models and templates are matched against saved searches, in batches. */
@Injectable()
@JobTask(SearchTasks.matchSavedSearches)
export class MatchSavedSearchesJob implements JobHandler {
  constructor(private readonly alerts: SavedSearchAlertService) {}

  async handle(): Promise<void> {
    await this.alerts.run();
  }
}
