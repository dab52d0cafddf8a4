import { Injectable } from '@nestjs/common';
import type { Actor } from '@lookbook/core';
import { Clock, Notifier } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import { IpRepository } from '../ips/ip.repository';
import { LineageRepository } from '../lineage/lineage.repository';
import type { RemixTerms } from '../lineage/remix-terms';
import { checkTerms, inheritTerms } from '../lineage/remix-terms';
import { RemixErrors } from '../templates.errors';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';

/** A remix's terms: the parent's, tightened by what the fan declares; without parent terms, the fan's own. */
function termsOfRemix(parent: TemplateEntity, declared: RemixTerms | null | undefined): RemixTerms | null {
  // Inheriting the parent's own terms unchanged still checks that they allow remixing.
  if (parent.terms) return inheritTerms(parent.terms, declared ?? parent.terms);
  return declared ? checkTerms(declared) : null;
}

/**
 * Remixes: anyone may remix a published template within the terms it passes on (tightening them if they like). A
 * remix is a new template of the fan's with a lineage edge to its parent; under manual approval of an IP the edge
 * waits in the IP owner's queue (`LineageService.decide`) and the remix cannot be published until approved.
 */
@Injectable()
export class RemixService {
  constructor(
    private readonly lineage: LineageRepository,
    private readonly templates: TemplateRepository,
    private readonly templateService: TemplateService,
    private readonly ips: IpRepository,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

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
      // Only an IP owner approves: terms asking for approval without an IP have nobody to ask.
      const pending = parent.terms?.approval === 'MANUAL' && parent.ipId;
      await this.lineage.insertEdge(tx, {
        childId: child.id,
        parentId,
        relation: 'REMIX',
        shareBps: input.shareBps,
        status: pending ? 'PENDING' : 'APPROVED',
        createdAt: this.clock.now(),
      });
      const ip = pending ? await this.ips.ipById(parent.ipId!, tx) : null;
      if (ip)
        await this.notifier.notify(tx, {
          recipientId: ip.ownerId,
          kind: 'REMIX_REQUEST',
          actorId: actor.userId,
          subjectKind: 'TEMPLATE',
          subjectId: child.id,
          text: `A remix of ${parent.name} (${ip.name}) awaits your approval: ${child.name}`,
          url: '/studio/ips',
          dedupeKey: `templates.remix-request:${child.id}`,
        });
      return child.id;
    });
    return (await this.templates.byId(childId))!;
  }
}
