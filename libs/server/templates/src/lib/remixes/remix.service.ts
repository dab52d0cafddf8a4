import { Injectable } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { codePoints, manyLines, newId, NotFoundError, oneLine, ValidationError } from '@lookbook/kernel';
import { CatalogFacade } from '@lookbook/catalog';
import type { IpKind, LineageEdge } from '../ips/ip.entity';
import { IP_KINDS, IntellectualPropertyEntity } from '../ips/ip.entity';
import type { IpBindingRow } from '../ips/ip.repository';
import { IpRepository } from '../ips/ip.repository';
import { SubgraphLocks } from '../ips/subgraph-locks.service';
import type { RemixTerms } from '../lineage/remix-terms';
import { checkTerms, inheritTerms } from '../lineage/remix-terms';
import { MAX_ROYALTY_DEPTH } from '../lineage/royalty-cascade';
import { TemplateErrors } from '../templates.errors';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import type { LockedSubgraph } from '../templates/template.service';
import { graphOf, subgraphsOf, TemplateService } from '../templates/template.service';

export const RemixErrors = {
  ipNotFound: () => new ValidationError('IP_NOT_FOUND', 'No such intellectual property', { field: 'ipId' }),
  notIpOwner: () => new ValidationError('IP_NOT_OWNER', 'Only the IP’s owner can do this', { field: 'ipId' }),
  alreadyBound: () =>
    new ValidationError('TEMPLATE_ALREADY_BOUND', 'This template already belongs to an IP', { field: 'templateId' }),
  remixCannotBind: () =>
    new ValidationError('TEMPLATE_IS_REMIX', 'A remix inherits its IP from its parent; bind the original', {
      field: 'templateId',
    }),
  parentNotPublished: () =>
    new ValidationError('REMIX_PARENT_NOT_PUBLISHED', 'Only a published template can be remixed', {
      field: 'parentId',
    }),
  invalidShare: () =>
    new ValidationError('REMIX_INVALID_SHARE', 'The share passed to the parent is 0–10,000 basis points', {
      field: 'shareBps',
    }),
  nothingPending: () =>
    new ValidationError('REMIX_NOT_PENDING', 'This remix is not waiting for a decision (it was decided already)', {
      field: 'templateId',
    }),
  modelNotFound: (field: string) =>
    new NotFoundError('MODEL_NOT_FOUND', 'No such model of yours (the parent: no such published model)', { field }),
  invalidRelation: () =>
    new ValidationError('LINEAGE_INVALID_RELATION', 'A model derives by MERGE, FINETUNE or ADAPTER', {
      field: 'relation',
    }),
  invalidIp: () =>
    new ValidationError('IP_INVALID', 'An IP has a name of 1–120 characters and a kind', { field: 'name' }),
};

/** What an unbinding did: the template, and how many remixes left the IP (and how many of them were approved). */
export interface UnbindOutcome {
  template: TemplateEntity;
  releasedRemixes: number;
  approvedRemixes: number;
}

/** A remix's terms: the parent's, tightened by what the fan declares; without parent terms, the fan's own. */
function termsOfRemix(parent: TemplateEntity, declared: RemixTerms | null | undefined): RemixTerms | null {
  // Inheriting the parent's own terms unchanged still checks that they allow remixing.
  if (parent.terms) return inheritTerms(parent.terms, declared ?? parent.terms);
  return declared ? checkTerms(declared) : null;
}

export interface LineageView {
  ancestors: (LineageEdge & { depth: number })[];
  descendants: (LineageEdge & { depth: number })[];
}

/**
 * Intellectual properties, their remix terms, and remixes: an IP owner binds an original template to their IP with
 * terms; anyone may remix a published template within the terms it passes on (tightening them if they like); a
 * remix under manual approval waits in the IP owner's queue and cannot be published until approved.
 */
@Injectable()
export class RemixService {
  constructor(
    private readonly ips: IpRepository,
    private readonly templates: TemplateRepository,
    private readonly templateService: TemplateService,
    private readonly catalog: CatalogFacade,
    private readonly locks: SubgraphLocks,
    private readonly clock: Clock,
  ) {}

  /**
   * A creator declares that their model derives from a published model (a merge, a fine-tune, an adapter trained on
   * it) and passes it `shareBps` of every sale: the royalty cascade pays the parent's author from then on (sales made
   * before are not changed). Declared once per parent; never a cycle.
   */
  async deriveModel(
    actor: Actor,
    input: { modelId: string; parentModelId: string; relation: string; shareBps: number },
  ): Promise<LineageEdge> {
    if (!['MERGE', 'FINETUNE', 'ADAPTER'].includes(input.relation)) throw RemixErrors.invalidRelation();
    if (!Number.isInteger(input.shareBps) || input.shareBps < 0 || input.shareBps > 10_000)
      throw RemixErrors.invalidShare();
    const owners = await this.catalog.modelOwners([input.modelId]);
    if (owners.get(input.modelId) !== actor.userId) throw RemixErrors.modelNotFound('modelId');
    if (!(await this.catalog.publishedModels([input.parentModelId])).length)
      throw RemixErrors.modelNotFound('parentModelId');
    const edge: LineageEdge = {
      childId: input.modelId,
      parentId: input.parentModelId,
      relation: input.relation as LineageEdge['relation'],
      shareBps: input.shareBps,
      status: 'APPROVED',
      createdAt: this.clock.now(),
    };
    await this.templates.transaction((tx) => this.ips.insertEdge(tx, edge, 'MODEL'));
    return edge;
  }

  /** What a model declares it derives from (public: the royalties a buyer's money pays). */
  async modelParents(viewer: Actor | undefined, modelId: string): Promise<LineageEdge[]> {
    const published = (await this.catalog.publishedModels([modelId])).length > 0;
    if (!published && (await this.catalog.modelOwners([modelId])).get(modelId) !== viewer?.userId)
      throw RemixErrors.modelNotFound('modelId');
    return this.ips.parentsOf(modelId);
  }

  async registerIp(actor: Actor, input: { name: string; kind: string; description?: string | null }) {
    const name = oneLine(input.name, 'name');
    if (!name || codePoints(name) > 120 || !(IP_KINDS as readonly string[]).includes(input.kind))
      throw RemixErrors.invalidIp();
    const ip: IntellectualPropertyEntity = {
      id: newId(),
      ownerId: actor.userId,
      name,
      kind: input.kind as IpKind,
      description: manyLines(input.description ?? '', 'description').slice(0, 5000),
      createdAt: this.clock.now(),
    };
    await this.ips.insertIp(ip);
    return ip;
  }

  myIps(actor: Actor) {
    return this.ips.ipsOf(actor.userId);
  }

  /**
   * The IP owner binds one of their original templates to their IP, with the terms fans remix it under. Every slot key
   * the terms name must be one of the template's parameters (in any of its versions). Remixes of the template made before it was bound
   * join the IP (they pay its share from their next sale).
   *
   * `lockedSubgraphId`: a subgraph of the template's newest version that is the IP itself (a character rig, say): any
   * workflow containing that exact definition then uses the IP, and only the IP's templates and remixes may carry it.
   * Only a definition nobody else has published may be locked, and only to one IP (`SubgraphLocks`).
   */
  async bind(
    actor: Actor,
    templateId: string,
    ipId: string,
    terms: RemixTerms,
    lockedSubgraphId: string | null = null,
  ): Promise<TemplateEntity> {
    const checked = checkTerms(terms);
    return this.templates.transaction(async (tx) => {
      const ip = await this.ips.ipById(ipId, tx);
      if (!ip) throw RemixErrors.ipNotFound();
      if (ip.ownerId !== actor.userId) throw RemixErrors.notIpOwner();
      const template = await this.templates.lock(tx, templateId);
      if (!template || template.ownerId !== actor.userId) throw TemplateErrors.notFound();
      if (template.ipId) throw RemixErrors.alreadyBound();
      if ((await this.ips.parentsOf(templateId, tx)).length) throw RemixErrors.remixCannotBind();
      const versions = await this.templates.versionsOf(templateId);
      const newest = versions[0];
      // A key is the template's when any of its versions has it (remixes copy the newest published one).
      const keys = new Set(versions.flatMap((v) => v.slots.map((slot) => slot.key)));
      const unknown = (checked.changeableSlots ?? []).find((key) => !keys.has(key));
      if (unknown !== undefined) throw TemplateErrors.unknownSlot(unknown);
      let lockedSubgraph: LockedSubgraph | null = null;
      if (lockedSubgraphId !== null) {
        lockedSubgraph = (newest && subgraphsOf(graphOf(newest)).find((s) => s.id === lockedSubgraphId)) || null;
        if (!lockedSubgraph) throw TemplateErrors.subgraphNotFound();
        await this.locks.assertMayLock(tx, ip, templateId, lockedSubgraph);
      }
      await this.ips.bind(tx, { templateId, ipId, terms: checked, lockedSubgraph }, this.clock.now());
      return (await this.templates.byId(templateId, tx))!;
    });
  }

  /**
   * The IP owner unbinds a template: the binding and its subgraph lock are released (anyone may use that definition
   * again), and the template and its remixes at any depth leave the IP — they stop paying the IP share from their next
   * sale (sales made are unchanged), keep their lineage and declared parent shares, and keep their terms but for the
   * IP share (now 0) and approval (now automatic: remixes waiting for approval are approved, nobody being left to
   * decide). The template may be bound again later.
   */
  async unbind(actor: Actor, templateId: string): Promise<UnbindOutcome> {
    return this.templates.transaction(async (tx) => {
      const template = await this.templates.lock(tx, templateId);
      if (!template || (template.status !== 'PUBLISHED' && template.ownerId !== actor.userId))
        throw TemplateErrors.notFound();
      const [binding] = await this.ips.bindingsOf([templateId], tx);
      if (!binding) throw TemplateErrors.notBound();
      const ip = await this.ips.ipById(binding.ipId, tx);
      if (ip?.ownerId !== actor.userId) throw RemixErrors.notIpOwner();
      const released = await this.ips.unbind(tx, templateId, binding.ipId, this.clock.now());
      return { template: (await this.templates.byId(templateId, tx))!, ...released };
    });
  }

  /** The binding of each of these templates that is bound to an IP itself (not through a parent). */
  async bindings(templateIds: readonly string[]): Promise<Map<string, IpBindingRow>> {
    return new Map((await this.ips.bindingsOf(templateIds)).map((b) => [b.templateId, b]));
  }

  /**
   * A remix of a published template: a new template of the fan's, starting as a copy of the parent's newest
   * published version, passing `shareBps` of its sales to the parent, under the parent's terms (tightened by
   * `terms`, never loosened). Under manual approval of an IP the lineage edge waits for the IP owner. The parent is
   * read again under its row lock, so a binding or unbinding of it at the same moment is seen whole.
   */
  async remix(
    actor: Actor,
    parentId: string,
    input: { name: string; shareBps: number; terms?: RemixTerms | null },
  ): Promise<TemplateEntity> {
    if (!Number.isInteger(input.shareBps) || input.shareBps < 0 || input.shareBps > 10_000)
      throw RemixErrors.invalidShare();
    const first = await this.templates.byId(parentId);
    if (!first || first.status !== 'PUBLISHED') throw RemixErrors.parentNotPublished();
    const source = (await this.templates.versionsOf(parentId)).find((v) => v.status === 'PUBLISHED');
    if (!source) throw RemixErrors.parentNotPublished();
    // Checked before anything is written, then again under the lock.
    termsOfRemix(first, input.terms);
    const draft = await this.templateService.newTemplate(actor, { name: input.name, tags: [] });
    // One transaction: a remix exists with its copied version and its lineage edge, or not at all.
    const childId = await this.templates.transaction(async (tx) => {
      const parent = await this.templates.lock(tx, parentId);
      if (!parent || parent.status !== 'PUBLISHED') throw RemixErrors.parentNotPublished();
      const child = {
        ...draft,
        tags: parent.terms?.requiredTags ?? [],
        terms: termsOfRemix(parent, input.terms),
        ipId: parent.ipId,
      };
      await this.templates.insert(child, tx);
      await this.templates.copyVersion(tx, source.id, { id: newId(), templateId: child.id, at: this.clock.now() });
      await this.ips.insertEdge(tx, {
        childId: child.id,
        parentId,
        relation: 'REMIX',
        shareBps: input.shareBps,
        // Only an IP owner approves: terms asking for approval without an IP have nobody to ask.
        status: parent.terms?.approval === 'MANUAL' && parent.ipId ? 'PENDING' : 'APPROVED',
        createdAt: this.clock.now(),
      });
      return child.id;
    });
    return (await this.templates.byId(childId))!;
  }

  /** The IP owner approves or rejects a pending remix; a second decision (or a concurrent one) changes nothing. */
  async decide(actor: Actor, childId: string, approve: boolean): Promise<LineageEdge> {
    const child = await this.templates.byId(childId);
    const ip = child?.ipId ? await this.ips.ipById(child.ipId) : null;
    if (!child || !ip) throw TemplateErrors.notFound();
    if (ip.ownerId !== actor.userId) throw RemixErrors.notIpOwner();
    if (!(await this.ips.decide(childId, approve ? 'APPROVED' : 'REJECTED'))) throw RemixErrors.nothingPending();
    return (await this.ips.parentsOf(childId))[0]!;
  }

  queue(actor: Actor) {
    return this.ips.pendingFor(actor.userId);
  }

  /** The remix tree around a template the viewer may see; edges to templates they may not see are left out. */
  async lineage(viewer: Actor | undefined, templateId: string, depth = MAX_ROYALTY_DEPTH): Promise<LineageView> {
    await this.templateService.visible(viewer, templateId);
    const capped = Math.max(1, Math.min(depth, 10));
    const ancestors = await this.ips.related(templateId, 'up', capped);
    const descendants = await this.ips.related(templateId, 'down', capped);
    const all = [...ancestors, ...descendants];
    const visible = await this.templates.visibleIds(
      [...new Set(all.flatMap((e) => [e.childId, e.parentId]))],
      viewer?.userId ?? null,
    );
    const shown = (e: LineageEdge) => visible.has(e.childId) && visible.has(e.parentId);
    return { ancestors: ancestors.filter(shown), descendants: descendants.filter(shown) };
  }
}
