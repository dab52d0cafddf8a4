import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { CatalogErrors } from './catalog.errors';
import { CatalogRepository } from './catalog.repository';
import type { VersionAccess } from './entities/model-version.entity';
import { ModelVersionService } from './models/model-version.service';
import type { VersionFacts, VersionSummary } from './policies/version-facts';

/** What the domains above the catalog (licensing, commerce, …) may ask of it. */
@Injectable()
export class CatalogFacade {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly repo: CatalogRepository,
  ) {}

  /** The caller's own version, or VERSION_NOT_FOUND. */
  async ownedVersion(actor: Actor, versionId: string): Promise<VersionSummary> {
    return this.versions.summarize(await this.versions.ownedVersion(actor, versionId));
  }

  /** A version the viewer may see, or VERSION_NOT_FOUND. */
  async visibleVersion(viewer: Actor | undefined, versionId: string): Promise<VersionSummary> {
    return this.versions.summarize(await this.versions.visibleVersion(viewer, versionId));
  }

  /**
   * Inside the caller's transaction: lock the version row (the point where publishing, offer changes and licence
   * grants of one version serialise) and return its facts, or VERSION_NOT_FOUND.
   */
  async lockVersion(manager: EntityManager, versionId: string): Promise<VersionFacts> {
    const facts = await this.versions.lockedFacts(manager, versionId);
    if (!facts) throw CatalogErrors.versionNotFound();
    return facts;
  }

  /** Batched for DataLoaders: the owner of each model (unknown ids are absent). */
  async modelOwners(modelIds: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.repo.modelOwners(modelIds)).map((m) => [m.id, m.ownerId]));
  }

  /** FREE while the version has a live free offer (anyone may download it), LICENSED otherwise. */
  async setVersionAccess(manager: EntityManager, versionId: string, access: VersionAccess): Promise<void> {
    await this.repo.updateVersion(versionId, { access }, manager);
  }
}
