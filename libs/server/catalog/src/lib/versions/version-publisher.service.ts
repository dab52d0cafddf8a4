import { Injectable } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { Clock, Transactions } from '@lookbook/core';
import { CatalogErrors } from '../catalog.errors';
import { StyleModelRepository } from '../models/style-model.repository';
import { CatalogPolicies } from '../policies/catalog-policies';
import type { VisibleVersion } from './model-version.service';
import { ModelVersionService } from './model-version.service';
import { ModelVersionRepository } from './model-version.repository';
import { VersionFactsService } from './version-facts.service';

/**
 * Publishing a version: every file READY (at least one MODEL file), a sample image, and the policies installed by the
 * domains above (licensing: an explicit offer that passes the compatibility rules). The model goes public with its
 * first published version (DRAFT → PUBLISHED in the same transaction). Model row, then version row, are locked, so
 * nothing (files, images, offers, licences) lands between the checks and the update.
 */
@Injectable()
export class VersionPublisher {
  constructor(
    private readonly versionService: ModelVersionService,
    private readonly versions: ModelVersionRepository,
    private readonly models: StyleModelRepository,
    private readonly facts: VersionFactsService,
    private readonly policies: CatalogPolicies,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async publish(actor: Actor, id: string): Promise<VisibleVersion> {
    const { model } = await this.versionService.ownedDraft(actor, id);
    return this.transactions.run(async (manager) => {
      const lockedModel = (await this.models.forUpdate(manager, model.id))!;
      if (lockedModel.status === 'TAKEN_DOWN') throw CatalogErrors.statusTransition(lockedModel.status, 'PUBLISHED');
      const locked = await this.facts.locked(manager, id);
      if (!locked || locked.version.status !== 'DRAFT') throw CatalogErrors.versionPublished();
      const { files, sampleCount, facts } = locked;
      if (!files.some((f) => f.role === 'MODEL') || files.some((f) => f.scanStatus !== 'READY')) {
        throw CatalogErrors.publishNeedsFiles();
      }
      if (sampleCount === 0) throw CatalogErrors.publishNeedsSample();
      await this.policies.assertPublishable(manager, { ...facts, modelStatus: lockedModel.status });
      const now = this.clock.now();
      const published = { ...locked.version, status: 'PUBLISHED' as const, publishedAt: now, updatedAt: now };
      await this.versions.update(id, { status: 'PUBLISHED', publishedAt: now, updatedAt: now }, manager);
      let updatedModel = lockedModel;
      if (lockedModel.status === 'DRAFT') {
        updatedModel = { ...lockedModel, status: 'PUBLISHED', publishedAt: now, updatedAt: now };
        await this.models.update(lockedModel.id, { status: 'PUBLISHED', publishedAt: now, updatedAt: now }, manager);
      }
      return { version: published, model: updatedModel };
    });
  }
}
