import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';

/** Hourly: compares the index with the database and fixes any drift (a failure is retried by the queue). */
@Injectable()
@JobTask(SearchTasks.reconcile)
export class ReconcileSearchJob implements JobHandler {
  constructor(private readonly sync: SearchSyncService) {}

  async handle(): Promise<void> {
    await this.sync.reconcile();
  }
}
