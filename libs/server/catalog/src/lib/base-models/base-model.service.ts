import { Injectable } from '@nestjs/common';
import { Clock } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { normaliseLabel } from '../models/model-input';
import type { BaseModelEntity } from './base-model.entity';
import { BaseModelRepository } from './base-model.repository';

/** The base models (SD 1.5, SDXL, Flux, …) style models target, with the licence facts the offer rules need. */
@Injectable()
export class BaseModelService {
  constructor(
    private readonly baseModels: BaseModelRepository,
    private readonly clock: Clock,
  ) {}

  list(): Promise<BaseModelEntity[]> {
    return this.baseModels.all();
  }

  async upsert(
    input: Omit<BaseModelEntity, 'updatedAt' | 'sortOrder'> & { sortOrder?: number | null },
  ): Promise<BaseModelEntity> {
    if (!/^[a-z0-9][a-z0-9.-]{1,39}$/.test(input.id)) throw CatalogErrors.baseModelNotFound();
    const model = {
      ...input,
      name: normaliseLabel(input.name, 'name'),
      ecosystem: normaliseLabel(input.ecosystem, 'ecosystem'),
      licenseName: normaliseLabel(input.licenseName, 'licenseName'),
      sortOrder: input.sortOrder ?? 100,
      updatedAt: this.clock.now(),
    };
    await this.baseModels.save(model);
    return model;
  }
}
