import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import type { VersionFacts } from './version-facts';

export interface DownloadResource {
  modelId: string;
  versionId: string;
  fileSha256: string;
}

/** Who may download a LICENSED version besides its owner (the licensing domain: an active grant covering the file). */
export interface DownloadAccessPolicy {
  canDownload(actor: Actor, resource: DownloadResource): Promise<boolean>;
}

/**
 * The rules a version must meet beyond the catalog's own (files, sample image) before it is published — the licensing
 * domain's offers and compatibility rules. Runs inside the publish transaction with the version row locked; throws a
 * typed error to refuse.
 */
export interface PublishPolicy {
  assertPublishable(manager: EntityManager, version: VersionFacts): Promise<void>;
}

/** Licence facts a tool needs next to a version (offers, whether the viewer holds a licence), as plain JSON. */
export interface LicensingSummaries {
  describe(viewer: Actor | undefined, versionIds: readonly string[]): Promise<Map<string, unknown>>;
}

/**
 * Where the domains above the catalog install their policies (they depend on the catalog, so the catalog cannot
 * import them). Fails closed: without a download policy only owners and free versions download; without a publish
 * policy nothing publishes.
 */
@Injectable()
export class CatalogPolicies {
  private downloadAccess: DownloadAccessPolicy = { canDownload: () => Promise.resolve(false) };
  private publishPolicy: PublishPolicy | null = null;
  private licensing: LicensingSummaries | null = null;

  install(policies: {
    downloadAccess?: DownloadAccessPolicy;
    publish?: PublishPolicy;
    licensing?: LicensingSummaries;
  }): void {
    if (policies.downloadAccess) this.downloadAccess = policies.downloadAccess;
    if (policies.publish) this.publishPolicy = policies.publish;
    if (policies.licensing) this.licensing = policies.licensing;
  }

  /** Per version id: licence facts for tools (empty when no licensing domain is installed). */
  describeLicensing(viewer: Actor | undefined, versionIds: readonly string[]): Promise<Map<string, unknown>> {
    return this.licensing ? this.licensing.describe(viewer, versionIds) : Promise.resolve(new Map<string, unknown>());
  }

  canDownload(actor: Actor, resource: DownloadResource): Promise<boolean> {
    return this.downloadAccess.canDownload(actor, resource);
  }

  async assertPublishable(manager: EntityManager, version: VersionFacts): Promise<void> {
    if (!this.publishPolicy) throw CatalogErrors.publishPolicyMissing();
    await this.publishPolicy.assertPublishable(manager, version);
  }
}
