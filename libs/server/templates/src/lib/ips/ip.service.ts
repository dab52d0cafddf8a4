import { Injectable } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { Clock } from '@lookbook/core';
import { codePoints, manyLines, newId, oneLine } from '@lookbook/kernel';
import { LineageRepository } from '../lineage/lineage.repository';
import type { RemixTerms } from '../lineage/remix-terms';
import { checkTerms } from '../lineage/remix-terms';
import { RemixErrors, TemplateErrors } from '../templates.errors';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import type { LockedSubgraph } from '../workflows/workflow-graph';
import { graphOf, subgraphsOf } from '../workflows/workflow-graph';
import type { IpKind } from './ip.entity';
import { IP_KINDS, IntellectualPropertyEntity } from './ip.entity';
import { IpRepository } from './ip.repository';
import { SubgraphLocks } from './subgraph-locks.service';

/** What an unbinding did: the template, and how many remixes left the IP (and how many of them were approved). */
export interface UnbindOutcome {
  template: TemplateEntity;
  releasedRemixes: number;
  approvedRemixes: number;
}

/**
 * Intellectual properties and their bindings: an IP owner registers a franchise or character, binds an original
 * template to it with the terms fans remix it under (optionally locking a subgraph that is the IP itself), and may
 * unbind it again. Remixes follow their original into and out of the IP (`LineageRepository.joinIp` / `leaveIp`).
 */
@Injectable()
export class IpService {
  constructor(
    private readonly ips: IpRepository,
    private readonly lineage: LineageRepository,
    private readonly templates: TemplateRepository,
    private readonly locks: SubgraphLocks,
    private readonly clock: Clock,
  ) {}

  async register(
    actor: Actor,
    input: { name: string; kind: string; description?: string | null },
  ): Promise<IntellectualPropertyEntity> {
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

  mine(actor: Actor): Promise<IntellectualPropertyEntity[]> {
    return this.ips.ipsOf(actor.userId);
  }

  /**
   * The IP owner binds one of their original templates to their IP, with the terms fans remix it under. Every slot key
   * the terms name must be one of the template's parameters (in any of its versions). Remixes of the template made
   * before it was bound join the IP (they pay its share from their next sale).
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
      if ((await this.lineage.parentsOf(templateId, tx)).length) throw RemixErrors.remixCannotBind();
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
      const at = this.clock.now();
      await this.ips.bind(tx, { templateId, ipId, terms: checked, lockedSubgraph }, at);
      await this.lineage.joinIp(tx, templateId, ipId, at);
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
      await this.ips.unbind(tx, templateId, binding.ipId);
      const released = await this.lineage.leaveIp(tx, templateId, binding.ipId, this.clock.now());
      return { template: (await this.templates.byId(templateId, tx))!, ...released };
    });
  }
}
