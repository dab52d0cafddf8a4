import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { CatalogErrors } from './catalog.errors';
import type { StyleModel } from './graphql/catalog-models.objects';
import { toStyleModel } from './graphql/catalog.mapper';
import { StyleModelRepository } from './models/style-model.repository';
import type { VersionFacts, VersionSummary } from './policies/version-facts';
import type { VersionAccess } from './versions/model-version.entity';
import { ModelVersionRepository } from './versions/model-version.repository';
import { ModelVersionService } from './versions/model-version.service';
import { VersionFactsService } from './versions/version-facts.service';

/** What the domains above the catalog (licensing, commerce, …) may ask of it. */
@Injectable()
export class CatalogFacade {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly facts: VersionFactsService,
    private readonly versionRows: ModelVersionRepository,
    private readonly models: StyleModelRepository,
  ) {}

  /** The caller's own version, or VERSION_NOT_FOUND. */
  async ownedVersion(actor: Actor, versionId: string): Promise<VersionSummary> {
    return this.facts.summarize(await this.versions.ownedVersion(actor, versionId));
  }

  /** A version the viewer may see, or VERSION_NOT_FOUND. */
  async visibleVersion(viewer: Actor | undefined, versionId: string): Promise<VersionSummary> {
    return this.facts.summarize(await this.versions.visibleVersion(viewer, versionId));
  }

  /**
   * Inside the caller's transaction: lock the version row (the point where publishing, offer changes and licence
   * grants of one version serialise) and return its facts, or VERSION_NOT_FOUND.
   */
  async lockVersion(manager: EntityManager, versionId: string): Promise<VersionFacts> {
    const locked = await this.facts.locked(manager, versionId);
    if (!locked) throw CatalogErrors.versionNotFound();
    return locked.facts;
  }

  /**
   * The published models among `ids`, in that order, as GraphQL objects (search hits). Read now, not from the index:
   * a model taken down a moment ago is gone from the results even before its document is deleted.
   */
  async publishedModels(ids: readonly string[]): Promise<StyleModel[]> {
    const byId = new Map((await this.models.publishedWithOwners(ids)).map((m) => [m.id, m]));
    return ids.flatMap((id) => {
      const model = byId.get(id);
      return model ? [toStyleModel(model)] : [];
    });
  }

  /** Batched for DataLoaders: the owner of each model (unknown ids are absent). */
  async modelOwners(modelIds: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.models.owners(modelIds)).map((m) => [m.id, m.ownerId]));
  }

  /** FREE while the version has a live free offer (anyone may download it), LICENSED otherwise. */
  async setVersionAccess(manager: EntityManager, versionId: string, access: VersionAccess): Promise<void> {
    await this.versionRows.update(versionId, { access }, manager);
  }
}
