import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';

/** Every 15 minutes: trending scores decay, so the documents of recently licensed subjects are re-read. */
@Injectable()
@JobTask(SearchTasks.refreshTrending)
export class RefreshTrendingJob implements JobHandler {
  constructor(private readonly sync: SearchSyncService) {}

  async handle(): Promise<void> {
    await this.sync.refreshTrending();
  }
}
