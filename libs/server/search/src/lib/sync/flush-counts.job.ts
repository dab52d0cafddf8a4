import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';

/** Every minute: the documents whose likes, downloads or ratings changed are re-read, in batches. */
@Injectable()
@JobTask(SearchTasks.flushCounts)
export class FlushCountsJob implements JobHandler {
  constructor(private readonly sync: SearchSyncService) {}

  async handle(): Promise<void> {
    await this.sync.flushCounts();
  }
}
