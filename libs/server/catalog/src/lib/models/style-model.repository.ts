import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ConnectionArgs, Page, WithCompanions } from '@lookbook/core';
import { paginateNewestFirst, ReadCompanions, violatedConstraint } from '@lookbook/core';
import { PublicProfileView } from '@lookbook/identity';
import { BaseModelEntity } from '../base-models/base-model.entity';
import { CatalogErrors } from '../catalog.errors';
import type { ModelType } from './style-model.entity';
import { MODEL_TABLE, StyleModelEntity } from './style-model.entity';

export interface ModelListFilter {
  ownerId?: string;
  type?: ModelType;
  baseModelId?: string;
  /** A creator by handle (case-insensitive), for shareable URLs that name people rather than ids. */
  ownerHandle?: string;
  /** Models carrying this tag. */
  tag?: string;
  /** Only PUBLISHED models unless listing one's own. */
  publishedOnly: boolean;
  /** Who reads (null: signed out), for the companion columns other domains add (the viewer's like). */
  viewerId?: string | null;
}

/** Style models. A duplicate slug of one owner (unique constraint) becomes SLUG_TAKEN. */
@Injectable()
export class StyleModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(StyleModelEntity);
  }

  async insert(model: StyleModelEntity): Promise<void> {
    try {
      await this.repo().insert(model);
    } catch (error) {
      throw mapped(error);
    }
  }

  async update(id: string, changes: Partial<StyleModelEntity>, manager?: EntityManager): Promise<void> {
    try {
      await this.repo(manager).update({ id }, changes);
    } catch (error) {
      throw mapped(error);
    }
  }

  byId(id: string, manager?: EntityManager): Promise<StyleModelEntity | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /**
   * A model with its creator's public profile, its base model and its companion columns (counts, the viewer's like),
   * in one statement (the model page).
   */
  async withOwner(id: string, viewerId: string | null = null): Promise<WithCompanions<StyleModelEntity> | null> {
    const qb = selectCompanions(this.withOwners().where('m.id = :id', { id }), viewerId);
    return (await rowsWithCompanions(qb))[0] ?? null;
  }

  private withOwners() {
    return this.repo()
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.owner', PublicProfileView, 'p', 'p.id = m.owner_id')
      .leftJoinAndMapOne('m.baseModel', BaseModelEntity, 'b', 'b.id = m.base_model_id');
  }

  /** Published models among `ids`, with creators and base models, in one statement (search hits). */
  publishedWithOwners(ids: readonly string[]): Promise<StyleModelEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.withOwners()
      .where(`m.id IN (:...ids) AND m.status = 'PUBLISHED'`, { ids: [...ids] })
      .getMany();
  }

  byIds(ids: readonly string[]): Promise<StyleModelEntity[]> {
    return ids.length ? this.repo().findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Locks the model row for a status change or a publish. */
  forUpdate(manager: EntityManager, id: string): Promise<StyleModelEntity | null> {
    return this.repo(manager).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
  }

  /** The owner's slugs equal to `base` or starting with `base-` (to derive a free one). */
  async slugsStartingWith(ownerId: string, base: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM catalog.style_model WHERE owner_id = $1 AND (slug = $2 OR starts_with(slug, $2 || '-'))`,
      [ownerId, base],
    );
    return rows.map((r) => r.slug);
  }

  async owners(modelIds: readonly string[]): Promise<{ id: string; ownerId: string }[]> {
    return this.dataSource.query(
      `SELECT id, owner_id AS "ownerId" FROM catalog.style_model WHERE id = ANY($1::uuid[])`,
      [modelIds],
    );
  }

  /**
   * One page of models with their creators, base models and companion columns, in one statement. Public lists run newest-published first on the partial
   * indexes `(…, published_at DESC, id DESC) WHERE status = 'PUBLISHED'`; an owner's or staff's list (drafts too)
   * newest-created first on `(owner_id, created_at DESC, id DESC)`.
   */
  list<T>(filter: ModelListFilter, args: ConnectionArgs, map: (m: StyleModelEntity) => T): Promise<Page<T>> {
    const qb = this.withOwners().where('true');
    if (filter.publishedOnly) qb.andWhere(`m.status = 'PUBLISHED'`);
    if (filter.ownerId) qb.andWhere('m.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.type) qb.andWhere('m.type = :type', { type: filter.type });
    if (filter.baseModelId) qb.andWhere('m.base_model_id = :baseModelId', { baseModelId: filter.baseModelId });
    if (filter.ownerHandle) qb.andWhere('lower(p.handle) = lower(:ownerHandle)', { ownerHandle: filter.ownerHandle });
    if (filter.tag) qb.andWhere('m.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    selectCompanions(qb, filter.viewerId ?? null);
    return paginateNewestFirst(qb, args, filter.publishedOnly ? 'publishedAt' : 'createdAt', map, rowsWithCompanions);
  }
}

/** Appends the companion columns other domains registered for models (decision 0027), for this viewer. */
function selectCompanions(qb: SelectQueryBuilder<StyleModelEntity>, viewerId: string | null) {
  const companions = ReadCompanions.of(MODEL_TABLE);
  for (const companion of companions) qb.addSelect(companion.column(qb.alias), `companion_${companion.name}`);
  if (companions.length) qb.setParameter('companionViewer', viewerId);
  return qb;
}

/** Runs a query built with `selectCompanions`, one statement, and attaches each row's companion values to it. */
async function rowsWithCompanions(
  qb: SelectQueryBuilder<StyleModelEntity>,
): Promise<WithCompanions<StyleModelEntity>[]> {
  const companions = ReadCompanions.of(MODEL_TABLE);
  if (!companions.length) return qb.getMany();
  const { entities, raw } = await qb.getRawAndEntities<Record<string, unknown>>();
  const byId = new Map(raw.map((row) => [String(row[`${qb.alias}_id`]), row]));
  return entities.map((entity) => {
    const row = byId.get(entity.id);
    if (!row) return entity;
    return Object.assign(entity, {
      companions: Object.fromEntries(companions.map((c) => [c.name, row[`companion_${c.name}`]])),
    });
  });
}

const mapped = (error: unknown) =>
  violatedConstraint(error) === 'style_model_owner_slug_key' ? CatalogErrors.slugTaken() : error;
