import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@lookbook/core';
import { JobTask } from '@lookbook/core';
import { CatalogTasks } from '../catalog.tasks';
import { UploadService } from './upload.service';

/** Every 15 minutes: abort uploads left unfinished for 24 hours (storage parts are deleted, the file rejected). */
@Injectable()
@JobTask(CatalogTasks.sweepUploads)
export class SweepUploadsJob implements JobHandler {
  constructor(private readonly uploads: UploadService) {}

  async handle(): Promise<void> {
    while ((await this.uploads.sweepExpired(100)) === 100) {
      // keep going until a partial batch
    }
  }
}
