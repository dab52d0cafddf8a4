import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import type { PublishedFileMatch } from './base-models/known-model-file.service';
import { KnownModelFileService } from './base-models/known-model-file.service';
import { CatalogErrors } from './catalog.errors';
import type { StyleModel } from './graphql/catalog-models.objects';
import { toStyleModel } from './graphql/catalog.mapper';
import { StyleModelRepository } from './models/style-model.repository';
import type { VersionFacts, VersionSummary } from './policies/version-facts';
import type { VersionAccess } from './versions/model-version.entity';
import { ModelFileRepository } from './files/model-file.repository';
import { canSeeModel, isVisibleVersion } from './models/visibility';
import { ModelVersionRepository } from './versions/model-version.repository';
import { ModelVersionService } from './versions/model-version.service';
import { VersionFactsService } from './versions/version-facts.service';

export interface ResolvedModelFile {
  matchedBy: 'SHA256' | 'FILE_NAME';
  /** How many visible versions matched (more than one: a name match is a guess). */
  candidates: number;
  modelId: string;
  modelName: string;
  versionId: string;
  versionName: string;
  ownerId: string;
  fileName: string;
  sha256: string;
}

/** What the domains above the catalog (licensing, commerce, …) may ask of it. */
@Injectable()
export class CatalogFacade {
  constructor(
    private readonly versions: ModelVersionService,
    private readonly facts: VersionFactsService,
    private readonly versionRows: ModelVersionRepository,
    private readonly models: StyleModelRepository,
    private readonly files: ModelFileRepository,
    private readonly knownFiles: KnownModelFileService,
  ) {}

  /**
   * Which well-known published file (SD 1.5, SDXL, FLUX.1, SD 3.5, their encoders and VAEs) each file a workflow
   * loads is, with the licence it is published under: by SHA-256 when the workflow states one, else by file name.
   */
  identifyPublishedFiles(
    refs: readonly { sha256: string | null; name: string }[],
  ): Promise<(PublishedFileMatch | null)[]> {
    return this.knownFiles.identify(refs);
  }

  /**
   * Which catalog version each file a workflow loads is: by SHA-256 when the workflow states it (exact), else by file
   * name (a guess: the newest visible version with a file of that name; `candidates` says how many matched).
   */
  async resolveModelFiles(
    viewer: Actor | undefined,
    refs: readonly { sha256: string | null; name: string }[],
  ): Promise<(ResolvedModelFile | null)[]> {
    const wanted = refs.slice(0, 100);
    const baseName = (name: string) => name.split(/[\\/]/).pop()!.toLowerCase();
    const files = await this.files.readyMatching(
      wanted.flatMap((r) => (r.sha256 ? [r.sha256] : [])),
      wanted.filter((r) => !r.sha256).map((r) => baseName(r.name)),
    );
    const rows = new Map(
      (await this.versionRows.withModels([...new Set(files.map((f) => f.versionId))])).map((r) => [r.version.id, r]),
    );
    const visible = files.flatMap((file) => {
      const row = rows.get(file.versionId);
      return row && isVisibleVersion(row, viewer) ? [{ file, ...row }] : [];
    });
    return refs.map((ref, i) => {
      if (i >= wanted.length) return null;
      const byHash = ref.sha256 ? visible.filter((m) => m.file.sha256 === ref.sha256) : [];
      const byName = ref.sha256 ? [] : visible.filter((m) => m.file.fileName.toLowerCase() === baseName(ref.name));
      const matches = byHash.length ? byHash : byName;
      const best = [...matches].sort((a, b) => b.version.createdAt.getTime() - a.version.createdAt.getTime())[0];
      if (!best) return null;
      return {
        matchedBy: byHash.length ? 'SHA256' : 'FILE_NAME',
        candidates: matches.length,
        modelId: best.model.id,
        modelName: best.model.name,
        versionId: best.version.id,
        versionName: best.version.name,
        ownerId: best.model.ownerId,
        fileName: best.file.fileName,
        sha256: best.file.sha256!,
      };
    });
  }

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

  /**
   * The models among `ids` the viewer may see (published ones; any of their own; staff: all), as GraphQL objects —
   * batched for DataLoaders (one statement; unknown and hidden ids are absent).
   */
  async visibleModels(viewer: Actor | undefined, ids: readonly string[]): Promise<StyleModel[]> {
    return (await this.models.byIds(ids)).filter((m) => canSeeModel(m, viewer)).map(toStyleModel);
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
