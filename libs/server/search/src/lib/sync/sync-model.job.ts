import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';

/** The outbox relay: a failure (the engine is down) throws, and the queue retries with backoff until it converges. */
@Injectable()
@JobTask(SearchTasks.syncModel)
export class SyncModelJob implements JobHandler<PayloadOf<typeof SearchTasks.syncModel>> {
  constructor(private readonly sync: SearchSyncService) {}

  async handle({ modelId }: PayloadOf<typeof SearchTasks.syncModel>): Promise<void> {
    await this.sync.syncModels([modelId]);
  }
}
