import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { Clock, JobQueue, Transactions } from '@lookbook/core';
import { DomainError, newId } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import { CatalogTasks } from '../catalog.tasks';
import { BaseModelRepository } from '../base-models/base-model.repository';
import { ModelVersionRepository } from '../versions/model-version.repository';
import { StyleModelRepository } from './style-model.repository';
import type { MaturityLevel, ModelType, StyleModelEntity } from './style-model.entity';
import type { ModelListFilter } from './style-model.repository';
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

export type ModelListQuery = Omit<ModelListFilter, 'publishedOnly'>;

@Injectable()
export class StyleModelService {
  constructor(
    private readonly models: StyleModelRepository,
    private readonly baseModels: BaseModelRepository,
    private readonly versions: ModelVersionRepository,
    private readonly transactions: Transactions,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * A chosen slug must be free (SLUG_TAKEN otherwise); a derived one is made unique (`ink-wash`, `ink-wash-2`, …), so
   * two models whose names slug alike (or to nothing, like emoji-only names) can both be created.
   */
  async create(actor: Actor, input: StyleModelInput): Promise<StyleModelEntity> {
    const name = normaliseName(input.name);
    const chosen = input.slug ? normaliseSlug(input.slug) : null;
    if (!(await this.baseModels.byId(input.baseModelId))) throw CatalogErrors.baseModelNotFound();
    for (let attempt = 1; ; attempt += 1) {
      const slug = chosen ?? (await this.freeSlug(actor.userId, slugify(name) || 'model'));
      try {
        return await this.insert(actor, input, name, slug);
      } catch (error) {
        // Another request took the derived slug between the lookup and the insert: look again.
        if (chosen || attempt >= 3 || !(error instanceof DomainError && error.code === 'SLUG_TAKEN')) throw error;
      }
    }
  }

  private async freeSlug(ownerId: string, base: string): Promise<string> {
    const taken = new Set(await this.models.slugsStartingWith(ownerId, base));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) {
      const suffix = `-${n}`;
      const candidate = `${base.slice(0, 80 - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!taken.has(candidate)) return candidate;
    }
  }

  private async insert(actor: Actor, input: StyleModelInput, name: string, slug: string): Promise<StyleModelEntity> {
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
    await this.models.insert(model);
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
      if (!(await this.baseModels.byId(patch.baseModelId))) throw CatalogErrors.baseModelNotFound();
      changes.baseModelId = patch.baseModelId;
    }
    await this.models.update(model.id, changes);
    return { ...model, ...changes };
  }

  /** One entry point for every status change; the machine in model-status.ts decides. */
  async changeStatus(actor: Actor, id: string, to: ModelStatus): Promise<StyleModelEntity> {
    const visible = await this.visibleModel(actor, id);
    const as = isOwner(visible, actor) ? 'OWNER' : isStaff(actor) ? 'MODERATOR' : null;
    if (!as) throw CatalogErrors.modelNotFound();
    return this.transactions.run(async (manager) => {
      const model = (await this.models.forUpdate(manager, id))!;
      if (!canTransition(model.status, to, as)) throw CatalogErrors.statusTransition(model.status, to);
      if (to === 'PUBLISHED' && !(await this.versions.ofModels([id], true)).length) {
        throw CatalogErrors.modelNeedsPublishedVersion();
      }
      const now = this.clock.now();
      const changes: Partial<StyleModelEntity> = { status: to, updatedAt: now };
      if (to === 'PUBLISHED' && !model.publishedAt) changes.publishedAt = now;
      await this.models.update(id, changes, manager);
      if (to === 'TAKEN_DOWN' || model.status === 'TAKEN_DOWN')
        await this.jobs.enqueue(manager, CatalogTasks.syncModelMedia, { modelId: id });
      return { ...model, ...changes };
    });
  }

  /** A model the viewer may see; drafts of others are "not found", exactly like missing ids. */
  async visibleModel(viewer: Actor | undefined, id: string): Promise<StyleModelEntity> {
    const model = await this.models.withOwner(id, viewer?.userId ?? null);
    if (!model || !canSeeModel(model, viewer)) throw CatalogErrors.modelNotFound();
    return model;
  }

  async ownedModel(actor: Actor, id: string): Promise<StyleModelEntity> {
    const model = await this.models.byId(id);
    if (!model || model.ownerId !== actor.userId) throw CatalogErrors.modelNotFound();
    return model;
  }

  list<T>(
    viewer: Actor | undefined,
    query: ModelListQuery,
    args: ConnectionArgs,
    map: (m: StyleModelEntity) => T,
  ): Promise<Page<T>> {
    // The same normal form tags are stored in, so `Ink ` finds `ink`.
    if (query.tag !== undefined) query = { ...query, tag: normaliseTags([query.tag])[0] };
    const own = !!viewer && query.ownerId === viewer.userId;
    // Staff see drafts only when looking at one creator's models (moderation), never in the public feed.
    const staffReview = isStaff(viewer) && !!query.ownerId;
    return this.models.list(
      { ...query, publishedOnly: !own && !staffReview, viewerId: viewer?.userId ?? null },
      args,
      map,
    );
  }
}
