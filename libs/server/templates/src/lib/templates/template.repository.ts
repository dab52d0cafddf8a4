import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In } from 'typeorm';
import type { ParameterSlot } from '@lookbook/comfyui';
import { IntellectualPropertyEntity } from '../ips/ip.entity';
import { TemplateEntity, TemplateVersionEntity } from './template.entity';

/** Templates and their versions. A published version never changes (the database refuses it too). */
@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private templates(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(TemplateEntity);
  }

  private versions(manager?: EntityManager) {
    return (manager ?? this.dataSource).getRepository(TemplateVersionEntity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(template: TemplateEntity, manager?: EntityManager): Promise<void> {
    await this.templates(manager).insert(template);
  }

  byId(id: string, manager?: EntityManager): Promise<TemplateEntity | null> {
    return this.templates(manager).findOneBy({ id });
  }

  /** Locks the template row: versions of one template are created and published one at a time. */
  lock(manager: EntityManager, id: string): Promise<TemplateEntity | null> {
    return this.templates(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Of these templates, the ones a viewer may see: published ones, and their own. */
  async visibleIds(ids: readonly string[], viewerId: string | null): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM templates.template WHERE id = ANY ($1::uuid[]) AND (status = 'PUBLISHED' OR owner_id = $2)`,
      [ids, viewerId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Of these templates, those a viewer may see: published, their own, or in an IP they own (one statement). */
  visibleTo(ids: readonly string[], viewerId: string | null): Promise<TemplateEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.templates()
      .createQueryBuilder('t')
      .leftJoin(IntellectualPropertyEntity, 'ip', 'ip.id = t.ipId')
      .where('t.id IN (:...ids)', { ids: [...ids] })
      .andWhere(`(t.status = 'PUBLISHED' OR t.ownerId = :viewer OR ip.ownerId = :viewer)`, { viewer: viewerId })
      .getMany();
  }

  published(ids: readonly string[]): Promise<TemplateEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.templates().find({ where: { id: In([...ids]), status: 'PUBLISHED' } });
  }

  /** An owner's templates, newest first (at most 200: a studio list, not an export). */
  ownedBy(ownerId: string): Promise<TemplateEntity[]> {
    return this.templates().find({ where: { ownerId }, order: { createdAt: 'DESC' }, take: 200 });
  }

  /** Batched: the owner of each template (unknown ids are absent). */
  async owners(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.query<{ id: string; owner_id: string }[]>(
      `SELECT id, owner_id FROM templates.template WHERE id = ANY ($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.owner_id]));
  }

  async slugTaken(slug: string): Promise<boolean> {
    return (await this.templates().countBy({ slug })) > 0;
  }

  async insertVersion(manager: EntityManager, version: TemplateVersionEntity): Promise<void> {
    // Plain SQL: the workflow columns' recursive JSON type is too deep for TypeORM's partial-entity type.
    await manager.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, ui_workflow, api_prompt, slots, lockfile,
              warnings, source_sha256, created_at, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        version.id,
        version.templateId,
        version.label,
        version.status,
        version.uiWorkflow === null ? null : JSON.stringify(version.uiWorkflow),
        version.apiPrompt === null ? null : JSON.stringify(version.apiPrompt),
        JSON.stringify(version.slots),
        JSON.stringify(version.lockfile),
        JSON.stringify(version.warnings),
        version.sourceSha256,
        version.createdAt,
        version.publishedAt,
      ],
    );
  }

  /** A remix's first draft: a copy of the parent's published version (graphs, slots, lockfile). */
  async copyVersion(manager: EntityManager, sourceId: string, to: { id: string; templateId: string; at: Date }) {
    await manager.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, ui_workflow, api_prompt, slots, lockfile,
              warnings, source_sha256, created_at)
       SELECT $2, $3, 'v1', 'DRAFT', ui_workflow, api_prompt, slots, lockfile, warnings, source_sha256, $4
         FROM templates.template_version WHERE id = $1`,
      [sourceId, to.id, to.templateId, to.at],
    );
  }

  versionById(id: string, manager?: EntityManager): Promise<TemplateVersionEntity | null> {
    return this.versions(manager).findOneBy({ id });
  }

  versionsOf(templateId: string): Promise<TemplateVersionEntity[]> {
    return this.versions().find({ where: { templateId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  countVersions(manager: EntityManager, templateId: string): Promise<number> {
    return this.versions(manager).countBy({ templateId });
  }

  async setSlots(manager: EntityManager, id: string, slots: ParameterSlot[]): Promise<void> {
    await manager.query(`UPDATE templates.template_version SET slots = $2 WHERE id = $1`, [id, JSON.stringify(slots)]);
  }

  async publish(manager: EntityManager, templateId: string, versionId: string, at: Date): Promise<void> {
    await this.versions(manager).update({ id: versionId }, { status: 'PUBLISHED', publishedAt: at });
    await this.templates(manager).update({ id: templateId }, { status: 'PUBLISHED', updatedAt: at });
  }
}
