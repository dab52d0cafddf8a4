import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BaseModelRepository } from '../base-models/base-model.repository';
import type { ModelFileEntity } from '../files/model-file.entity';
import { ModelFileRepository } from '../files/model-file.repository';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import type { VersionFacts, VersionSummary } from '../policies/version-facts';
import { SampleImageRepository } from '../samples/sample-image.repository';
import type { ModelVersionEntity } from './model-version.entity';
import { ModelVersionRepository } from './model-version.repository';

/** Everything publishing decides on, read under the version's row lock. */
export interface LockedVersion {
  version: ModelVersionEntity;
  facts: VersionFacts;
  files: ModelFileEntity[];
  sampleCount: number;
}

/** What the domains above the catalog (and publishing) need to know about a version. */
@Injectable()
export class VersionFactsService {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly models: StyleModelRepository,
    private readonly files: ModelFileRepository,
    private readonly baseModels: BaseModelRepository,
    private readonly samples: SampleImageRepository,
  ) {}

  /** Inside a transaction: lock the version row and read its facts, files and sample count (null: no such version). */
  async locked(manager: EntityManager, id: string): Promise<LockedVersion | null> {
    const version = await this.versions.forUpdate(manager, id);
    const model = version ? await this.models.byId(version.modelId, manager) : null;
    if (!version || !model) return null;
    const files = await this.files.ofVersion(id, manager);
    const [declaredParents, summary, sampleCount] = await Promise.all([
      this.versions.parentFacts(manager, id),
      this.summarize({ version, model }),
      this.samples.countForVersion(id, manager),
    ]);
    const fileSha256s = files.flatMap((f) => (f.scanStatus === 'READY' && f.sha256 ? [f.sha256] : [])).sort();
    return { version, facts: { ...summary, fileSha256s, declaredParents }, files, sampleCount };
  }

  async summarize({
    version,
    model,
  }: {
    version: ModelVersionEntity;
    model: StyleModelEntity;
  }): Promise<VersionSummary> {
    const base = await this.baseModels.byId(model.baseModelId);
    return {
      versionId: version.id,
      versionName: version.name,
      versionStatus: version.status,
      modelId: model.id,
      modelName: model.name,
      modelStatus: model.status,
      ownerId: model.ownerId,
      baseModelId: model.baseModelId,
      baseModelNonCommercial: base?.nonCommercial ?? false,
    };
  }
}
