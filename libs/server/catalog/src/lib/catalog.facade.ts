import { Injectable } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { CatalogRepository } from './catalog.repository';
import { ModelVersionService } from './models/model-version.service';

export interface VersionSummary {
  versionId: string;
  versionName: string;
  versionStatus: 'DRAFT' | 'PUBLISHED';
  modelId: string;
  modelName: string;
  ownerId: string;
  baseModelId: string;
  baseModelNonCommercial: boolean;
}

/** What the domains above the catalog (licensing, commerce, …) may ask of it. */
@Injectable()
export class CatalogFacade {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly repo: CatalogRepository,
  ) {}

  /** The caller's own version, or VERSION_NOT_FOUND. */
  async ownedVersion(actor: Actor, versionId: string): Promise<VersionSummary> {
    return this.summary(await this.versions.ownedVersion(actor, versionId));
  }

  /** A version the viewer may see, or VERSION_NOT_FOUND. */
  async visibleVersion(viewer: Actor | undefined, versionId: string): Promise<VersionSummary> {
    return this.summary(await this.versions.visibleVersion(viewer, versionId));
  }

  private async summary({
    version,
    model,
  }: Awaited<ReturnType<ModelVersionService['ownedVersion']>>): Promise<VersionSummary> {
    const base = await this.repo.baseModel(model.baseModelId);
    return {
      versionId: version.id,
      versionName: version.name,
      versionStatus: version.status,
      modelId: model.id,
      modelName: model.name,
      ownerId: model.ownerId,
      baseModelId: model.baseModelId,
      baseModelNonCommercial: base?.nonCommercial ?? false,
    };
  }
}
