import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { SearchTasks } from '../search.tasks';
import { SearchSyncService } from './search-sync.service';

/** The relay for workflow templates, as `SyncModelJob` for models. */
@Injectable()
@JobTask(SearchTasks.syncTemplate)
export class SyncTemplateJob implements JobHandler<PayloadOf<typeof SearchTasks.syncTemplate>> {
  constructor(private readonly sync: SearchSyncService) {}

  async handle({ templateId }: PayloadOf<typeof SearchTasks.syncTemplate>): Promise<void> {
    await this.sync.sync('TEMPLATE', [templateId]);
  }
}
