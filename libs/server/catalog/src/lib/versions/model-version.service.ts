import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import type { ModelVersionEntity, ParentRelation } from './model-version.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import type { StyleModelEntity } from '../models/style-model.entity';
import { ModelVersionRepository } from './model-version.repository';
import {
  normaliseChangelog,
  normaliseSettings,
  normaliseTriggerWords,
  normaliseVersionName,
} from '../models/model-input';
import { StyleModelService } from '../models/style-model.service';
import { isVisibleVersion } from '../models/visibility';

export interface VersionInput {
  name: string;
  changelog?: string | null;
  triggerWords?: string[] | null;
  recommendedSettings?: Record<string, unknown> | null;
  parents?: { versionId: string; relation: ParentRelation }[] | null;
}

export interface VisibleVersion {
  version: ModelVersionEntity;
  model: StyleModelEntity;
}

const MAX_PARENTS = 10;

/** Versions of one's models: create, edit drafts, and who may see or change which. */
@Injectable()
export class ModelVersionService {
  constructor(
    private readonly versions: ModelVersionRepository,
    private readonly modelRows: StyleModelRepository,
    private readonly models: StyleModelService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, modelId: string, input: VersionInput): Promise<ModelVersionEntity> {
    const model = await this.models.ownedModel(actor, modelId);
    if (model.status === 'TAKEN_DOWN') throw CatalogErrors.statusTransition(model.status, 'new version');
    const parents = await this.validateParents(model.id, input.parents ?? []);
    const now = this.clock.now();
    const version: ModelVersionEntity = {
      id: newId(),
      modelId: model.id,
      name: normaliseVersionName(input.name),
      changelog: normaliseChangelog(input.changelog ?? ''),
      triggerWords: normaliseTriggerWords(input.triggerWords ?? []),
      recommendedSettings: normaliseSettings(input.recommendedSettings ?? {}),
      access: 'LICENSED', // derived from the licence offers (a live FREE offer makes it FREE)
      status: 'DRAFT',
      downloadCount: 0,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    await this.versions.insert(
      version,
      parents.map((p) => ({ versionId: version.id, parentVersionId: p.versionId, relation: p.relation })),
    );
    return version;
  }

  async update(
    actor: Actor,
    id: string,
    input: { [K in keyof Omit<VersionInput, 'parents'>]?: VersionInput[K] | null },
  ): Promise<ModelVersionEntity> {
    const { version } = await this.ownedDraft(actor, id);
    const changes: Partial<ModelVersionEntity> = { updatedAt: this.clock.now() };
    if (input.name) changes.name = normaliseVersionName(input.name);
    if (input.changelog !== undefined && input.changelog !== null)
      changes.changelog = normaliseChangelog(input.changelog);
    if (input.triggerWords) changes.triggerWords = normaliseTriggerWords(input.triggerWords);
    if (input.recommendedSettings) changes.recommendedSettings = normaliseSettings(input.recommendedSettings);
    await this.versions.update(id, changes);
    return { ...version, ...changes };
  }

  async visibleVersion(viewer: Actor | undefined, id: string): Promise<VisibleVersion> {
    const version = await this.versions.byId(id);
    const model = version ? await this.modelRows.byId(version.modelId) : null;
    if (!version || !model || !isVisibleVersion({ version, model }, viewer)) throw CatalogErrors.versionNotFound();
    return { version, model };
  }

  /** The caller's version, still a draft (files, images and details can change only then). */
  async ownedDraft(actor: Actor, id: string): Promise<VisibleVersion> {
    const owned = await this.ownedVersion(actor, id);
    if (owned.version.status !== 'DRAFT') throw CatalogErrors.versionPublished();
    return owned;
  }

  /** Inside a transaction: lock the version row and require it to still be a draft. */
  async assertDraftLocked(manager: EntityManager, id: string): Promise<void> {
    if ((await this.versions.forUpdate(manager, id))?.status !== 'DRAFT') throw CatalogErrors.versionPublished();
  }

  async ownedVersion(actor: Actor, id: string): Promise<VisibleVersion> {
    const version = await this.versions.byId(id);
    const model = version ? await this.modelRows.byId(version.modelId) : null;
    if (!version || !model || model.ownerId !== actor.userId) throw CatalogErrors.versionNotFound();
    return { version, model };
  }

  private async validateParents(modelId: string, parents: { versionId: string; relation: ParentRelation }[]) {
    const ids = parents.map((p) => p.versionId);
    if (ids.length > MAX_PARENTS || new Set(ids).size !== ids.length) throw CatalogErrors.invalidParent();
    const found = await this.versions.parentCandidates(ids);
    const ok =
      found.length === ids.length &&
      found.every((p) => p.modelId !== modelId && p.status === 'PUBLISHED' && p.modelStatus === 'PUBLISHED');
    if (!ok) throw CatalogErrors.invalidParent();
    return parents;
  }
}
