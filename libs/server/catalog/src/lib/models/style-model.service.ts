import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { isUuid, newId } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import { CatalogRepository } from '../catalog.repository';
import type { BaseModelEntity } from '../entities/base-model.entity';
import type { MaturityLevel, ModelType, StyleModelEntity } from '../entities/style-model.entity';
import { normaliseDescription, normaliseName, normaliseSlug, normaliseTags, slugify } from './model-input';
import type { ModelStatus } from './model-status';
import { canTransition } from './model-status';
import { canSeeModel, isOwner, isStaff } from './visibility';

export interface StyleModelInput {
  name: string;
  slug?: string | null;
  description?: string | null;
  type: ModelType;
  baseModelId: string;
  tags?: string[] | null;
  maturity: MaturityLevel;
}

export type StyleModelPatch = { [K in keyof StyleModelInput]?: StyleModelInput[K] | null };

export interface ModelListQuery {
  ownerId?: string;
  type?: ModelType;
  baseModelId?: string;
}

@Injectable()
export class StyleModelService {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly clock: Clock,
  ) {}

  baseModels(): Promise<BaseModelEntity[]> {
    return this.repo.baseModels();
  }

  async upsertBaseModel(
    input: Omit<BaseModelEntity, 'updatedAt' | 'sortOrder'> & { sortOrder?: number | null },
  ): Promise<BaseModelEntity> {
    if (!/^[a-z0-9][a-z0-9.-]{1,39}$/.test(input.id)) throw CatalogErrors.baseModelNotFound();
    const model = { ...input, sortOrder: input.sortOrder ?? 100, updatedAt: this.clock.now() };
    await this.repo.saveBaseModel(model);
    return model;
  }

  async create(actor: Actor, input: StyleModelInput): Promise<StyleModelEntity> {
    const name = normaliseName(input.name);
    const slug = input.slug ? normaliseSlug(input.slug) : slugify(name) || 'model';
    if (!(await this.repo.baseModel(input.baseModelId))) throw CatalogErrors.baseModelNotFound();
    const now = this.clock.now();
    const model: StyleModelEntity = {
      id: newId(),
      ownerId: actor.userId,
      slug,
      name,
      description: normaliseDescription(input.description ?? ''),
      type: input.type,
      baseModelId: input.baseModelId,
      tags: normaliseTags(input.tags ?? []),
      maturity: input.maturity,
      status: 'DRAFT',
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    await this.repo.insertModel(model);
    return model;
  }

  async update(actor: Actor, id: string, patch: StyleModelPatch): Promise<StyleModelEntity> {
    const model = await this.ownedModel(actor, id);
    const changes: Partial<StyleModelEntity> = { updatedAt: this.clock.now() };
    if (patch.name !== undefined && patch.name !== null) changes.name = normaliseName(patch.name);
    if (patch.slug) changes.slug = normaliseSlug(patch.slug);
    if (patch.description !== undefined && patch.description !== null)
      changes.description = normaliseDescription(patch.description);
    if (patch.tags) changes.tags = normaliseTags(patch.tags);
    if (patch.type) changes.type = patch.type;
    if (patch.maturity) changes.maturity = patch.maturity;
    if (patch.baseModelId) {
      if (!(await this.repo.baseModel(patch.baseModelId))) throw CatalogErrors.baseModelNotFound();
      changes.baseModelId = patch.baseModelId;
    }
    await this.repo.updateModel(model.id, changes);
    return { ...model, ...changes };
  }

  /** One entry point for every status change; the machine in model-status.ts decides. */
  async changeStatus(actor: Actor, id: string, to: ModelStatus): Promise<StyleModelEntity> {
    const visible = await this.visibleModel(actor, id);
    const as = isOwner(visible, actor) ? 'OWNER' : isStaff(actor) ? 'MODERATOR' : null;
    if (!as) throw CatalogErrors.modelNotFound();
    return this.repo.transaction(async (manager) => {
      const model = (await this.repo.modelForUpdate(manager, id))!;
      if (!canTransition(model.status, to, as)) throw CatalogErrors.statusTransition(model.status, to);
      if (to === 'PUBLISHED' && !(await this.repo.versionsOfModels([id], true)).length) {
        throw CatalogErrors.modelNeedsPublishedVersion();
      }
      const now = this.clock.now();
      const changes: Partial<StyleModelEntity> = { status: to, updatedAt: now };
      if (to === 'PUBLISHED' && !model.publishedAt) changes.publishedAt = now;
      await this.repo.updateModel(id, changes, manager);
      return { ...model, ...changes };
    });
  }

  /** A model the viewer may see; drafts of others are "not found", exactly like missing ids. */
  async visibleModel(viewer: Actor | undefined, id: string): Promise<StyleModelEntity> {
    const model = isUuid(id) ? await this.repo.model(id) : null;
    if (!model || !canSeeModel(model, viewer)) throw CatalogErrors.modelNotFound();
    return model;
  }

  async ownedModel(actor: Actor, id: string): Promise<StyleModelEntity> {
    const model = isUuid(id) ? await this.repo.model(id) : null;
    if (!model || model.ownerId !== actor.userId) throw CatalogErrors.modelNotFound();
    return model;
  }

  list<T>(
    viewer: Actor | undefined,
    query: ModelListQuery,
    args: ConnectionArgs,
    map: (m: StyleModelEntity) => T,
  ): Promise<Page<T>> {
    const own = !!viewer && query.ownerId === viewer.userId;
    return this.repo.listModels({ ...query, publishedOnly: !own && !isStaff(viewer) }, args, map);
  }
}
