import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ParameterSlot } from '@lookbook/comfyui';
import { checkSlots, detectDependencies, renderTemplate, slotsFromAppMode } from '@lookbook/comfyui';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { codePoints, manyLines, newId, oneLine } from '@lookbook/kernel';
import { IpRepository } from '../ips/ip.repository';
import { LineageRepository } from '../lineage/lineage.repository';
import { checkRemix } from '../lineage/remix-terms';
import type { PreparedImage } from '@lookbook/catalog';
import { prepareImage, sniffImageType } from '@lookbook/catalog';
import { PublicMedia } from '@lookbook/storage';
import { canonicalSlot, graphOf, subgraphsOf } from '../workflows/workflow-graph';
import { importWorkflow } from '../workflows/workflow-import';
import { TemplateErrors } from '../templates.errors';
import type { Lockfile, TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from './template.entity';
import { normaliseTags } from './template-tags';
import { TemplateRepository } from './template.repository';

export const MAX_TEMPLATE_VERSIONS = 100;

export interface CreateTemplateInput {
  name: string;
  description?: string | null;
  tags?: string[] | null;
}

const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '') || 'template';

/** Template images are keyed apart from catalog images (see `PublicMedia.keyFor`). */
export const MEDIA_NAMESPACE = 'templates';
const MAX_TEMPLATE_IMAGES = 12;

/**
 * Workflow templates: a creator imports a ComfyUI workflow (a UI export, an API prompt, or an image that embeds
 * them) as a draft version, marks the parameter slots users may set (App Mode's, when the workflow has them), and
 * publishes. Anyone may render a published version with their own parameters and download it for ComfyUI.
 */
@Injectable()
export class TemplateService {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly ips: IpRepository,
    private readonly lineage: LineageRepository,
    private readonly media: PublicMedia,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateTemplateInput): Promise<TemplateEntity> {
    const template = await this.newTemplate(actor, input);
    await this.templates.insert(template);
    return template;
  }

  /** A checked, unsaved template (a remix saves it in the same transaction as its lineage). */
  async newTemplate(actor: Actor, input: CreateTemplateInput): Promise<TemplateEntity> {
    const name = oneLine(input.name, 'name');
    if (name.length < 1 || codePoints(name) > 120) throw TemplateErrors.invalidName();
    const description = manyLines(input.description ?? '', 'description');
    if (description.length > 10_000) throw TemplateErrors.invalidDescription();
    const base = slugify(name);
    let slug = base;
    for (let n = 2; await this.templates.slugTaken(slug); n += 1) slug = `${base}-${n}`;
    const now = this.clock.now();
    const template: TemplateEntity = {
      id: newId(),
      ownerId: actor.userId,
      slug,
      name,
      description,
      tags: normaliseTags(input.tags ?? [], 'tags', TemplateErrors.invalidTags),
      maturity: 'SFW',
      status: 'DRAFT',
      terms: null,
      ipId: null,
      createdAt: now,
      updatedAt: now,
    };
    return template;
  }

  mine(actor: Actor): Promise<TemplateEntity[]> {
    return this.templates.ownedBy(actor.userId);
  }

  /**
   * A published template for anyone; an unpublished one for its owner, and for the owner of the IP it belongs to (a
   * remix waiting for their approval is theirs to look at); others get "not found".
   */
  async visible(viewer: Actor | undefined, id: string): Promise<TemplateEntity> {
    const template = await this.templates.byId(id);
    if (!template || (template.status !== 'PUBLISHED' && !(await this.canSeeDrafts(viewer, template))))
      throw TemplateErrors.notFound();
    return template;
  }

  async visibleVersion(viewer: Actor | undefined, id: string): Promise<TemplateVersionEntity> {
    const version = await this.templates.versionById(id);
    if (!version) throw TemplateErrors.versionNotFound();
    const template = await this.templates.byId(version.templateId);
    const published = version.status === 'PUBLISHED' && template?.status === 'PUBLISHED';
    if (!template || (!published && !(await this.canSeeDrafts(viewer, template))))
      throw TemplateErrors.versionNotFound();
    return version;
  }

  async versions(
    viewer: Actor | undefined,
    template: Pick<TemplateEntity, 'id' | 'ownerId' | 'ipId'>,
  ): Promise<TemplateVersionEntity[]> {
    const all = await this.templates.versionsOf(template.id);
    return (await this.canSeeDrafts(viewer, template)) ? all : all.filter((v) => v.status === 'PUBLISHED');
  }

  /** Its owner, and the owner of its IP (who approves its remixes), see a template's drafts. */
  private async canSeeDrafts(
    viewer: Actor | undefined,
    template: Pick<TemplateEntity, 'ownerId' | 'ipId'>,
  ): Promise<boolean> {
    if (!viewer) return false;
    if (template.ownerId === viewer.userId) return true;
    return !!template.ipId && (await this.ips.ipById(template.ipId))?.ownerId === viewer.userId;
  }

  /**
   * A new draft version from a dropped file. Its slots start as the workflow's own App Mode inputs (when they check
   * out), its lockfile is every node pack and model it uses. Legacy group nodes are refused with how to fix them.
   */
  async importVersion(actor: Actor, templateId: string, bytes: Buffer, label?: string): Promise<TemplateVersionEntity> {
    const imported = await importWorkflow(bytes);
    if (imported.warnings.some((w) => w.code === 'LEGACY_GROUP_NODES')) throw TemplateErrors.legacyGroupNodes();
    const slots = (() => {
      try {
        return checkSlots(imported.graph, slotsFromAppMode(imported.graph));
      } catch {
        // App Mode data that does not check out is left for the author to mark again.
        return [];
      }
    })();
    const lockfile = detectDependencies(imported.graph);
    const subgraphs = subgraphsOf(imported.graph);
    // The image a workflow was imported from is what it makes: the version's first sample image (its cover).
    const image = sniffImageType(bytes) ? await prepareImage(bytes, undefined, MEDIA_NAMESPACE) : null;
    const stored = image ? await this.storeImage(image) : [];
    try {
      return await this.insertImported(actor, templateId, {
        label,
        imported,
        slots,
        lockfile,
        subgraphs,
        bytes,
        image,
      });
    } catch (error) {
      // Keys are content addresses another template image may share: remove only those none names.
      const orphans = await this.templates.unreferencedMediaKeys(stored).catch(() => []);
      await Promise.all(orphans.map((key) => this.media.delete(key).catch(() => undefined)));
      throw error;
    }
  }

  /**
   * Adds a sample image to the owner's draft version (what the workflow makes, shown on its page; the first is the
   * cover). The same pipeline and limits as model samples; at most `MAX_TEMPLATE_IMAGES` per version.
   */
  async addImage(actor: Actor, versionId: string, bytes: Buffer, declaredType: string | undefined) {
    const image = await prepareImage(bytes, declaredType, MEDIA_NAMESPACE);
    const stored = await this.storeImage(image);
    try {
      await this.draftChange(actor, versionId, async (tx, version) => {
        if ((await this.templates.imagesOf([version.id], tx)).length >= MAX_TEMPLATE_IMAGES)
          throw TemplateErrors.tooManyImages(MAX_TEMPLATE_IMAGES);
        await this.templates.insertImages(tx, [this.imageRow(version.id, image)]);
      });
    } catch (error) {
      const orphans = await this.templates.unreferencedMediaKeys(stored).catch(() => []);
      await Promise.all(orphans.map((key) => this.media.delete(key).catch(() => undefined)));
      throw error;
    }
    return this.templates.imagesOf([versionId]);
  }

  private imageRow(versionId: string, image: PreparedImage): TemplateImageEntity {
    return {
      id: newId(),
      versionId,
      contentType: image.type,
      width: image.width,
      height: image.height,
      byteSize: image.original.data.length,
      storageKey: image.storageKey,
      thumbnails: image.thumbnails.map(({ width, height, key }) => ({ width, height, key })),
      placeholder: image.placeholder,
      createdAt: this.clock.now(),
    };
  }

  private async storeImage(image: PreparedImage): Promise<string[]> {
    const keys = [await this.media.put(image.original.data, image.extension, MEDIA_NAMESPACE)];
    for (const thumb of image.thumbnails) keys.push(await this.media.put(thumb.data, 'webp', MEDIA_NAMESPACE));
    return keys;
  }

  private insertImported(
    actor: Actor,
    templateId: string,
    {
      label,
      imported,
      slots,
      lockfile,
      subgraphs,
      bytes,
      image,
    }: {
      label: string | undefined;
      imported: Awaited<ReturnType<typeof importWorkflow>>;
      slots: ParameterSlot[];
      lockfile: Lockfile;
      subgraphs: ReturnType<typeof subgraphsOf>;
      bytes: Buffer;
      image: PreparedImage | null;
    },
  ): Promise<TemplateVersionEntity> {
    return this.templates.transaction(async (tx) => {
      const template = await this.templates.lock(tx, templateId);
      if (!template) throw TemplateErrors.notFound();
      if (template.ownerId !== actor.userId) throw TemplateErrors.notOwner();
      // A workflow that contains a subgraph locked to an IP uses that IP: only templates of that IP may carry it.
      const locked = await this.ips.lockedBindings(
        subgraphs.map((s) => s.sha256),
        tx,
      );
      const foreign = locked.find((b) => b.ipId !== template.ipId);
      if (foreign) throw TemplateErrors.usesLockedIp(foreign.subgraphName, foreign.ipName);
      const count = await this.templates.countVersions(tx, templateId);
      if (count >= MAX_TEMPLATE_VERSIONS) throw TemplateErrors.tooManyVersions(MAX_TEMPLATE_VERSIONS);
      const version: TemplateVersionEntity = {
        id: newId(),
        templateId,
        label: label ? oneLine(label, 'label').slice(0, 40) : `v${count + 1}`,
        status: 'DRAFT',
        uiWorkflow: imported.graph.ui?.text ?? null,
        apiPrompt: imported.graph.api?.text ?? null,
        slots,
        lockfile,
        warnings: imported.warnings,
        sourceSha256: createHash('sha256').update(bytes).digest('hex'),
        subgraphSha256s: [...new Set(subgraphs.map((s) => s.sha256))].sort(),
        createdAt: this.clock.now(),
        publishedAt: null,
      };
      await this.templates.insertVersion(tx, version);
      if (image) await this.templates.insertImages(tx, [this.imageRow(version.id, image)]);
      return version;
    });
  }

  /** Replaces a draft's slots, after checking each against the workflow. */
  async setSlots(actor: Actor, versionId: string, slots: ParameterSlot[]): Promise<TemplateVersionEntity> {
    return this.draftChange(actor, versionId, async (tx, version, template) => {
      const checked = checkSlots(graphOf(version), slots);
      if (template.terms && (await this.lineage.parentsOf(template.id, tx)).length) {
        // A remix changes only what its terms leave open: a locked slot keeps its value, and stays.
        const before = new Map(version.slots.map((s) => [s.key, canonicalSlot(s)]));
        const after = new Map(checked.map((s) => [s.key, canonicalSlot(s)]));
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
        checkRemix(template.terms, {
          changedSlots: changed,
          maturity: template.maturity,
          tags: template.tags,
          uses: [],
        });
      }
      await this.templates.setSlots(tx, version.id, checked);
    });
  }

  async publish(actor: Actor, versionId: string): Promise<TemplateVersionEntity> {
    return this.draftChange(actor, versionId, async (tx, version, template) => {
      if (!version.slots.length) throw TemplateErrors.noSlots();
      // A remix is published only once the IP owner approved it (when the terms ask them to).
      for (const edge of await this.lineage.parentsOf(template.id, tx)) {
        if (edge.status === 'PENDING') throw TemplateErrors.remixPending();
        if (edge.status === 'REJECTED') throw TemplateErrors.remixRejected();
        const parent = await this.templates.byId(edge.parentId, tx);
        if (parent?.status !== 'PUBLISHED') throw TemplateErrors.parentGone();
      }
      if (template.terms && (await this.lineage.parentsOf(template.id, tx)).length)
        checkRemix(template.terms, { changedSlots: [], maturity: template.maturity, tags: template.tags, uses: [] });
      // A subgraph locked to an IP after this draft was imported is published only in that IP's templates (a lock
      // being decided for one of its definitions is waited for: the two never pass unseen).
      const sha256s = version.subgraphSha256s ?? subgraphsOf(graphOf(version)).map((s) => s.sha256);
      await this.ips.lockSubgraphs(tx, sha256s);
      const foreign = (await this.ips.lockedBindings(sha256s, tx)).find((b) => b.ipId !== template.ipId);
      if (foreign) throw TemplateErrors.usesLockedIp(foreign.subgraphName, foreign.ipName);
      // The slots are checked again against the stored graph: nothing unchecked is ever published.
      checkSlots(graphOf(version), version.slots);
      await this.templates.publish(tx, version.templateId, version.id, this.clock.now());
    });
  }

  /**
   * The version with these parameters, in every format it has (the UI graph opening as an App Mode app), as JSON
   * texts: every byte the author's file had, but the values set.
   */
  async render(
    viewer: Actor | undefined,
    versionId: string,
    params: Record<string, unknown>,
  ): Promise<{ workflow: string | null; prompt: string | null }> {
    const version = await this.visibleVersion(viewer, versionId);
    const rendered = renderTemplate(graphOf(version), version.slots, params, { appMode: true });
    return { workflow: rendered.ui, prompt: rendered.api };
  }

  private async draftChange(
    actor: Actor,
    versionId: string,
    change: (tx: EntityManager, version: TemplateVersionEntity, template: TemplateEntity) => Promise<void>,
  ): Promise<TemplateVersionEntity> {
    return this.templates.transaction(async (tx) => {
      const found = await this.templates.versionById(versionId, tx);
      if (!found) throw TemplateErrors.versionNotFound();
      const template = await this.templates.lock(tx, found.templateId);
      if (!template || template.ownerId !== actor.userId) throw TemplateErrors.versionNotFound();
      // Read again under the template's lock: a concurrent publish is seen.
      const version = (await this.templates.versionById(versionId, tx))!;
      if (version.status === 'PUBLISHED') throw TemplateErrors.published();
      await change(tx, version, template);
      return (await this.templates.versionById(versionId, tx))!;
    });
  }
}
