import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { ParameterSlot } from '@lookbook/comfyui';
import { IntellectualPropertyEntity } from '../ips/ip.entity';
import { slotsJson, TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './template.entity';

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

  async insertImages(manager: EntityManager, images: readonly TemplateImageEntity[]): Promise<void> {
    if (images.length) await manager.getRepository(TemplateImageEntity).insert([...images]);
  }

  /** Sample images of these versions, oldest first (one statement for a page of versions). */
  imagesOf(versionIds: readonly string[], manager?: EntityManager): Promise<TemplateImageEntity[]> {
    if (!versionIds.length) return Promise.resolve([]);
    return (manager ?? this.dataSource)
      .getRepository(TemplateImageEntity)
      .find({ where: { versionId: In([...versionIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Each template's cover: the first image of its newest published version (one statement for a page of cards). */
  async coversOf(templateIds: readonly string[]): Promise<Map<string, TemplateImageEntity>> {
    if (!templateIds.length) return new Map();
    const rows = await this.dataSource.query<(Record<string, unknown> & { template_id: string })[]>(
      `SELECT DISTINCT ON (v.template_id) v.template_id, i.id
         FROM templates.template_version v JOIN templates.version_image i ON i.version_id = v.id
        WHERE v.template_id = ANY ($1::uuid[]) AND v.status = 'PUBLISHED'
        ORDER BY v.template_id, v.published_at DESC, i.created_at, i.id`,
      [templateIds],
    );
    const images = await this.dataSource
      .getRepository(TemplateImageEntity)
      .findBy({ id: In(rows.map((r) => String(r['id']))) });
    const byId = new Map(images.map((i) => [i.id, i]));
    return new Map(
      rows.flatMap((r) => (byId.has(String(r['id'])) ? [[r.template_id, byId.get(String(r['id']))!]] : [])),
    );
  }

  /** Of these media keys, those no template image names (safe to delete after a failed import). */
  async unreferencedMediaKeys(keys: readonly string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await this.dataSource.query<{ key: string }[]>(
      `SELECT k AS key FROM unnest($1::text[]) k
        WHERE NOT EXISTS (SELECT 1 FROM templates.version_image i
                           WHERE i.storage_key = k OR i.thumbnails @> jsonb_build_array(jsonb_build_object('key', k)))`,
      [keys],
    );
    return rows.map((r) => r.key);
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
    await manager.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, ui_workflow, api_prompt, slots, lockfile,
              warnings, source_sha256, created_at, published_at, subgraph_sha256s)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        version.id,
        version.templateId,
        version.label,
        version.status,
        version.uiWorkflow,
        version.apiPrompt,
        slotsJson(version.slots),
        JSON.stringify(version.lockfile),
        JSON.stringify(version.warnings),
        version.sourceSha256,
        version.createdAt,
        version.publishedAt,
        version.subgraphSha256s,
      ],
    );
  }

  /** A remix's first draft: a copy of the parent's published version (graphs, slots, lockfile). */
  async copyVersion(manager: EntityManager, sourceId: string, to: { id: string; templateId: string; at: Date }) {
    await manager.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, ui_workflow, api_prompt, slots, lockfile,
              warnings, source_sha256, subgraph_sha256s, created_at)
       SELECT $2, $3, 'v1', 'DRAFT', ui_workflow, api_prompt, slots, lockfile, warnings, source_sha256, subgraph_sha256s,
              $4
         FROM templates.template_version WHERE id = $1`,
      [sourceId, to.id, to.templateId, to.at],
    );
    // Its sample images come along (the same public keys: nothing is copied in storage).
    await manager.query(
      `INSERT INTO templates.version_image (id, version_id, content_type, width, height, byte_size, storage_key,
              thumbnails, placeholder, created_at)
       SELECT gen_random_uuid(), $2, content_type, width, height, byte_size, storage_key, thumbnails, placeholder,
              created_at
         FROM templates.version_image WHERE version_id = $1`,
      [sourceId, to.id],
    );
  }

  versionById(id: string, manager?: EntityManager): Promise<TemplateVersionEntity | null> {
    return this.versions(manager).findOneBy({ id });
  }

  /** These versions (unknown ids are absent; one statement for a page of versions). */
  versionsByIds(ids: readonly string[]): Promise<TemplateVersionEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.versions().findBy({ id: In([...ids]) });
  }

  versionsOf(templateId: string): Promise<TemplateVersionEntity[]> {
    return this.versions().find({ where: { templateId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  countVersions(manager: EntityManager, templateId: string): Promise<number> {
    return this.versions(manager).countBy({ templateId });
  }

  /** Versions whose subgraphs were never hashed (stored before hashes were kept), a batch at a time. */
  async unhashedVersions(limit: number): Promise<TemplateVersionEntity[]> {
    return this.versions().find({ where: { subgraphSha256s: IsNull() }, order: { id: 'ASC' }, take: limit });
  }

  async setSubgraphHashes(id: string, sha256s: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE templates.template_version SET subgraph_sha256s = $2 WHERE id = $1`, [
      id,
      sha256s,
    ]);
  }

  async setSlots(manager: EntityManager, id: string, slots: ParameterSlot[]): Promise<void> {
    await manager.query(`UPDATE templates.template_version SET slots = $2 WHERE id = $1`, [id, slotsJson(slots)]);
  }

  async publish(manager: EntityManager, templateId: string, versionId: string, at: Date): Promise<void> {
    await this.versions(manager).update({ id: versionId }, { status: 'PUBLISHED', publishedAt: at });
    await this.templates(manager).update({ id: templateId }, { status: 'PUBLISHED', updatedAt: at });
  }
}
