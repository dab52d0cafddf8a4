import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import { CatalogRepository } from '../catalog.repository';
import type { ModelVersionEntity, ParentRelation } from '../entities/model-version.entity';
import type { ModelFileEntity } from '../entities/model-file.entity';
import { StyleModelEntity } from '../entities/style-model.entity';
import { CatalogPolicies } from '../policies/catalog-policies';
import type { VersionFacts, VersionSummary } from '../policies/version-facts';
import { SampleImageRepository } from '../samples/sample-image.repository';
import { normaliseChangelog, normaliseSettings, normaliseTriggerWords, normaliseVersionName } from './model-input';
import { StyleModelService } from './style-model.service';
import { isVisibleVersion } from './visibility';

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

@Injectable()
export class ModelVersionService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly models: StyleModelService,
    private readonly samples: SampleImageRepository,
    private readonly policies: CatalogPolicies,
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
    await this.repo.insertVersion(
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
    await this.repo.updateVersion(id, changes);
    return { ...version, ...changes };
  }

  /**
   * Publishes when every file is READY (at least one MODEL file) and there is a sample image. The model goes public
   * with its first published version (DRAFT → PUBLISHED in the same transaction).
   */
  async publish(actor: Actor, id: string): Promise<VisibleVersion> {
    const { version, model } = await this.ownedDraft(actor, id);
    return this.repo.transaction(async (manager) => {
      const locked = (await this.repo.modelForUpdate(manager, model.id))!;
      if (locked.status === 'TAKEN_DOWN') throw CatalogErrors.statusTransition(locked.status, 'PUBLISHED');
      // Files and images are added under the same version lock, so none can slip in between this check and the update.
      await this.assertDraftLocked(manager, id);
      const files = await this.repo.filesOfVersionIn(manager, id);
      if (!files.some((f) => f.role === 'MODEL') || files.some((f) => f.scanStatus !== 'READY')) {
        throw CatalogErrors.publishNeedsFiles();
      }
      if ((await this.samples.countForVersion(id)) === 0) throw CatalogErrors.publishNeedsSample();
      const facts = await this.facts(version, locked, files, await this.parentFacts(manager, id));
      await this.policies.assertPublishable(manager, facts);
      const now = this.clock.now();
      const published: ModelVersionEntity = { ...version, status: 'PUBLISHED', publishedAt: now, updatedAt: now };
      await this.repo.updateVersion(id, { status: 'PUBLISHED', publishedAt: now, updatedAt: now }, manager);
      let updatedModel = locked;
      if (locked.status === 'DRAFT') {
        updatedModel = { ...locked, status: 'PUBLISHED', publishedAt: now, updatedAt: now };
        await this.repo.updateModel(locked.id, { status: 'PUBLISHED', publishedAt: now, updatedAt: now }, manager);
      }
      return { version: published, model: updatedModel };
    });
  }

  async visibleVersion(viewer: Actor | undefined, id: string): Promise<VisibleVersion> {
    const version = await this.repo.version(id);
    const model = version ? await this.repo.model(version.modelId) : null;
    if (!version || !model || !isVisibleVersion({ version, model }, viewer)) throw CatalogErrors.versionNotFound();
    return { version, model };
  }

  /** Inside a transaction: lock the version row and read what the licensing and commerce domains need to know. */
  async lockedFacts(manager: EntityManager, id: string): Promise<VersionFacts | null> {
    const version = await this.repo.versionForUpdate(manager, id);
    const model = version ? await manager.getRepository(StyleModelEntity).findOneBy({ id: version.modelId }) : null;
    if (!version || !model) return null;
    const files = await this.repo.filesOfVersionIn(manager, id);
    return this.facts(version, model, files, await this.parentFacts(manager, id));
  }

  private parentFacts(manager: EntityManager, id: string): Promise<VersionFacts['parents']> {
    return manager.query(
      `SELECT p.parent_version_id AS "versionId", p.relation, m.owner_id AS "ownerId"
         FROM catalog.version_parent p
         JOIN catalog.model_version v ON v.id = p.parent_version_id
         JOIN catalog.style_model m ON m.id = v.model_id
        WHERE p.version_id = $1 ORDER BY p.parent_version_id`,
      [id],
    );
  }

  private async facts(
    version: ModelVersionEntity,
    model: StyleModelEntity,
    files: ModelFileEntity[],
    parents: VersionFacts['parents'],
  ): Promise<VersionFacts> {
    return {
      ...(await this.summarize({ version, model })),
      fileSha256s: files.flatMap((f) => (f.scanStatus === 'READY' && f.sha256 ? [f.sha256] : [])).sort(),
      parents,
    };
  }

  async summarize({ version, model }: VisibleVersion): Promise<VersionSummary> {
    const base = await this.repo.baseModel(model.baseModelId);
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

  /** The caller's version, still a draft (files, images and details can change only then). */
  async ownedDraft(actor: Actor, id: string): Promise<VisibleVersion> {
    const owned = await this.ownedVersion(actor, id);
    if (owned.version.status !== 'DRAFT') throw CatalogErrors.versionPublished();
    return owned;
  }

  /** Inside a transaction: lock the version row and require it to still be a draft. */
  async assertDraftLocked(manager: EntityManager, id: string): Promise<void> {
    if ((await this.repo.versionForUpdate(manager, id))?.status !== 'DRAFT') throw CatalogErrors.versionPublished();
  }

  async ownedVersion(actor: Actor, id: string): Promise<VisibleVersion> {
    const version = await this.repo.version(id);
    const model = version ? await this.repo.model(version.modelId) : null;
    if (!version || !model || model.ownerId !== actor.userId) throw CatalogErrors.versionNotFound();
    return { version, model };
  }

  private async validateParents(modelId: string, parents: { versionId: string; relation: ParentRelation }[]) {
    const ids = parents.map((p) => p.versionId);
    if (ids.length > MAX_PARENTS || new Set(ids).size !== ids.length) throw CatalogErrors.invalidParent();
    const found = await this.repo.parentCandidates(ids);
    const ok =
      found.length === ids.length &&
      found.every((p) => p.modelId !== modelId && p.status === 'PUBLISHED' && p.modelStatus === 'PUBLISHED');
    if (!ok) throw CatalogErrors.invalidParent();
    return parents;
  }
}
