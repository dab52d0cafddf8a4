import { Injectable } from '@nestjs/common';
import type { JobHandler, PayloadOf } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { PublicMedia } from '@lookbook/storage';
import { CatalogTasks } from '../catalog.tasks';
import { StyleModelRepository } from '../models/style-model.repository';
import { SampleImageRepository } from './sample-image.repository';

/**
 * Makes a model's public media match its status: TAKEN_DOWN withholds every key no visible model shares; any other
 * status restores them. Reads the status when it runs, so a takedown and a quick restore end in the right state
 * whatever order retries land in.
 */
@Injectable()
@JobTask(CatalogTasks.syncModelMedia)
export class SyncModelMediaJob implements JobHandler<PayloadOf<typeof CatalogTasks.syncModelMedia>> {
  constructor(
    private readonly models: StyleModelRepository,
    private readonly images: SampleImageRepository,
    private readonly media: PublicMedia,
  ) {}

  async handle({ modelId }: PayloadOf<typeof CatalogTasks.syncModelMedia>): Promise<void> {
    const model = await this.models.byId(modelId);
    if (!model) return;
    const keys = await this.images.mediaKeysOfModel(modelId);
    for (const { key, sharedWithVisible } of keys) {
      if (model.status !== 'TAKEN_DOWN') await this.media.restore(key);
      else if (!sharedWithVisible) await this.media.withhold(key);
    }
  }
}
