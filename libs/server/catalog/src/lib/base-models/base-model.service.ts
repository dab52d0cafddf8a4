import { Injectable } from '@nestjs/common';
import { Clock } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { normaliseConditions, normaliseLabel, normaliseLicenseUrl } from '../models/model-input';
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

  /** Add or replace a base model; a licence link or note left out keeps the current one (null clears it). */
  async upsert(
    input: Omit<BaseModelEntity, 'updatedAt' | 'sortOrder' | 'licenseUrl' | 'licenseConditions'> & {
      sortOrder?: number | null;
      licenseUrl?: string | null;
      licenseConditions?: string | null;
    },
  ): Promise<BaseModelEntity> {
    if (!/^[a-z0-9][a-z0-9.-]{1,39}$/.test(input.id)) throw CatalogErrors.baseModelNotFound();
    const current = await this.baseModels.byId(input.id);
    const model = {
      ...input,
      name: normaliseLabel(input.name, 'name'),
      ecosystem: normaliseLabel(input.ecosystem, 'ecosystem'),
      licenseName: normaliseLabel(input.licenseName, 'licenseName'),
      licenseUrl:
        input.licenseUrl === undefined
          ? (current?.licenseUrl ?? null)
          : input.licenseUrl
            ? normaliseLicenseUrl(input.licenseUrl, 'licenseUrl')
            : null,
      licenseConditions:
        input.licenseConditions === undefined
          ? (current?.licenseConditions ?? null)
          : input.licenseConditions
            ? normaliseConditions(input.licenseConditions, 'licenseConditions')
            : null,
      sortOrder: input.sortOrder ?? 100,
      updatedAt: this.clock.now(),
    };
    await this.baseModels.save(model);
    return model;
  }
}
