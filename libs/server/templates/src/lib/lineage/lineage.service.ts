import { Injectable } from '@nestjs/common';
import { CatalogFacade } from '@lookbook/catalog';
import type { Actor } from '@lookbook/core';
import { Clock, Notifier } from '@lookbook/core';
import { IpRepository } from '../ips/ip.repository';
import { RemixErrors, TemplateErrors } from '../templates.errors';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateService } from '../templates/template.service';
import type { LineageEdge } from './lineage-edge';
import { LineageRepository } from './lineage.repository';
import { MAX_ROYALTY_DEPTH } from './royalty-cascade';

export interface LineageView {
  ancestors: (LineageEdge & { depth: number })[];
  descendants: (LineageEdge & { depth: number })[];
}

const DERIVED_MODEL_RELATIONS: readonly string[] = ['MERGE', 'FINETUNE', 'ADAPTER'];

/**
 * The lineage graph as people see and change it: the remix tree around a template, the IP owner's approval queue and
 * decisions, and derived models (a model declaring the published model it derives from, with a share). Remixes
 * themselves are made by `RemixService`; what a sale pays along the lineage is `RoyaltyLineage`'s.
 */
@Injectable()
export class LineageService {
  constructor(
    private readonly lineage: LineageRepository,
    private readonly ips: IpRepository,
    private readonly templates: TemplateRepository,
    private readonly templateService: TemplateService,
    private readonly catalog: CatalogFacade,
    private readonly notifier: Notifier,
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
    if (!DERIVED_MODEL_RELATIONS.includes(input.relation)) throw RemixErrors.invalidRelation();
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
    await this.templates.transaction((tx) => this.lineage.insertEdge(tx, edge, 'MODEL'));
    return edge;
  }

  /** What a model declares it derives from (public: the royalties a buyer's money pays). */
  async modelParents(viewer: Actor | undefined, modelId: string): Promise<LineageEdge[]> {
    const published = (await this.catalog.publishedModels([modelId])).length > 0;
    if (!published && (await this.catalog.modelOwners([modelId])).get(modelId) !== viewer?.userId)
      throw RemixErrors.modelNotFound('modelId');
    return this.lineage.parentsOf(modelId);
  }

  /** The IP owner approves or rejects a pending remix; a second decision (or a concurrent one) changes nothing. */
  async decide(actor: Actor, childId: string, approve: boolean): Promise<LineageEdge> {
    const child = await this.templates.byId(childId);
    const ip = child?.ipId ? await this.ips.ipById(child.ipId) : null;
    if (!child || !ip) throw TemplateErrors.notFound();
    if (ip.ownerId !== actor.userId) throw RemixErrors.notIpOwner();
    const decided = await this.templates.transaction(async (tx) => {
      if (!(await this.lineage.decide(childId, approve ? 'APPROVED' : 'REJECTED', tx))) return false;
      await this.notifier.notify(tx, {
        recipientId: child.ownerId,
        kind: 'REMIX_DECISION',
        actorId: actor.userId,
        subjectKind: 'TEMPLATE',
        subjectId: childId,
        text: `Your remix ${child.name} was ${approve ? 'approved' : 'rejected'} by the owner of ${ip.name}`,
        url: `/templates/${childId}`,
        dedupeKey: `templates.remix-decision:${childId}`,
      });
      return true;
    });
    if (!decided) throw RemixErrors.nothingPending();
    return (await this.lineage.parentsOf(childId))[0]!;
  }

  /** Remixes of the actor's IPs waiting for their decision, oldest first. */
  queue(actor: Actor): Promise<LineageEdge[]> {
    return this.lineage.pendingFor(actor.userId);
  }

  /** The remix tree around a template the viewer may see; edges to templates they may not see are left out. */
  async tree(viewer: Actor | undefined, templateId: string, depth = MAX_ROYALTY_DEPTH): Promise<LineageView> {
    await this.templateService.visible(viewer, templateId);
    const capped = Math.max(1, Math.min(depth, 10));
    const ancestors = await this.lineage.related(templateId, 'up', capped);
    const descendants = await this.lineage.related(templateId, 'down', capped);
    const all = [...ancestors, ...descendants];
    const visible = await this.templates.visibleIds(
      [...new Set(all.flatMap((e) => [e.childId, e.parentId]))],
      viewer?.userId ?? null,
    );
    const shown = (e: LineageEdge) => visible.has(e.childId) && visible.has(e.parentId);
    return { ancestors: ancestors.filter(shown), descendants: descendants.filter(shown) };
  }
}
