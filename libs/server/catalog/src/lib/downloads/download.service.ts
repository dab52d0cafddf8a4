import { Inject, Injectable } from '@nestjs/common';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock } from '@lookbook/core';
import { NotFoundError, UnauthenticatedError } from '@lookbook/kernel';
import type { ObjectStorage } from '@lookbook/storage';
import { OBJECT_STORAGE } from '@lookbook/storage';
import { CatalogErrors } from '../catalog.errors';
import { ModelFileRepository } from '../files/model-file.repository';
import { StyleModelRepository } from '../models/style-model.repository';
import { ModelVersionRepository } from '../versions/model-version.repository';
import type { ModelFileEntity } from '../files/model-file.entity';
import type { ModelVersionEntity } from '../versions/model-version.entity';
import type { StyleModelEntity } from '../models/style-model.entity';
import { ModelVersionService } from '../versions/model-version.service';
import { isOwner, isVisibleVersion } from '../models/visibility';
import { CatalogPolicies } from '../policies/catalog-policies';

/** Presigned download URLs live five minutes and are minted per request, after the access check. */
export const DOWNLOAD_TTL_SECONDS = 300;

export interface DownloadLink {
  url: string;
  expiresAt: Date;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

export interface HashMatch {
  file: ModelFileEntity;
  version: ModelVersionEntity;
  model: StyleModelEntity;
}

@Injectable()
export class DownloadService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly policies: CatalogPolicies,
    private readonly files: ModelFileRepository,
    private readonly versionRows: ModelVersionRepository,
    private readonly models: StyleModelRepository,
    private readonly versions: ModelVersionService,
    private readonly clock: Clock,
  ) {}

  /**
   * FREE published versions: anyone. LICENSED: the owner, or whoever the licensing policy allows. A stranger gets
   * the same "not found" for a draft as for a missing id; a visible paid file answers UNAUTHENTICATED (sign in) or
   * LICENSE_REQUIRED.
   */
  async link(viewer: Actor | undefined, fileId: string): Promise<DownloadLink> {
    const file = await this.files.byId(fileId);
    if (!file) throw CatalogErrors.fileNotFound();
    // Only "not visible" falls back to the licensee rule; an outage surfaces as one.
    const { version, model } = await this.versions.visibleVersion(viewer, file.versionId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return this.keptForLicensees(viewer, file);
      throw error;
    });
    if (file.scanStatus !== 'READY' || !file.storageKey || !file.sha256) throw CatalogErrors.fileNotReady();
    const free = version.access === 'FREE' && version.status === 'PUBLISHED' && model.status === 'PUBLISHED';
    if (!free && !isOwner(model, viewer)) {
      if (!viewer) throw new UnauthenticatedError('UNAUTHENTICATED', 'Sign in to download this file');
      const allowed = await this.policies.canDownload(viewer, {
        modelId: model.id,
        versionId: version.id,
        fileSha256: file.sha256,
      });
      if (!allowed) throw CatalogErrors.needsLicence();
    }
    const url = await this.storage.presignGet(this.config.storage.weightsBucket, file.storageKey, {
      ttlSeconds: DOWNLOAD_TTL_SECONDS,
      downloadName: file.fileName,
      contentType: 'application/octet-stream',
    });
    await this.versionRows.incrementDownloads(version.id);
    return {
      url,
      expiresAt: new Date(this.clock.now().getTime() + DOWNLOAD_TTL_SECONDS * 1000),
      fileName: file.fileName,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes ?? 0,
    };
  }

  /**
   * Buyers keep what they paid for: when the creator unpublishes or archives a model, its published versions stay
   * downloadable for whoever holds a licence covering the file. A takedown ends that too. Anyone else: not found.
   */
  private async keptForLicensees(viewer: Actor | undefined, file: ModelFileEntity) {
    const version = await this.versionRows.byId(file.versionId);
    const model = version && (await this.models.byId(version.modelId));
    const kept =
      viewer &&
      version?.status === 'PUBLISHED' &&
      (model?.status === 'UNPUBLISHED' || model?.status === 'ARCHIVED') &&
      file.sha256 &&
      (await this.policies.canDownload(viewer, { modelId: model.id, versionId: version.id, fileSha256: file.sha256 }));
    if (!kept) throw CatalogErrors.fileNotFound();
    return { version, model };
  }

  /** SHA-256 (64 hex) or AutoV2 (10 hex), any case: the visible versions holding a READY file with those bytes. */
  async byHash(viewer: Actor | undefined, rawHash: string): Promise<HashMatch[]> {
    const hash = rawHash.trim().toLowerCase();
    const column = /^[0-9a-f]{64}$/.test(hash) ? 'sha256' : /^[0-9a-f]{10}$/.test(hash) ? 'autov2' : null;
    if (!column) throw CatalogErrors.invalidHash();
    const files = await this.files.readyByHash(column, hash);
    const found = new Map(
      (await this.versionRows.withModels(files.map((f) => f.versionId))).map((row) => [row.version.id, row]),
    );
    return files.flatMap((file) => {
      const row = found.get(file.versionId);
      return row && isVisibleVersion(row, viewer) ? [{ file, ...row }] : [];
    });
  }
}
